#!/usr/bin/env bash
# Regenerates docs/FINDINGS.md: runs every claim sweep in sweeps/ (the files with a claims: list) on
# Spark local mode, judges each claim on its tables, and writes the page with the wall time and the
# machine it ran on. Trials already under results/findings/ are kept, so a rerun only judges again.
#   scripts/findings.sh                          # all claim sweeps
#   scripts/findings.sh sweeps/born-dead.yaml    # some of them (the page then holds only those)
#   scripts/findings.sh --seeds 3 --max-steps 50 # scaled down: a quick check, not results to cite
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
files=()
options=()
for a in "$@"; do
  if [[ "$a" == *.yaml || "$a" == *.yml ]]; then files+=("$a"); else options+=("$a"); fi
done
if [[ ${#files[@]} -eq 0 ]]; then
  for f in sweeps/*.yaml; do
    if grep -q '^claims:' "$f"; then files+=("$f"); fi
  done
fi
exec "$here/scripts/deadrelu" findings "${files[@]}" --out results/findings --doc docs/FINDINGS.md \
  --command "scripts/findings.sh" ${options[@]+"${options[@]}"}
