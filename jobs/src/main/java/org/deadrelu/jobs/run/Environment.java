package org.deadrelu.jobs.run;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deadrelu.model.EngineVersion;
import org.deadrelu.model.NativeStack;

/**
 * What a task's rows were computed with, as its executor knows it: the machine, the JVM, Spark, the
 * engine's version and its native stack ({@link NativeStack}). Executors of one cluster can differ,
 * so every task reports its own; a wave keeps the distinct ones ({@link WaveProvenance}). A value
 * that cannot be known is null, and {@link #unknown} says why, under the value's name.
 *
 * @param host the executor's host name
 * @param os operating system name, version and architecture
 * @param cpu the CPU's model name (/proc/cpuinfo)
 * @param javaVersion the JVM's {@code java.version}
 * @param javaVendor the JVM's {@code java.vendor}
 * @param sparkVersion the Spark the executor runs
 * @param engineVersion {@link EngineVersion#current()}: the digest of the engine's sources
 * @param nd4jVersion see {@link NativeStack}, as are the fields up to {@code openblasCoretype}
 * @param unknown why a value is null, by its name in the provenance record (snake_case)
 */
record Environment(String host, String os, String cpu, String javaVersion, String javaVendor, String sparkVersion,
    String engineVersion, String nd4jVersion, String nd4jBackend, String blasVendor, String blasLibrary,
    String openblasCore, String openblasConfig, Integer openblasThreads, String openblasCoretype,
    Map<String, String> unknown) implements Serializable {

  private static volatile Environment here;

  Environment {
    unknown = Collections.unmodifiableMap(new TreeMap<>(unknown));
  }

  /** This JVM's environment, found once: nothing in it changes while the executor lives. */
  static Environment here() {
    Environment e = here;
    if (e == null) {
      synchronized (Environment.class) {
        if (here == null) {
          here = find();
        }
        e = here;
      }
    }
    return e;
  }

  private static Environment find() {
    NativeStack stack = NativeStack.here();
    Map<String, String> unknown = new TreeMap<>(stack.unknown());
    String host = null;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      unknown.put("host", "the local host name does not resolve: " + e);
    }
    String cpu = cpuModel();
    if (cpu == null) {
      unknown.put("cpu", "no model name in /proc/cpuinfo");
    }
    String engine = EngineVersion.current();
    if (engine.equals(EngineVersion.UNKNOWN)) {
      unknown.put("engine_version", "the engine's classes were built without its version (Maven's process-classes)");
      engine = null;
    }
    return new Environment(host, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"), cpu, System.getProperty("java.version"), System.getProperty("java.vendor"),
        org.apache.spark.package$.MODULE$.SPARK_VERSION(), engine, stack.nd4jVersion(), stack.nd4jBackend(),
        stack.blasVendor(), stack.blasLibrary(), stack.openblasCore(), stack.openblasConfig(), stack.openblasThreads(),
        stack.openblasCoretype(), unknown);
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(null);
    } catch (IOException | RuntimeException e) {
      return null; // not Linux
    }
  }
}
