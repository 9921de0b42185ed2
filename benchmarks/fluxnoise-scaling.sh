#!/usr/bin/env bash
# The scaling study of issue 18: `qpspin flux-noise` along the paper example's family (aluminium's Gamma and tau_s,
# V = 1e-3 um^3, Gamma_t = Gamma/N0 so that N0 = Nc; the paper's example is N0 = 1e4), one cold run per N0, and a
# table of what each cost.
#
# Usage: benchmarks/fluxnoise-scaling.sh [-x HEAP] [-s SOLVER] [-o DIR] N0 [N0 ...]
#   -x HEAP    Java heap (default 6g; the machine is shared: 8g or less unless told otherwise)
#   -s SOLVER  --solver of flux-noise (default multigrid)
#   -o DIR     where the JSON, the /usr/bin/time report and stderr of each run go (default benchmarks/fluxnoise-runs)
# Example: /work/bin/qbuild --run benchmarks/fluxnoise-scaling.sh 300 1000 2000
# Needs the jar (qpspin-cli/target/qpspin.jar, built by `mvn -o -DskipTests -pl qpspin-cli -am package`),
# /usr/bin/time and python3. Prints a markdown table on stdout (also DIR/table.md); the machine is shared, so the
# load average before and after each run is in the table: quote it beside every number.
#
# Columns: states of the final truncation; attempts (screening + full solves; docs/validation.md, "Screening the
# intermediate attempts"); the final solve's cycles + GMRES iterations (from exact.iterative) and its seconds per
# iteration (final attempt's seconds / (cycles + iterations), assembly included); the whole truncation search's
# seconds; wall and CPU (user + system) seconds of the run; peak resident set; S_Phi (phi1 = 1e-7 Phi0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heap=6g
solver=multigrid
out="$here/benchmarks/fluxnoise-runs"
while getopts "x:s:o:" opt; do
  case "$opt" in
    x) heap="$OPTARG" ;;
    s) solver="$OPTARG" ;;
    o) out="$OPTARG" ;;
    *) echo "usage: benchmarks/fluxnoise-scaling.sh [-x HEAP] [-s SOLVER] [-o DIR] N0 [N0 ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
  echo "usage: benchmarks/fluxnoise-scaling.sh [-x HEAP] [-s SOLVER] [-o DIR] N0 [N0 ...]" >&2
  exit 2
fi
jar="$here/qpspin-cli/target/qpspin.jar"
if [ ! -f "$jar" ]; then
  echo "fluxnoise-scaling: $jar missing; build it first (mvn -o -DskipTests -pl qpspin-cli -am package)" >&2
  exit 2
fi
vector=()
java_bin="$(readlink -f "$(command -v java)")"
if grep -q 'jdk\.incubator\.vector' "$(dirname "$java_bin")/../release" 2>/dev/null; then
  vector=(--add-modules jdk.incubator.vector)
fi
mkdir -p "$out"
rows=()
for n0 in "$@"; do
  gt="$(python3 -c "print(18.8669 / float('$n0'))")"
  base="$out/n0-$n0"
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  started="$(date -u +%FT%TZ)"
  /usr/bin/time -v -o "$base.time" java ${vector[@]+"${vector[@]}"} "-Xmx$heap" -Xss16m -Dqpspin.stderrTerminal=false \
    -jar "$jar" flux-noise --gamma 18.8669 --gamma-t "$gt" --tau-s 12.6491 --V 0.001 --N0 "$n0" --phi1 1e-7 \
    --solver "$solver" --json > "$base.json" 2> "$base.err" || { echo "N0 = $n0 failed; see $base.err" >&2; continue; }
  after="$(cut -d' ' -f1-3 /proc/loadavg)"
  rows+=("$(python3 - "$base.json" "$base.time" "$n0" "$started" "$before" "$after" <<'EOF'
import json, re, sys
js, tm, n0, started, before, after = sys.argv[1:]
e = json.load(open(js))["exact"]
t = open(tm).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall_s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024 / 1024
if not e.get("solved"):
    print(f"| {n0} | not solved: {e.get('note')} | | | | | {wall_s:.0f} | {cpu:.0f} | {rss:.2f} | | {before} / {after} |")
    sys.exit()
att = e["attempts"]
screening = sum(1 for a in att if a["screening"])
it = e.get("iterative") or {}
iters = it.get("cycles", 0) + it.get("krylovIterations", 0)
last = att[-1]["seconds"]
per = f"{last / iters:.3f}" if iters else "–"
print(f"| {n0} | {e['states']} | {screening} + {len(att) - screening} | {it.get('cycles', '–')} + "
      f"{it.get('krylovIterations', '–')} | {per} | {e['stationarySeconds']:.0f} | {wall_s:.0f} | {cpu:.0f} | "
      f"{rss:.2f} | {e['sPhi']:.5g} | {before} / {after} ({started}) |")
EOF
)")
done
{
  echo "| N0 = Nc | states | attempts (screening + full) | final solve: cycles + GMRES | s/iteration | truncation search s | wall s | CPU s | peak RSS GB | S_Phi, Phi0^2/Hz | load before / after |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${rows[@]+"${rows[@]}"}"; do echo "$r"; done
} | tee "$out/table.md"
