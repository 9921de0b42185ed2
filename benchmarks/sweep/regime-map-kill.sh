#!/usr/bin/env bash
# A regime-map sweep killed mid-way and resumed (docs/sweep.md): qpspin sweep regime-map on 51 x 51 = 2 601 cells,
# SIGKILL after 40 s (no shutdown hook, nothing flushed), the same command again (it skips the cells stored), and
# the map compared byte for byte with qpspin regime-map in one process.
#   benchmarks/sweep/regime-map-kill.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${SWEEP_BENCH_DIR:-/tmp/qpspin-sweep-bench}/regime-map-kill"
after="${1:-40}"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export QPSPIN_JAVA_OPTS="${QPSPIN_JAVA_OPTS:--Xmx2g -Xss16m}"
grid=(--v-range 1e-3:1e2 --a-range 1e-4:1e1 --per-decade 10)
"$root/qpspin" sweep --help > /dev/null && "$root/qpspin" --help > /dev/null   # builds, outside the run
echo "start: $(uptime)"
"$root/qpspin" sweep regime-map "${grid[@]}" --json -q --out out --master 'local[2]' > first.json 2> first.err &
pid=$!   # the qpspin script execs java: this is the JVM
sleep "$after"
stored=$(find out/points -name '[0-9a-f]*.json' 2> /dev/null | wc -l)
kill -9 "$pid"
wait "$pid" || true
echo "killed (SIGKILL) after $after s with $stored cell records stored; results.csv: $(ls out/results.csv 2> /dev/null || echo none)"
"$root/qpspin" sweep regime-map "${grid[@]}" --json -q --out out --master 'local[2]' > resumed.json 2> resumed.err
grep -E '"(points|skipped|ran|done)"' out/sweep.json
"$root/qpspin" regime-map "${grid[@]}" --json -q > one-process.json
cmp one-process.json resumed.json && echo "the resumed map equals the one-process map, byte for byte"
echo "end: $(uptime)"
