package org.deadrelu.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.plan.Calibration;
import org.deadrelu.jobs.plan.CostModel;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.jobs.plan.Work;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepReport;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.run.TaskTimes;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The end-to-end role: one reference sweep through the jobs module's {@link SweepRunner} on local
 * mode, as {@code scripts/deadrelu sweep} runs it (the command line's defaults, Parquet output and
 * compaction included), in a JVM of its own. Untimed runs of the same sweep first (ND4J's, Spark's
 * and Parquet's first use, the JIT), then {@link #TIMED} timed ones, each into a fresh folder and
 * each followed by the same trials trained by the engine alone (the loop-only limit) on one thread
 * and on the master's cores. Replies the median run's wall time, the tasks' own time split,
 * compaction, Spark's start-up and the planner's estimate, every timed run's wall time, the engine's
 * median times and the median of the paired ratios of wall to engine time on the cores.
 */
final class EndToEnd {
  /**
   * Untimed runs of the sweep before the timed ones, in the same JVM: at least {@link #MIN_WARM_UPS},
   * and more, up to {@link #MAX_WARM_UPS}, while the compiler's time during the last one exceeds
   * {@link #SETTLED_JIT_SHARE} of its wall time. Parquet's and Spark's code that runs once per file or
   * column chunk reaches the compiler's thresholds only after several sweeps (on e2e-1 the compiler
   * still spent a fifth of the fifth sweep's wall time), and until then its compiler threads take
   * the master's cores from the tasks.
   */
  static final int MIN_WARM_UPS = 2;
  static final int MAX_WARM_UPS = 8;
  static final double SETTLED_JIT_SHARE = 0.10;
  /**
   * Timed runs of the sweep, and of each engine-alone measurement: the reply gives the run of median
   * wall time (the same sweep in the same JVM moved by a third from run to run on these machines).
   */
  static final int TIMED = 3;

  private EndToEnd() {}

  /** The reference sweeps: (e2e-1) a classification sweep that probes often, (e2e-2) reference (a), (e2e-3) digits. */
  static String sweepText(String name, int seedsScale) {
    return switch (name) {
      case "e2e-1" -> "name: e2e-1\n"
          + "data: {source: spirals, samples: 1000, noise: 0.2}\n"
          + "model: {hidden: [32, 32]}\n"
          + "train: {steps: 300, batch_size: 32}\n"
          + "probe: {every: 50, samples: 256}\n"
          + "seeds: " + 64 / seedsScale + "\n"
          + "grid: {activation: [relu, leaky_relu], lr: [0.01, 0.05, 0.2, 1.0], init_bias: [0.0, 0.1]}\n";
      case "e2e-2" -> "name: e2e-2\n"
          + "data: {source: teacher, features: 16, samples: 2000}\n"
          + "model: {hidden: [64, 64]}\n"
          + "train: {steps: 1000, batch_size: 256}\n"
          + "seeds: " + 64 / seedsScale + "\n";
      case "e2e-3" -> "name: e2e-3\n"
          + "data: {source: digits}\n"
          + "model: {hidden: [64, 64], head: softmax}\n"
          + "train: {steps: 1000, batch_size: 64, lr: 0.05}\n"
          + "probe: {every: 100}\n"
          + "seeds: " + 64 / seedsScale + "\n";
      default -> throw new IllegalArgumentException("unknown reference sweep " + name + " (e2e-1, e2e-2, e2e-3)");
    };
  }

  /**
   * e2e-1 with the probe at its default interval ({@code probe.every} left out: every 100 steps), the
   * rest alike: e2e-1 itself probes twice as often as a sweep that does not set the interval.
   */
  static String defaultIntervalText(int seedsScale) {
    String text = sweepText("e2e-1", seedsScale);
    String probe = "probe: {every: 50, samples: 256}\n";
    if (!text.contains(probe)) {
      throw new IllegalStateException("e2e-1's probe line changed: " + text);
    }
    return text.replace(probe, "probe: {samples: 256}\n");
  }

  /**
   * Seconds for the pool's {@code threads} threads to train the shards, each thread taking the next
   * shard until none is left. The pool is kept from run to run, as Spark keeps its task threads: a
   * thread's first population allocates the passes that later ones of the same shape take over.
   */
  static double engineOnThreads(List<List<TrialConfig>> shards, java.util.concurrent.ExecutorService pool, int threads) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    long started = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int k = 0; k < threads; k++) {
        done.add(pool.submit(() -> {
          Trainer trainer = new Trainer();
          for (int i = next.getAndIncrement(); i < shards.size(); i = next.getAndIncrement()) {
            new ShardTrainer(trainer, p -> null, SweepOptions.DEFAULT_MAX_SHARD_TRIALS).train(shards.get(i));
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** One timed run of the engine alone: its nanoseconds and the trainer it used (for its measuring times; null where there are several). */
  private record EngineRun(long nanos, Trainer trainer) {
    double seconds() {
      return nanos / 1e9;
    }

    /** {@link #TIMED} runs, the one of median time. */
    static EngineRun median(java.util.function.Supplier<EngineRun> run) {
      EngineRun[] runs = new EngineRun[TIMED];
      double[] seconds = new double[TIMED];
      for (int k = 0; k < TIMED; k++) {
        runs[k] = run.get();
        seconds[k] = runs[k].seconds();
      }
      return runs[medianIndex(seconds)];
    }
  }

  /** The index of the median of an odd number of values (the lower middle one of an even number). */
  static int medianIndex(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int k = 0; k < v.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(k -> v[k]));
    return order[(v.length - 1) / 2];
  }

  /**
   * e2e-1 at the default probe interval run as a sweep, as e2e-2 is: the measuring share of the
   * tasks' own time (training, measuring, building rows, writing Parquet). One untimed run (its new
   * checkpoint schedule), then {@link #TIMED}; replies the run of median share.
   */
  private static void defaultIntervalSweep(SweepRunner runner, int scale, Path work, PrintStream reply)
      throws IOException {
    String text = defaultIntervalText(scale);
    SweepSpec spec = SweepLoader.load("e2e-1-default.yaml", text);
    List<TrialConfig> trials = spec.expand();
    TaskTimes[] times = new TaskTimes[TIMED];
    double[] shares = new double[TIMED];
    for (int k = -1; k < TIMED; k++) {
      Path out = work.resolve("default" + (k + 1));
      SweepOptions options = new SweepOptions(out.toUri().toString(), SweepOptions.DEFAULT_MAX_SHARD_TRIALS,
          SweepOptions.DEFAULT_MEMORY_BUDGET_MB, 0, 0);
      TaskTimes t = runner.run(spec.name(), trials, options, text).taskTimes();
      SparkRun.deleteTree(out);
      if (k >= 0) {
        times[k] = t;
        shares[k] = (double) t.measuringNanos() / t.wallNanos();
      }
    }
    TaskTimes t = times[medianIndex(shares)];
    reply.printf(Locale.ROOT, "@@e2e-default-sweep e2e-1 %.4f %.4f %.4f %.4f %.4f%n", t.wallNanos() / 1e9,
        t.trainingNanos() / 1e9, t.measuringNanos() / 1e9, t.rowsNanos() / 1e9, t.writingNanos() / 1e9);
  }

  /** The reply of every timed run's wall time. */
  private static void replyWalls(PrintStream reply, String name, double[] walls) {
    reply.printf(Locale.ROOT, "@@e2e-walls %s", name);
    for (double w : walls) {
      reply.printf(Locale.ROOT, " %.4f", w);
    }
    reply.println();
  }

  /**
   * {@code --e2e MASTER NAME SEEDS_SCALE WORKDIR [walls-only]}: with {@code walls-only}, the sweep's
   * untimed and timed runs alone (no engine-alone runs, no calibration), replying the timed runs' wall
   * times: one side of a further pair of JVMs for the two-core ratio.
   */
  static void main(String[] a) throws IOException {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String master = a[0];
    String name = a[1];
    int scale = Integer.parseInt(a[2]);
    Path work = Path.of(a[3]);
    boolean wallsOnly = a.length > 4 && a[4].equals("walls-only");
    SparkRun.deleteTree(work);
    Files.createDirectories(work);
    String text = sweepText(name, scale);
    SweepSpec spec = SweepLoader.load(name + ".yaml", text);
    List<TrialConfig> trials = spec.expand();
    Nd4j.create(1); // the natives load before anything is timed
    long sparkStart = System.nanoTime();
    SparkSession spark = SparkRun.session("deadrelu bench " + name, master);
    double sparkStartup = (System.nanoTime() - sparkStart) / 1e9;
    int cores = spark.sparkContext().defaultParallelism();
    // the planner's work for the tasks, shard by shard of each wave: in seconds at the speed calibrated
    // right before each timed run
    SweepOptions o = SweepOptions.of("unused", SweepOptions.DEFAULT_MAX_SHARD_TRIALS, 0);
    Work planned = new Work(0, 0);
    int wave = SweepRunner.waveTrials(trials, o, cores); // the sweep's own waves, and so its shards
    List<List<TrialConfig>> shards = new java.util.ArrayList<>();
    for (int from = 0; from < trials.size(); from += wave) {
      Plan plan = new Planner(cores, o.maxShardTrials(), o.memoryBudgetBytes())
          .plan(trials.subList(from, Math.min(trials.size(), from + wave)));
      for (Shard s : plan.shards()) {
        planned = planned.plus(CostModel.shardWork(s.trials().get(0), s.trials().size()));
        shards.add(s.trials());
      }
    }
    // the engine alone, one thread, the same trials in shards of the same size: the loop-only limit
    java.util.function.Supplier<EngineRun> alone = () -> {
      Trainer trainer = new Trainer();
      long started = System.nanoTime();
      new ShardTrainer(trainer, p -> null, SweepOptions.DEFAULT_MAX_SHARD_TRIALS).train(trials);
      return new EngineRun(System.nanoTime() - started, trainer);
    };
    // and on as many threads as the master has cores, each taking the next of the sweep's shards:
    // the loop-only time on the same cores, with whatever the cores lose to each other
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
    java.util.function.Supplier<EngineRun> onCores =
        () -> new EngineRun(Math.round(engineOnThreads(shards, pool, cores) * 1e9), null);
    SweepReport r;
    int warmUps = 0;
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    double jitSeconds;
    java.util.Map<String, Double> threadCpu;
    double[] walls = new double[TIMED];
    EngineRun[] loops = new EngineRun[TIMED];
    double[] loopSeconds = new double[TIMED];
    double[] onCoresSeconds = new double[TIMED];
    Calibration[] speeds = new Calibration[TIMED];
    Calibration speed;
    try {
      SweepRunner runner = new SweepRunner(spark, System.err);
      // untimed runs until the compiler settles (see MIN_WARM_UPS): its threads take the master's cores
      // from the tasks
      double lastJitShare = 1;
      for (; warmUps < MIN_WARM_UPS || (warmUps < MAX_WARM_UPS && lastJitShare > SETTLED_JIT_SHARE); warmUps++) {
        SweepOptions options = new SweepOptions(work.resolve("warm" + warmUps).toUri().toString(),
            SweepOptions.DEFAULT_MAX_SHARD_TRIALS, SweepOptions.DEFAULT_MEMORY_BUDGET_MB, 0, 0);
        long jitBefore = jit.getTotalCompilationTime();
        long started = System.nanoTime();
        runner.run(spec.name(), trials, options, text);
        lastJitShare = (jit.getTotalCompilationTime() - jitBefore) / 1e3 / ((System.nanoTime() - started) / 1e9);
        SparkRun.deleteTree(work.resolve("warm" + warmUps));
        if (wallsOnly) {
          continue;
        }
        // the engine alone too, as each timed sweep is followed by it: shared code (the trainer, the
        // networks' set-up) meets both callers' profiles before timing, not only after the first timed
        // sweep, where recompiling it would take the cores from the timed sweeps that follow
        alone.get();
        if (cores > 1) {
          onCores.get();
        }
        // and the calibration, whose reference shards are new code to a JVM that ran only this sweep: compiled
        // here, not while it times them before a timed sweep, on a core it shares with the compiler
        Calibration.measure(Calibration.DEFAULT_BUDGET_SECONDS);
      }
      SweepReport[] reports = new SweepReport[TIMED];
      double[] jits = new double[TIMED];
      List<java.util.Map<String, Double>> cpus = new java.util.ArrayList<>();
      // each timed sweep followed at once by the engine alone: a slow spell of the shared machine
      // then falls on both sides of a pair, not on one side of the whole comparison
      for (int k = 0; k < TIMED; k++) {
        SweepOptions options = new SweepOptions(work.resolve("timed" + k).toUri().toString(),
            SweepOptions.DEFAULT_MAX_SHARD_TRIALS, SweepOptions.DEFAULT_MEMORY_BUDGET_MB, 0, 0);
        // `plan`'s own calibration, at once before the sweep it estimates: the speed of a shared machine drifts
        speeds[k] = wallsOnly ? null : Calibration.measure(Calibration.DEFAULT_BUDGET_SECONDS);
        long jitBefore = jit.getTotalCompilationTime();
        ThreadGroupsCpu cpuBefore = ThreadGroupsCpu.read();
        reports[k] = runner.run(spec.name(), trials, options, text);
        cpus.add(ThreadGroupsCpu.read().since(cpuBefore));
        jits[k] = (jit.getTotalCompilationTime() - jitBefore) / 1e3;
        walls[k] = reports[k].wallSeconds();
        if (wallsOnly) {
          continue;
        }
        loops[k] = alone.get();
        loopSeconds[k] = loops[k].seconds();
        onCoresSeconds[k] = cores == 1 ? loopSeconds[k] : onCores.get().seconds();
      }
      int m = medianIndex(walls);
      r = reports[m];
      jitSeconds = jits[m];
      speed = speeds[m];
      threadCpu = cpus.get(m);
      if (name.equals("e2e-1") && cores == 1 && !wallsOnly) {
        defaultIntervalSweep(runner, scale, work, reply);
      }
    } finally {
      spark.stop();
      pool.shutdownNow();
      SparkRun.deleteTree(work);
    }
    if (wallsOnly) {
      replyWalls(reply, name, walls);
      reply.println("@@done");
      return;
    }
    EngineRun loop = loops[medianIndex(loopSeconds)];
    double loopOnCores = onCoresSeconds[medianIndex(onCoresSeconds)];
    // the wall-time target's ratio, pair by pair, and its median
    double[] pairs = new double[TIMED];
    for (int k = 0; k < TIMED; k++) {
      pairs[k] = walls[k] / onCoresSeconds[k];
    }
    double pairedRatio = pairs[medianIndex(pairs)];
    TaskTimes t = r.taskTimes();
    reply.printf(Locale.ROOT, "@@e2e %s %d %d %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f%n",
        name, r.ran(), cores, r.wallSeconds(), t.wallNanos() / 1e9, t.trainingNanos() / 1e9, t.measuringNanos() / 1e9,
        t.rowsNanos() / 1e9, t.writingNanos() / 1e9, r.compactionSeconds(), sparkStartup, speed.speed().seconds(planned), loop.seconds(),
        loop.trainer().measuringNanos() / 1e9, jitSeconds, loopOnCores, pairedRatio);
    reply.printf(Locale.ROOT, "@@e2e-warmups %s %d%n", name, warmUps);
    reply.printf(Locale.ROOT, "@@e2e-speed %s %.3f %.3f%n", name, speed.speed().gemm(), speed.speed().rest());
    replyWalls(reply, name, walls);
    if (name.equals("e2e-1") && cores == 1) {
      // the same trials probed at the default interval, the engine alone: the measuring share there,
      // with its death scans' and held-out split's parts
      List<TrialConfig> atDefault = SweepLoader.load(name + "-default.yaml", defaultIntervalText(scale)).expand();
      EngineRun d = EngineRun.median(() -> {
        Trainer trainer = new Trainer();
        long started = System.nanoTime();
        new ShardTrainer(trainer, p -> null, SweepOptions.DEFAULT_MAX_SHARD_TRIALS).train(atDefault);
        return new EngineRun(System.nanoTime() - started, trainer);
      });
      reply.printf(Locale.ROOT, "@@e2e-default %s %.4f %.4f %.4f %.4f%n", name, d.seconds(),
          d.trainer().measuringNanos() / 1e9, d.trainer().deathScanNanos() / 1e9, d.trainer().heldOutNanos() / 1e9);
    }
    reply.printf(Locale.ROOT, "@@e2e-cpu %s %d", name, cores);
    for (String k : ThreadGroupsCpu.KINDS) {
      reply.printf(Locale.ROOT, " %.2f", threadCpu.get(k));
    }
    reply.println();
    reply.println("@@done");
  }
}
