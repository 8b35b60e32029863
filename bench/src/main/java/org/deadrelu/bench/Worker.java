package org.deadrelu.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A child JVM that holds variants and runs them on command, one at a time: the harness sends one
 * command per line on stdin and reads one {@code @@} line back on stdout. Two workers (JavaCPP
 * defaults, and the "tuned" settings that only take effect at JVM start) take turns, so their
 * variants alternate round-robin as if they shared one process. Everything else the JVM prints goes
 * to stderr (the harness keeps it in a log file).
 */
final class Worker {
  private final PrintStream reply;
  private final boolean tuned;
  private final ProfilingMode jvmDefaultMode;
  private final Map<String, Variant> variants = new HashMap<>();
  private final Map<String, RefConfig.Data> data = new HashMap<>();

  private Worker(PrintStream reply, boolean tuned) {
    this.reply = reply;
    this.tuned = tuned;
    this.jvmDefaultMode = Nd4j.getExecutioner().getProfilingMode();
    if (tuned) {
      // DL4J's documented settings for workspace-based training: periodic GC off, profiling off
      Nd4j.getMemoryManager().togglePeriodicGc(false);
    }
  }

  /** Entry point of the worker role: {@code --worker default|tuned}. */
  static void main(String mode) throws IOException {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // only protocol lines on the real stdout
    Worker w = new Worker(reply, "tuned".equals(mode));
    reply.println("@@ready " + w.describe());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("quit")) {
        reply.println("@@bye");
        return;
      }
      try {
        reply.println("@@" + w.handle(line.split(" ")));
      } catch (RuntimeException | LinkageError e) {
        e.printStackTrace(); // this worker's stderr is its log file under bench-work/logs; the harness gets one line
        String msg = String.valueOf(e.getMessage()).replace('\n', ' ');
        reply.println("@@error " + e.getClass().getSimpleName() + ": " + msg);
      }
    }
  }

  private String describe() {
    return String.format(Locale.ROOT, "mode=%s profiling=%s periodicGc=%s nopointergc=%s maxphysicalbytes=%s OMP_NUM_THREADS=%s",
        tuned ? "tuned" : "default", jvmDefaultMode, Nd4j.getMemoryManager().isPeriodicGcActive(),
        System.getProperty("org.bytedeco.javacpp.nopointergc", "false"),
        System.getProperty("org.bytedeco.javacpp.maxphysicalbytes", "default"), System.getenv("OMP_NUM_THREADS"));
  }

  private String handle(String[] a) {
    switch (a[0]) {
      case "build": { // build ID CONFIG KIND [P]
        RefConfig c = RefConfig.of(a[2]);
        RefConfig.Data d = data.computeIfAbsent(c.id, k -> c.data());
        variants.put(a[1], create(c, d, a[3], a.length > 4 ? Integer.parseInt(a[4]) : 1));
        return "ok";
      }
      case "check": { // check ID STEPS: losses of every network before and after STEPS steps
        Variant v = get(a[1]);
        apply(v);
        v.reset();
        double[] before = v.evalLoss();
        int steps = Integer.parseInt(a[2]);
        for (int i = 0; i < steps; i++) {
          v.step();
        }
        double[] after = v.evalLoss();
        v.reset();
        return "check " + join(before) + " " + join(after);
      }
      case "warm": { // warm ID SECONDS: runs at least 20 steps; replies ns per step of the second half
        Variant v = get(a[1]);
        apply(v);
        v.reset();
        long budget = (long) (Double.parseDouble(a[2]) * 1e9);
        long start = System.nanoTime();
        int steps = 0;
        long half = 0;
        int halfSteps = 0;
        while (steps < 20 || System.nanoTime() - start < budget) {
          long t = System.nanoTime();
          v.step();
          steps++;
          if (System.nanoTime() - start >= budget / 2) {
            half += System.nanoTime() - t;
            halfSteps++;
          }
        }
        return "warm " + (halfSteps == 0 ? (System.nanoTime() - start) / steps : half / halfSteps);
      }
      case "time": { // time ID STEPS: wall time of STEPS steps from the initial weights
        Variant v = get(a[1]);
        apply(v);
        v.reset();
        int steps = Integer.parseInt(a[2]);
        long t = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          v.step();
        }
        return "time " + (System.nanoTime() - t);
      }
      case "flops":
        return "flops " + get(a[1]).flopsPerStep();
      case "rss":
        return "rss " + Rss.vmRssKb();
      default:
        throw new IllegalArgumentException("unknown command " + a[0]);
    }
  }

  private Variant create(RefConfig c, RefConfig.Data d, String kind, int population) {
    return switch (kind) {
      case "dl4j" -> new Dl4jVariant(c, d, tuned ? ProfilingMode.DISABLED : jvmDefaultMode);
      case "engine" -> new EngineVariant(c, d, population);
      case "roofline" -> new Roofline(population);
      default -> throw new IllegalArgumentException("unknown variant kind " + kind);
    };
  }

  private Variant get(String id) {
    Variant v = variants.get(id);
    if (v == null) {
      throw new IllegalArgumentException("no variant " + id);
    }
    return v;
  }

  private static void apply(Variant v) {
    if (Nd4j.getExecutioner().getProfilingMode() != v.profilingMode()) {
      Nd4j.getExecutioner().setProfilingMode(v.profilingMode());
    }
  }

  static String join(double[] values) {
    StringJoiner j = new StringJoiner(",");
    for (double x : values) {
      j.add(Double.toString(x));
    }
    return j.toString();
  }

  /** The RSS role: {@code --rss CONFIG KIND P STEPS1 STEPS2 [tuned]}: VmRSS after init, STEPS1 and STEPS2 steps. */
  static void rss(String[] a) throws IOException {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    boolean tunedJvm = a.length > 5 && a[5].equals("tuned");
    Worker w = new Worker(reply, tunedJvm);
    RefConfig c = RefConfig.of(a[0]);
    Variant v = w.create(c, c.data(), a[1], Integer.parseInt(a[2]));
    apply(v);
    v.reset();
    int s1 = Integer.parseInt(a[3]);
    int s2 = Integer.parseInt(a[4]);
    v.step();
    long r0 = Rss.vmRssKb();
    long t = System.nanoTime();
    for (int i = 1; i < s1; i++) {
      v.step();
    }
    long r1 = Rss.vmRssKb();
    for (int i = s1; i < s2; i++) {
      v.step();
    }
    long r2 = Rss.vmRssKb();
    double seconds = (System.nanoTime() - t) / 1e9;
    double[] loss = v.evalLoss();
    reply.printf(Locale.ROOT, "@@rss %d %d %d %.3f %s%n", r0, r1, r2, seconds, Double.isFinite(loss[0]) ? "finite" : "nonfinite");
  }

  /** Peak and current resident memory of this process, from /proc/self/status. */
  static final class Rss {
    private Rss() {}

    static long vmRssKb() {
      try {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (l.startsWith("VmRSS:")) {
            return Long.parseLong(l.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read /proc/self/status", e);
      }
      return -1;
    }
  }
}
