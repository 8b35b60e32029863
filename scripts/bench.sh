#!/usr/bin/env bash
# The deadrelu benchmark: DL4J against deadrelu's engine, the gemm roofline, memory, Spark scaling,
# probe cost. One report on stdout (and in bench/target/bench-work/report.txt). See bench/README.md.
#   scripts/bench.sh            # full run, about 18-20 minutes on 2 cores
#   scripts/bench.sh --quick    # smoke run, about 4 minutes
#   scripts/bench.sh --help     # options
# Exit status: 0 done (targets are reported, not asserted), 1 the variants' losses disagree or a
# section broke, 2 bad options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# Build model, jobs and bench (compile only: no tests, no packaging or shading); the bench profile
# adds the module. Maven downloads what the local repository lacks (DL4J's deeplearning4j-nn, on first
# use), as the build does; BENCH_OFFLINE=1 forbids it.
offline=
[[ "${BENCH_OFFLINE:-0}" == 1 ]] && offline=-o
echo "bench: compiling (./mvnw $offline -Pbench -pl bench -am compile)..." >&2
./mvnw $offline -q -B -Pbench -pl bench -am -DskipTests compile >&2

# Run from a copy of the compiled classes, so a rebuild of model/ or jobs/ during the run (another
# checkout's tests, an edit) cannot change the code under measurement halfway through.
snap="$here/bench/target/bench-classes"
rm -rf "$snap"
mkdir -p "$snap"
cp -r "$here/model/target/classes" "$snap/model"
cp -r "$here/jobs/target/classes" "$snap/jobs"
cp -r "$here/bench/target/classes" "$snap/bench"
deps="$(cat "$here/bench/target/classpath.txt")"
deps="${deps//$here\/model\/target\/classes/$snap/model}"
deps="${deps//$here\/jobs\/target\/classes/$snap/jobs}"

# ND4J is many times slower on small ops with OpenMP threads: one thread, set before any JVM starts.
# The harness passes it on to every child JVM it launches.
export OMP_NUM_THREADS=1
# every variant (DL4J, the engine, the roofline) runs on the same OpenBLAS kernels
source "$here/scripts/openblas-core.sh"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

exec java -Xmx1g -cp "$snap/bench:$deps" org.deadrelu.bench.Bench --work "$here/bench/target/bench-work" "$@"
