package org.deadrelu.model;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native stack the engine computes with in this JVM, which changes the last bits of results
 * where the engine's sources do not: ND4J's version and backend, the BLAS library JavaCPP loaded
 * for it (and for the engine's direct BLAS calls), and what that library says of itself when it is
 * OpenBLAS: the kernels ("core") it chose for this CPU, its build configuration and its threads.
 * A value that cannot be known is null, and {@link #unknown} says why, under the value's name.
 *
 * <p>The JavaCPP preset for OpenBLAS 0.3.19 (1.5.7) binds neither {@code openblas_get_corename} nor
 * {@code openblas_get_config}, so they are called through JNA (on the classpath through ND4J) in the
 * very library JavaCPP loaded: it is opened with {@code RTLD_NOLOAD}, which finds the loaded copy
 * and never loads a second one.
 *
 * @param nd4jVersion version of the nd4j-api artifact on the classpath
 * @param nd4jBackend ND4J's backend class (CpuBackend: the native CPU backend)
 * @param blasVendor the BLAS vendor ND4J detected (OPENBLAS, MKL, UNKNOWN)
 * @param blasLibrary the file of the BLAS library JavaCPP loaded
 * @param openblasCore {@code openblas_get_corename()}: the kernels OpenBLAS runs on this CPU
 * @param openblasConfig {@code openblas_get_config()}: version and build options of the library
 * @param openblasThreads {@code openblas_get_num_threads()}
 * @param openblasCoretype the environment variable OPENBLAS_CORETYPE (kernels asked for at load);
 *     null when unset
 * @param unknown why a value is null, by its snake_case name (openblas_core, ...)
 */
public record NativeStack(String nd4jVersion, String nd4jBackend, String blasVendor, String blasLibrary,
    String openblasCore, String openblasConfig, Integer openblasThreads, String openblasCoretype,
    Map<String, String> unknown) {

  // dlopen flags (glibc): resolve lazily, and only find a library already loaded
  private static final int RTLD_LAZY = 0x1;
  private static final int RTLD_NOLOAD = 0x4;

  private static final Object[] NO_ARGS = {};

  private static volatile NativeStack here;

  public NativeStack {
    unknown = Collections.unmodifiableMap(new TreeMap<>(unknown));
  }

  /** This JVM's stack, probed once (it loads ND4J's backend if nothing has yet). */
  public static NativeStack here() {
    NativeStack s = here;
    if (s == null) {
      synchronized (NativeStack.class) {
        if (here == null) {
          here = probe();
        }
        s = here;
      }
    }
    return s;
  }

  private static NativeStack probe() {
    Map<String, String> unknown = new TreeMap<>();
    String nd4jVersion = artifactVersion("org.nd4j", "nd4j-api");
    if (nd4jVersion == null) {
      unknown.put("nd4j_version", "nd4j-api's META-INF/maven/org.nd4j/nd4j-api/pom.properties is not on the classpath");
    }
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    String vendor = Nd4j.factory().blas().getBlasVendor().name();
    String library = loadedOpenBlas();
    NativeLibrary blas = null;
    String why = null;
    if (library == null) {
      why = "JavaCPP lists no library loaded as openblas: " + Loader.getLoadedLibraries().keySet();
      unknown.put("blas_library", why);
    } else if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      why = "OpenBLAS is asked on Linux only (dlopen with RTLD_NOLOAD); this is " + System.getProperty("os.name");
    } else {
      try {
        blas = NativeLibrary.getInstance(library, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
      } catch (LinkageError | RuntimeException e) {
        why = "JNA cannot open " + library + ": " + e;
      }
    }
    String core = ask(blas, why, "openblas_get_corename", "openblas_core", unknown, f -> f.invokeString(NO_ARGS, false));
    String config = ask(blas, why, "openblas_get_config", "openblas_config", unknown,
        f -> f.invokeString(NO_ARGS, false).trim());
    Integer threads = ask(blas, why, "openblas_get_num_threads", "openblas_threads", unknown, f -> f.invokeInt(NO_ARGS));
    return new NativeStack(nd4jVersion, backend, vendor, library, core, config, threads,
        System.getenv("OPENBLAS_CORETYPE"), unknown);
  }

  /**
   * What a function of the loaded OpenBLAS returns; null, with the reason under {@code name}, when
   * it cannot be called: no library to ask ({@code why}), or one that is not OpenBLAS (MKL, chosen
   * with org.bytedeco.openblas.load).
   */
  private static <T> T ask(NativeLibrary blas, String why, String function, String name, Map<String, String> unknown,
      java.util.function.Function<Function, T> call) {
    if (blas == null) {
      unknown.put(name, why);
      return null;
    }
    try {
      return call.apply(blas.getFunction(function));
    } catch (LinkageError | RuntimeException e) {
      unknown.put(name, "cannot call " + function + ": " + e);
      return null;
    }
  }

  /**
   * The file JavaCPP loaded for its OpenBLAS preset ("openblas@.0"): ND4J's backend and the
   * engine's own BLAS calls are linked against it; null if none. (JavaCPP also loads a copy of the
   * file as "openblas_nolapack", for the preset's class without LAPACK.)
   */
  private static String loadedOpenBlas() {
    return Loader.getLoadedLibraries().entrySet().stream().filter(e -> e.getKey().split("@")[0].equals("openblas"))
        .map(Map.Entry::getValue).filter(p -> p != null).findFirst().orElse(null);
  }

  /** The version in an artifact's pom.properties (jars built by Maven keep it; so does the shaded jar). */
  private static String artifactVersion(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Nd4j.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
