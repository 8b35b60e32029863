#!/usr/bin/env bash
# spark-submit deadrelu with the settings it needs on a cluster. Usage:
#   scripts/submit.sh --master spark://host:7077 [spark-submit options...] -- sweep sweeps/x.yaml --out hdfs:///results
# Everything before "--" goes to spark-submit, everything after to deadrelu.
# Needs spark-submit on PATH (or SPARK_HOME set) and the shaded jar (built by ./mvnw -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${DEADRELU_JAR:-$here/jobs/target/deadrelu-jobs-0.1.0-spark.jar}"
submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"

spark_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do spark_args+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
[[ -f "$jar" ]] || { echo "submit.sh: no jar at $jar; build it with ./mvnw -DskipTests package" >&2; exit 2; }

# One ND4J thread per task and one task per core: parallelism comes from Spark, not OpenMP.
# Off-heap limits are set explicitly (JavaCPP's defaults follow the heap), in one string.
offheap="-Dorg.bytedeco.javacpp.maxbytes=${DEADRELU_OFFHEAP:-1g} -Dorg.bytedeco.javacpp.maxphysicalbytes=${DEADRELU_PHYSICAL:-3g}"
# OpenBLAS picks its kernels on each executor; an OPENBLAS_CORETYPE set here is passed on to them
# (SkylakeX on a cluster of AMD Zen 4 machines: see scripts/openblas-core.sh).
blas=()
[[ -n "${OPENBLAS_CORETYPE:-}" ]] && blas=(--conf "spark.executorEnv.OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE")
exec "$submit" \
  --class org.deadrelu.jobs.cli.Main \
  --conf spark.task.cpus=1 \
  --conf spark.executorEnv.OMP_NUM_THREADS=1 \
  --conf spark.yarn.appMasterEnv.OMP_NUM_THREADS=1 \
  --conf spark.kubernetes.driverEnv.OMP_NUM_THREADS=1 \
  --conf "spark.executor.extraJavaOptions=$offheap" \
  --conf "spark.driver.extraJavaOptions=$offheap" \
  --conf spark.executor.memoryOverhead="${DEADRELU_OVERHEAD:-2g}" \
  "${blas[@]}" \
  "${spark_args[@]}" \
  "$jar" "$@"
