#!/usr/bin/env bash
# Sweep throughput (docs/benchmarks.md, "Sweeps"): a 1000-point stationary sweep at ~10^4 states on the embedded
# Spark with 1 and 2 worker threads, and a loop of ./qpspin processes over a sample of the same points
# (extrapolated to 1000). The machine is shared: uptime is printed beside every number.
#   benchmarks/sweep/run.sh [SAMPLE]     (SAMPLE: points of the process loop, default 20)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${SWEEP_BENCH_DIR:-/tmp/qpspin-sweep-bench}"
sample="${1:-20}"
rm -rf "$work" && mkdir -p "$work"
export QPSPIN_JAVA_OPTS="${QPSPIN_JAVA_OPTS:--Xmx4g -Xss16m}"
"$root/qpspin" sweep --help > /dev/null   # builds the sweep jar if needed, outside the timings
"$root/qpspin" --help > /dev/null         # and the main jar
for master in "local[2]" "local[1]"; do
  echo "== sweep, $master: $(uptime)"
  /usr/bin/time -f "   process wall %e s, cpu %U+%S s" \
    "$root/qpspin" sweep stationary --grid "$here/grid-1000.yaml" --out "$work/$master" --master "$master" -q
  grep -E '"(points|done|failed|wallSeconds|jobSeconds|pointsPerSecond)"' "$work/$master/sweep.json"
  echo "   after: $(uptime)"
done
echo "== loop of ./qpspin processes over $sample of the same points: $(uptime)"
python3 - "$work/local[2]/results.csv" "$sample" > "$work/loop-args.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
step = max(1, len(rows) // int(sys.argv[2]))
for r in rows[::step][: int(sys.argv[2])]:
    print(r["V"], r["N0"])
PY
start=$(date +%s.%N)
/usr/bin/time -f "   loop cpu %U+%S s" bash -c 'while read -r v n0; do
  "$0" stationary --preset aluminium --V "$v" --N0 "$n0" --json > /dev/null 2>&1
done < "$1"' "$root/qpspin" "$work/loop-args.txt"
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'   {n} processes in {s:.1f} s: {n/s:.3f} points/s, 1000 points extrapolated: {1000*s/n:.0f} s')" "$start" "$end" "$(wc -l < "$work/loop-args.txt")"
echo "   after: $(uptime)"
