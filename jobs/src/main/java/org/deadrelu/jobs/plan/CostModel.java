package org.deadrelu.jobs.plan;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_CLASSES;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.SHIFT_EVERY;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;
import static org.deadrelu.model.config.Settings.DATA_PERIOD;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.deadrelu.model.config.Settings.TEST_FRACTION;

import org.deadrelu.model.config.ShiftKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.SlowlyChangingRegression;
import org.deadrelu.model.probe.DeathScan;
import org.deadrelu.model.train.CacheFit;
import org.deadrelu.model.train.Checkpoints;

/**
 * A rough cost in core-seconds, for planning, wave sizes and for `plan` to print before a cluster is
 * spent. A population of P networks (a shard) takes one step in
 * {@code layers x A + P x (layers x C + FLOPs / F + elements x E)}: a fixed cost per layer for the
 * whole population's ops, each network's own calls, then its gemm arithmetic and element-wise work.
 * A checkpoint costs the probe's forward and backward, forward passes over the held-out rows and the
 * part of the training split the death scan reads, and reductions over the probe set and those rows;
 * each row a trial writes costs R. A, F and E were fitted to the kernels of {@code scripts/bench.sh}
 * on reference networks (a), (b) and (c); C, R, the reductions and {@link #TASK_FACTOR} to the
 * tasks' own timers in its end-to-end section on one core, and {@link #COLD_START_SECONDS} to
 * sweeps/quickstart.yaml from a fresh JVM. The estimate is {@link Work} on that machine, its gemm
 * term apart from the rest, which {@link MachineSpeed} turns into another machine's seconds
 * ({@link Calibration}). The bench reports how far the estimate is from the measured task-seconds
 * (docs/performance.md); refit when the engine changes.
 */
public final class CostModel {
  /** A: the population's ops per layer and step, seconds. */
  static final double SECONDS_PER_LAYER = 12e-6;
  /** F: gemm throughput on the population's small matrices, FLOP/s (about 90% of one core's 512^3 gemm). */
  static final double FLOPS = 80e9;
  /** E: element-wise work per activation element and step (forward, backward, update), seconds. */
  static final double SECONDS_PER_ELEMENT = 1.0e-9;
  /** C: each network's own calls per layer and step (its BLAS calls, its slice of each op), seconds. */
  static final double SECONDS_PER_NETWORK_LAYER = 2.5e-6;
  /** R: building and writing one neurons row (with its share of the other tables), seconds. */
  static final double SECONDS_PER_ROW = 2e-6;
  /**
   * Element-wise passes the probe's reductions make over each probe-set element (per-neuron counts,
   * maxima, magnitudes; the per-network copies they read), in units of E.
   */
  static final double PROBE_REDUCTION_PASSES = 3.0;
  /**
   * The share of the training split the death scan reads at a checkpoint, on average: it stops once
   * every neuron is settled alive, so it reads nothing where the probe rows show every neuron active
   * and every row only where a neuron is dead, which a plan cannot know.
   */
  static final double DEATH_SCAN_SHARE = 0.25;

  /**
   * The tasks' measured time over the model's terms, fitted to the reference sweeps on one core with
   * the SkylakeX kernels the launchers choose on AMD machines. Below 1: A, F and E were fitted to the
   * bench's kernels before the engine kept its activations' ND4J ops from step to step (a new op cost
   * about 20 us a layer and step); since then the reference sweeps' tasks measured 0.57-0.63 of the
   * estimate with the factor at 1.05.
   */
  static final double TASK_FACTOR = 0.75;

  /**
   * Core-seconds the first task on each executor core of a fresh application pays once: loading the
   * engine's and Parquet's classes and compiling their hot paths (fitted to sweeps/quickstart.yaml
   * run from a fresh JVM on two cores, whose tasks train for a fraction of it).
   */
  public static final double COLD_START_SECONDS = 2.0;

  private CostModel() {}

  /** Core-seconds of one trial trained alone, at the reference machine's speed. */
  public static double trialSeconds(TrialConfig c) {
    return shardSeconds(c, 1);
  }

  /** Core-seconds of a shard of {@code trials} trials like {@code c}, at the reference machine's speed. */
  public static double shardSeconds(TrialConfig c, int trials) {
    return MachineSpeed.REFERENCE.seconds(shardWork(c, trials));
  }

  /** Core-seconds of a shard of {@code trials} trials like {@code c} on a machine of that speed. */
  public static double shardSeconds(TrialConfig c, int trials, MachineSpeed speed) {
    return speed.seconds(shardWork(c, trials));
  }

  /**
   * The work of a shard of {@code trials} trials like {@code c}: populations of at most what fits
   * the cache ({@link CacheFit}), trained in turn, their rows built and written.
   */
  public static Work shardWork(TrialConfig c, int trials) {
    return shardWork(c, trials, true);
  }

  /** The same without building and writing rows: what the engine alone does (for {@link Calibration}). */
  static Work engineWork(TrialConfig c, int trials) {
    return shardWork(c, trials, false);
  }

  private static Work shardWork(TrialConfig c, int trials, boolean rows) {
    int cap = CacheFit.population(c);
    Work work = Work.NONE;
    for (int left = trials; left > 0; left -= cap) {
      work = work.plus(populationWork(c, Math.min(cap, left), rows));
    }
    return work;
  }

