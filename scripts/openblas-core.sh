# Sourced by the launchers (scripts/deadrelu, bench.sh, cluster.sh, .ci/run): picks OpenBLAS's
# kernels before any JVM starts, since OpenBLAS reads OPENBLAS_CORETYPE once, when it loads.
#
# ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, which predates AMD Zen 4 and Intel Sapphire and Emerald
# Rapids. On a Zen 4 EPYC it runs its AVX2 "Zen" kernels although the CPU has AVX-512; on an Intel
# model it does not know it falls back to its generic SSE3 "Prescott" kernels (on an Emerald Rapids
# Xeon a population's [256 x 64] x [64 x 64] products ran 3.6x slower than with "SkylakeX"). Its
# "SkylakeX" (AVX-512) kernels are what newer OpenBLAS releases choose on these CPUs themselves, and
# what 0.3.19 chooses on the Intel AVX-512 models it knows. So on any CPU with the AVX-512 subsets
# those kernels use, they are chosen.
# An OPENBLAS_CORETYPE already set is kept (OPENBLAS_CORETYPE=Zen restores OpenBLAS's own choice on
# Zen 4); DEADRELU_BLAS_AUTO=0 leaves the environment exactly as it is. DEADRELU_CPUINFO names the
# file read in place of /proc/cpuinfo (for tests).
#
# The kernels change the last bits of float results: two runs agree bit for bit when their
# executors use the same kernels.
if [[ "${DEADRELU_BLAS_AUTO:-1}" != 0 && -z "${OPENBLAS_CORETYPE:-}" && -r "${DEADRELU_CPUINFO:-/proc/cpuinfo}" ]]; then
  deadrelu_cpu="$(grep -m1 '^vendor_id' "${DEADRELU_CPUINFO:-/proc/cpuinfo}" || true) $(grep -m1 '^flags' "${DEADRELU_CPUINFO:-/proc/cpuinfo}" || true) "
  deadrelu_avx512=1
  for deadrelu_flag in avx512f avx512cd avx512bw avx512dq avx512vl; do
    [[ "$deadrelu_cpu" == *" $deadrelu_flag "* ]] || deadrelu_avx512=0
  done
  if [[ "$deadrelu_avx512" == 1 ]]; then
    export OPENBLAS_CORETYPE=SkylakeX
  fi
  unset deadrelu_cpu deadrelu_avx512 deadrelu_flag
fi
