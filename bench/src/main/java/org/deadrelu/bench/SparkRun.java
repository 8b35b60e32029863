package org.deadrelu.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepReport;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Spark role: one fixed sweep of reference-(a) trials through the jobs module's
 * {@link SweepRunner} on local mode, in a JVM of its own (one SparkContext per JVM). Untimed sweeps
 * first, each the timed sweep in full (ND4J's native start-up, Spark's and Parquet's first use, the
 * JIT), then the timed one, each into a fresh folder, with the command line's defaults (shard
 * size, memory budget, waves). The reply names the JIT's compile time during the timed sweep: on
 * local[2] the compiler threads take that time from the tasks, where local[1] leaves them a core of
 * their own, so the untimed sweeps let the JIT finish most of its work first.
 */
final class SparkRun {
  private SparkRun() {}

  static String sweepText(String name, int trials, int steps) {
    return "name: " + name + "\n"
        + "data: {source: teacher, features: 16, samples: 2000}\n"
        + "model: {hidden: [64, 64]}\n"
        + "train: {steps: " + steps + ", batch_size: 256}\n"
        + "seeds: " + trials + "\n";
  }

  /** {@code --spark MASTER TRIALS STEPS WORKDIR WARMUPS} */
  static void main(String[] a) throws IOException {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String master = a[0];
    int trials = Integer.parseInt(a[1]);
    int steps = Integer.parseInt(a[2]);
    Path work = Path.of(a[3]);
    deleteTree(work);
    Files.createDirectories(work);
    Nd4j.create(1); // load the natives before anything is timed (executors share this JVM in local mode)
    SparkSession spark = session("deadrelu bench " + master, master);
    try {
      SweepRunner runner = new SweepRunner(spark, System.err);
      // the warm-up is the timed sweep itself, into another folder: with a fifth of the steps the JIT was
      // still compiling the training loop during the timed sweep, on the core local[1] leaves idle
      int warmups = Integer.parseInt(a[4]);
      for (int w = 1; w <= warmups; w++) {
        run(runner, "bench-warmup", trials, steps, work.resolve("warmup" + w));
      }
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      long jitBefore = jit.getTotalCompilationTime();
      SweepReport r = run(runner, "bench-local", trials, steps, work.resolve("timed"));
      double jitSeconds = (jit.getTotalCompilationTime() - jitBefore) / 1e3;
      reply.printf(Locale.ROOT, "@@spark %d %d %.4f %d %d %d %d %s %.3f%n", r.planned(), r.ran(), r.wallSeconds(),
          r.count("ok"), r.count("diverged"), r.count("failed"),
          spark.sparkContext().defaultParallelism(), shards(spark, trials, steps), jitSeconds);
    } finally {
      spark.stop();
      deleteTree(work);
    }
  }

  /** The planner's shard sizes for the timed sweep (as the runner plans its first wave), e.g. "16+16+16+16". */
  private static String shards(SparkSession spark, int trials, int steps) {
    SweepOptions o = options("unused");
    List<TrialConfig> all = SweepLoader.load("x.yaml", sweepText("bench-local", trials, steps)).expand();
    int cores = spark.sparkContext().defaultParallelism();
    List<TrialConfig> wave = all.subList(0, Math.min(all.size(), SweepRunner.waveTrials(all, o, cores)));
    Plan plan = new Planner(cores, o.maxShardTrials(), o.memoryBudgetBytes()).plan(wave);
    return plan.shards().stream().map(s -> String.valueOf(s.trials().size())).collect(Collectors.joining("+"));
  }

  private static SweepOptions options(String out) {
    return SweepOptions.of(out, SweepOptions.DEFAULT_MAX_SHARD_TRIALS, 0);
  }

  private static SweepReport run(SweepRunner runner, String name, int trials, int steps, Path out) throws IOException {
    String text = sweepText(name, trials, steps);
    SweepSpec spec = SweepLoader.load(name + ".yaml", text);
    List<TrialConfig> expanded = spec.expand();
    return runner.run(spec.name(), expanded, options(out.toUri().toString()), text);
  }

  /** A local-mode session on the loopback address, without UI or console progress. */
  static SparkSession session(String app, String master) {
    return SparkSession.builder()
        .appName(app)
        .master(master)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate();
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
