# Sourced by the launchers (scripts/deadrelu, bench.sh, cluster.sh, .ci/run): picks OpenBLAS's
# kernels before any JVM starts, since OpenBLAS reads OPENBLAS_CORETYPE once, when it loads.
#
# ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, which predates AMD Zen 4: on a Zen 4 EPYC it runs its
# AVX2 "Zen" kernels although the CPU has AVX-512. Its "SkylakeX" (AVX-512) kernels run the
# engine's small products faster there (docs/performance.md; newer OpenBLAS releases choose them
# on Zen 4 themselves). So on an AMD CPU with the AVX-512 subsets those kernels use, they are chosen.
# An OPENBLAS_CORETYPE already set is kept (OPENBLAS_CORETYPE=Zen restores OpenBLAS's own choice);
# DEADRELU_BLAS_AUTO=0 leaves the environment exactly as it is. DEADRELU_CPUINFO names the file
# read in place of /proc/cpuinfo (for tests).
#
# The kernels change the last bits of float results: two runs agree bit for bit when their
# executors use the same kernels.
if [[ "${DEADRELU_BLAS_AUTO:-1}" != 0 && -z "${OPENBLAS_CORETYPE:-}" && -r "${DEADRELU_CPUINFO:-/proc/cpuinfo}" ]]; then
  deadrelu_cpu="$(grep -m1 '^vendor_id' "${DEADRELU_CPUINFO:-/proc/cpuinfo}" || true) $(grep -m1 '^flags' "${DEADRELU_CPUINFO:-/proc/cpuinfo}" || true) "
  if [[ "$deadrelu_cpu" == *AuthenticAMD* ]]; then
    deadrelu_avx512=1
    for deadrelu_flag in avx512f avx512cd avx512bw avx512dq avx512vl; do
      [[ "$deadrelu_cpu" == *" $deadrelu_flag "* ]] || deadrelu_avx512=0
    done
    if [[ "$deadrelu_avx512" == 1 ]]; then
      export OPENBLAS_CORETYPE=SkylakeX
    fi
    unset deadrelu_avx512 deadrelu_flag
  fi
  unset deadrelu_cpu
fi
