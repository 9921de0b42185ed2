#!/usr/bin/env bash
# Executor scaling on this machine (docs/benchmarks.md, "Sweeps"): a standalone Spark cluster made of the Maven
# jars (no Spark distribution: a SPARK_HOME whose jars/ links the jars of qpspin-sweep/target/spark.classpath),
# master + one worker with 2 cores, then the 250-point sweep with 1 executor x 1 core, 2 executors x 1 core and
# 1 executor x 2 cores (separate executor JVMs), each on a fresh --out. Stops the master and the worker at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
home="${SWEEP_SPARK_HOME:-/tmp/qpspin-spark-home}"
work="${SWEEP_BENCH_DIR:-/tmp/qpspin-sweep-bench}/cluster"
"$root/qpspin" sweep --help > /dev/null
rm -rf "$home" "$work" && mkdir -p "$home/jars" "$home/conf" "$work"
tr ':' '\n' < "$root/qpspin-sweep/target/spark.classpath" | grep '\.jar$' | grep -v '/qpspin-' \
  | while read -r j; do ln -sf "$j" "$home/jars/"; done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
opens=$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' "$root/qpspin-sweep/pom.xml")
cp="$home/conf:$home/jars/*"
# shellcheck disable=SC2086
java $opens -Xmx512m -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 \
  --webui-port 8180 > "$work/master.log" 2>&1 &
master_pid=$!
sleep 8
# shellcheck disable=SC2086
java $opens -Xmx512m -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 8g \
  --webui-port 8181 --work-dir "$work/worker" spark://127.0.0.1:7177 > "$work/worker.log" 2>&1 &
worker_pid=$!
trap 'kill $worker_pid $master_pid 2>/dev/null || true' EXIT
sleep 10
export QPSPIN_JAVA_OPTS="${QPSPIN_JAVA_OPTS:--Xmx2g -Xss16m}"
run() {
  local name=$1; shift
  echo "== cluster, $name: $(uptime)"
  "$root/qpspin" sweep stationary --grid "$here/grid-250.yaml" --out "$work/$name" -q \
    --master spark://127.0.0.1:7177 --conf spark.driver.host=127.0.0.1 --conf spark.executor.memory=2g "$@"
  grep -E '"(points|done|wallSeconds|jobSeconds|pointsPerSecond)"' "$work/$name/sweep.json"
  echo "   executors used: $(grep -ho '"executor":"[^"]*"' "$work/$name"/points/*.json | sort -u | tr '\n' ' ')"
  echo "   after: $(uptime)"
}
run 1x1 --conf spark.executor.cores=1 --conf spark.cores.max=1
run 2x1 --conf spark.executor.cores=1 --conf spark.cores.max=2
run 1x2 --conf spark.executor.cores=2 --conf spark.cores.max=2
