package org.deadrelu.jobs.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/openblas-core.sh} chooses OpenBLAS's AVX-512 kernels on a CPU, AMD or Intel, that
 * has the AVX-512 subsets they use, and nowhere else; it never overrides a choice already made.
 */
class OpenBlasCoreScriptTest {
  private static final Path SCRIPT = Path.of(System.getProperty("deadrelu.root", ".."))
      .resolve("scripts/openblas-core.sh").toAbsolutePath().normalize();

  // flags as /proc/cpuinfo lists them on the machines this project is built on (AMD EPYC, Zen 4)
  private static final String ZEN4_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep avx2 fma"
      + " avx512f avx512dq avx512ifma avx512cd avx512bw avx512vl avx512_bf16 avx512vbmi";
  private static final String ZEN3_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep avx2 fma sha_ni";
  // an Intel Xeon (Emerald Rapids) that OpenBLAS 0.3.19 does not know: it would run its SSE3 kernels
  private static final String EMERALD_RAPIDS_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep avx2 fma avx512f"
      + " avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl avx_vnni avx512_bf16";
  // an Intel core without AVX-512 (Alder Lake)
  private static final String ALDER_LAKE_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep avx2 fma avx_vnni sha_ni";

  @TempDir
  Path tmp;

  @Test
  void amdWithAvx512GetsTheSkylakeXKernels() throws Exception {
    assertEquals("SkylakeX", coreType(cpu("AuthenticAMD", ZEN4_FLAGS), Map.of()));
  }

  @Test
  void amdWithoutAvx512KeepsOpenBlasOwnChoice() throws Exception {
    assertEquals("", coreType(cpu("AuthenticAMD", ZEN3_FLAGS), Map.of()));
    // one subset missing (no avx512vl) is enough to leave it alone
    assertEquals("", coreType(cpu("AuthenticAMD", ZEN4_FLAGS.replace(" avx512vl", "")), Map.of()));
  }

  @Test
  void intelWithAvx512GetsTheSkylakeXKernelsAndWithoutKeepsOpenBlasOwnChoice() throws Exception {
    assertEquals("SkylakeX", coreType(cpu("GenuineIntel", EMERALD_RAPIDS_FLAGS), Map.of()));
    assertEquals("", coreType(cpu("GenuineIntel", ALDER_LAKE_FLAGS), Map.of()));
    assertEquals("", coreType(cpu("GenuineIntel", EMERALD_RAPIDS_FLAGS.replace(" avx512bw", "")), Map.of()));
  }

  @Test
  void aChoiceAlreadyMadeIsKept() throws Exception {
    Path zen4 = cpu("AuthenticAMD", ZEN4_FLAGS);
    assertEquals("Zen", coreType(zen4, Map.of("OPENBLAS_CORETYPE", "Zen")));
    assertEquals("", coreType(zen4, Map.of("DEADRELU_BLAS_AUTO", "0")));
  }

  private Path cpu(String vendor, String flags) throws IOException {
    Path file = Files.createTempFile(tmp, "cpuinfo", "");
    Files.writeString(file, "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: 25\nflags\t\t: "
        + flags + "\n\nprocessor\t: 1\nvendor_id\t: " + vendor + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** OPENBLAS_CORETYPE after sourcing the script in a strict shell, "" when unset. */
  private String coreType(Path cpuinfo, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c",
        "set -euo pipefail; source \"$1\"; printf '%s' \"${OPENBLAS_CORETYPE:-}\"", "test", SCRIPT.toString());
    pb.environment().remove("OPENBLAS_CORETYPE");
    pb.environment().remove("DEADRELU_BLAS_AUTO");
    pb.environment().put("DEADRELU_CPUINFO", cpuinfo.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("sourcing " + SCRIPT + " failed: " + out);
    }
    return out;
  }
}
