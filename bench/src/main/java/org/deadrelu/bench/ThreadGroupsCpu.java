package org.deadrelu.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by kind, from Linux's per-thread accounting ({@code /proc/self/task}):
 * Spark's task threads, the JIT's compiler threads, the garbage collector's threads, and the rest
 * (the driver, Spark's own threads). The JVM's management beans see neither compiler nor collector
 * threads, which is where a second core's time goes when two tasks run. A thread that ends between
 * two readings is missed.
 */
final class ThreadGroupsCpu {
  static final String[] KINDS = {"tasks", "JIT", "GC", "other"};
  private static final double TICKS = 100.0;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Long> ticks = new HashMap<>();

  private ThreadGroupsCpu() {}

  static ThreadGroupsCpu read() {
    ThreadGroupsCpu r = new ThreadGroupsCpu();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : tasks) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          r.ticks.put(t.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
          r.names.put(t.getFileName().toString(), Files.readString(t.resolve("comm")).trim());
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (IOException e) {
      // no per-thread accounting here: every kind reads 0
    }
    return r;
  }

  /** Seconds of CPU by kind between {@code before} and this reading. */
  Map<String, Double> since(ThreadGroupsCpu before) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : KINDS) {
      out.put(k, 0.0);
    }
    ticks.forEach((tid, t) -> out.merge(kind(names.get(tid)), (t - before.ticks.getOrDefault(tid, 0L)) / TICKS, Double::sum));
    return out;
  }

  private static String kind(String name) {
    if (name.startsWith("Executor task")) {
      return "tasks";
    }
    if (name.contains("CompilerThre")) {
      return "JIT";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
      return "GC";
    }
    return "other";
  }
}
