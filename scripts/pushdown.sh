#!/usr/bin/env bash
# The push-down figures of docs/performance.md: a synthetic neurons table written as a sweep writes it, then
# DuckDB counting one trial's rows by a full scan and by a pushed-down predicate.
#   scripts/pushdown.sh                                   # 10 million rows in /tmp/deadrelu-pushdown
#   scripts/pushdown.sh 10000000 /tmp/pd waves            # written 64 trials at a time, as a sweep's waves
#   scripts/pushdown.sh 10000000 /tmp/pd compacted        # those waves, then compacted as a sweep ends
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -o -q -B -pl jobs -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
source scripts/openblas-core.sh
exec java -Xmx4g -cp "jobs/target/test-classes:jobs/target/classes:model/target/classes:$(cat jobs/target/test-classpath.txt)" \
  org.deadrelu.jobs.output.NeuronsPushDownBench "$@"
