#!/usr/bin/env bash
# Runs sweeps/quickstart.yaml and its report, and saves a screenshot of each section of the page in
# docs/report/ (the pictures docs/report.md shows). Needs Debian's chromium; takes a few minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
cd "$here"
./mvnw -B -q ${MVN_OFFLINE:+-o} -pl model,jobs test -Dtest=ReportScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddeadrelu.screenshots="$here/docs/report"
ls "$here/docs/report"