  /** {@code population} trials like {@code c} trained together, their rows written if {@code rows}. */
  private static Work populationWork(TrialConfig c, int population, boolean rows) {
    int[] sizes = sizes(c);
    long samples = samples(c);
    long train = trainRows(c, samples);
    long probeRows = probeRows(c, train);
    long testRows = samples - train;
    long deathRows = c.get(DEATH_ROWS) == null ? train : Math.min(c.get(DEATH_ROWS), train);
    int checkpoints = "geometric".equals(c.get(PROBE_SCHEDULE))
        ? new Checkpoints(c.get(STEPS), c.get(PROBE_EVERY), true).count() + 1
        : c.get(STEPS) / c.get(PROBE_EVERY) + 2;
    long widths = 0;
    for (int l = 1; l < sizes.length; l++) {
      widths += sizes[l];
    }
    // a checkpoint: the probe's forward and backward, forward passes over the held-out rows and over
    // the part of the training split the death scan reads, and the reductions over the probe set and
    // the scanned rows, element by element
    double scanned = DEATH_SCAN_SHARE * (deathRows + earlierRows(c, deathRows));
    Work checkpoint = step(sizes, probeRows, population).times(2)
        .plus(step(sizes, testRows, population).times(1.0 / 3))
        .plus(step(sizes, (long) Math.ceil(scanned), population).times(1.0 / 3))
        .plus(new Work(0, population * (PROBE_REDUCTION_PASSES * probeRows + 2.0 * scanned) * widths * SECONDS_PER_ELEMENT));
    Work training = step(sizes, c.get(BATCH_SIZE), population).times(c.get(STEPS));
    Work written = new Work(0, rows ? (double) population * checkpoints * widths * SECONDS_PER_ROW : 0);
    return training.plus(checkpoint.times(checkpoints)).times(TASK_FACTOR).plus(written);
  }

  /** Rows of the data set; a stream's are its current task's input set. */
  private static long samples(TrialConfig c) {
    if (c.get(DATA_SOURCE).isStream()) {
      return 1L << (SlowlyChangingRegression.INPUTS - SlowlyChangingRegression.SLOW_BITS);
    }
    return c.get(DATA_SAMPLES) == null ? 2000 : c.get(DATA_SAMPLES);
  }

  private static long trainRows(TrialConfig c, long samples) {
    return c.get(TEST_FRACTION) == null ? samples : samples - (long) Math.ceil(samples * c.get(TEST_FRACTION));
  }

  private static long probeRows(TrialConfig c, long train) {
    return c.get(PROBE_SAMPLES) == null ? train : Math.min(c.get(PROBE_SAMPLES), train);
  }

  /**
   * The earlier tasks' rows a checkpoint's death over every task seen may read, on average over the
   * run: half the tasks of the run, each with the rows that decide death.
   */
  private static double earlierRows(TrialConfig c, long deathRows) {
    int steps = c.get(STEPS);
    if (c.get(DATA_SOURCE).isStream()) {
      return 0.5 * (steps / c.get(DATA_PERIOD)) * deathRows;
    }
    if (c.get(SHIFT_KIND) == ShiftKind.PERMUTE_INPUTS) {
      return 0.5 * (steps / c.get(SHIFT_EVERY)) * deathRows;
    }
    return 0;
  }

  /** One step of a population over {@code rows} rows: its gemm arithmetic apart from the rest. */
  private static Work step(int[] sizes, long rows, int population) {
    double macs = 0;
    long widths = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      macs += (double) sizes[l] * sizes[l + 1];
      widths += sizes[l + 1];
    }
    int layers = sizes.length - 1;
    return new Work(population * 6 * rows * macs / FLOPS,
        layers * SECONDS_PER_LAYER + population * (layers * SECONDS_PER_NETWORK_LAYER + rows * widths * SECONDS_PER_ELEMENT));
  }

  /**
   * Native memory one trial takes inside a population: its parameters six times over (value,
   * gradient, scratch, decay, two optimizer states) and its pass buffers (about six arrays per layer
   * for the training batch, the probe set and the held-out set), in single precision.
   */
  public static long trialBytes(TrialConfig c) {
    int[] sizes = sizes(c);
    long params = 0;
    long widths = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      params += (long) (sizes[l] + 1) * sizes[l + 1];
      widths += sizes[l] + 1 + sizes[l + 1];
    }
    long samples = samples(c);
    long train = trainRows(c, samples);
    long batch = c.get(DATA_SOURCE).isStream() ? c.get(BATCH_SIZE) : Math.min(c.get(BATCH_SIZE), samples);
    long rows = batch + probeRows(c, samples) + (samples - train)
        + DeathScan.chunkRows((int) probeRows(c, train), (int) Math.min(train, c.get(DEATH_ROWS) == null ? train : c.get(DEATH_ROWS)))
        + (earlierRows(c, train) > 0 ? DeathScan.chunkRows((int) probeRows(c, train)) : 0);
    return 4 * (6 * params + 3 * rows * widths);
  }

  /** Layer widths; the input and output widths of file sources are unknown before loading (guessed). */
  static int[] sizes(TrialConfig c) {
    int in = switch (c.get(DATA_SOURCE)) {
      case BLOBS, TEACHER -> c.get(DATA_FEATURES);
      case SPIRALS -> 2;
      case FUNCTION -> 1;
      case DIGITS -> 64;
      case BREAST_CANCER -> 30;
      case CSV, PARQUET -> 16;
      case SLOWLY_CHANGING -> SlowlyChangingRegression.INPUTS;
    };
    int out = !c.isClassification() ? 1 : switch (c.get(DATA_SOURCE)) {
      case BLOBS -> c.get(DATA_CLASSES);
      case DIGITS -> 10;
      default -> 2;
    };
    int[] sizes = new int[c.get(HIDDEN).size() + 2];
    sizes[0] = in;
    for (int i = 0; i < c.get(HIDDEN).size(); i++) {
      sizes[i + 1] = c.get(HIDDEN).get(i);
    }
    sizes[sizes.length - 1] = out;
    return sizes;
  }
}
