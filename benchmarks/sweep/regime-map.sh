#!/usr/bin/env bash
# What a 10^4-point exact regime map costs (docs/benchmarks.md, "Sweeps"): qpspin regime-map in one process
# against qpspin sweep regime-map on the embedded Spark (local[2] by default), on the same 101 x 101 grid
# (10 201 cells, exact solves where the mean-field N* <= 200); checks that both print the same JSON, byte for byte.
# The machine is shared: uptime is printed beside every number.
#   benchmarks/sweep/regime-map.sh [MASTER]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${SWEEP_BENCH_DIR:-/tmp/qpspin-sweep-bench}/regime-map"
master="${1:-local[2]}"
rm -rf "$work" && mkdir -p "$work"
export QPSPIN_JAVA_OPTS="${QPSPIN_JAVA_OPTS:--Xmx4g -Xss16m}"
grid=(--v-range 1e-3:1e2 --a-range 1e-4:1e1 --per-decade 20)
"$root/qpspin" sweep --help > /dev/null   # builds the sweep jar if needed, outside the timings
"$root/qpspin" --help > /dev/null         # and the main jar
echo "== qpspin regime-map, one process: $(uptime)"
/usr/bin/time -f "   wall %e s, cpu %U+%S s" \
  "$root/qpspin" regime-map "${grid[@]}" --json -q > "$work/in-process.json"
echo "   after: $(uptime)"
echo "== qpspin sweep regime-map, $master: $(uptime)"
/usr/bin/time -f "   wall %e s, cpu %U+%S s" \
  "$root/qpspin" sweep regime-map "${grid[@]}" --json -q --out "$work/sweep" --master "$master" > "$work/sweep-out.json"
grep -E '"(points|done|failed|wallSeconds|jobSeconds|pointsPerSecond)"' "$work/sweep/sweep.json"
echo "   after: $(uptime)"
cmp "$work/in-process.json" "$work/sweep-out.json" && echo "   the same JSON output, byte for byte"
python3 - "$work/sweep/results.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
exact = [r for r in rows if r["states"]]
other = [r for r in rows if not r["states"]]
def med(rs, k):
    return statistics.median(float(r[k]) for r in rs) if rs else float("nan")
print(f"   {len(rows)} cells: {len(exact)} solved exactly (states: median {med(exact, 'states'):.0f}, "
      f"max {max(int(r['states']) for r in exact)}; point wall: median {1e3 * med(exact, 'pointSeconds'):.1f} ms, "
      f"sum {sum(float(r['pointSeconds']) for r in exact):.1f} s), {len(other)} mean field only "
      f"(point wall median {1e3 * med(other, 'pointSeconds'):.1f} ms)")
PY
