#!/usr/bin/env bash
# Runs the JMH suite.  Usage: benchmarks/run.sh short|full [extra JMH arguments, e.g. a benchmark regex]
#   short : 1 fork, 1 warm-up + 2 measurement iterations of 1 s, sizes 10^4 and 10^5 only (a few minutes);
#           for a quick look and for loaded machines.
#   full  : the annotations' settings and every @Param size (10^4 ... 10^6, 10^7 for the matvec; long).
# Examples: benchmarks/run.sh short MatVec      benchmarks/run.sh full 'LevelSolver|MatVec' -rf json
# The machine is shared: say what else ran (uptime) when you quote numbers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
shift || true
case "$mode" in
  short) opts=(-f 1 -wi 1 -i 2 -w 1s -r 1s -p states=10000,100000) ;;
  full) opts=() ;;
  *) echo "usage: benchmarks/run.sh short|full [JMH arguments]" >&2; exit 2 ;;
esac
(cd "$here" && mvn -B -q -o -DskipTests -pl benchmarks -am package) >&2
echo "load before: $(uptime)" >&2
java -jar "$here/benchmarks/target/benchmarks.jar" "${opts[@]}" "$@"
echo "load after: $(uptime)" >&2
