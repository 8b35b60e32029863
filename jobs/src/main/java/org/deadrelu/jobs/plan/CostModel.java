package org.deadrelu.jobs.plan;

import org.deadrelu.model.config.TrialConfig;

/**
 * A rough cost of a trial in core-seconds, for planning and for `plan` to print before a cluster is
 * spent. A small network's step is dominated by a fixed cost per ND4J op (ND4J-NOTES.md), so the
 * model charges per op and per FLOP.
 */
public final class CostModel {
  /** Fixed cost of one ND4J op on one core, seconds (tens of microseconds measured). */
  static final double SECONDS_PER_OP = 40e-6;
  /** Sustained small-matrix throughput on one core, FLOP/s. */
  static final double FLOPS = 10e9;
  /** Ops per layer in one training step (forward, backward, update). */
  static final int OPS_PER_LAYER_STEP = 16;
  /** Ops per layer in one probe (forward, backward, reductions). */
  static final int OPS_PER_LAYER_PROBE = 30;

  private CostModel() {}

  public static double trialSeconds(TrialConfig c) {
    int[] sizes = sizes(c);
    double macs = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      macs += (double) sizes[l] * sizes[l + 1];
    }
    int layers = sizes.length - 1;
    double step = layers * OPS_PER_LAYER_STEP * SECONDS_PER_OP + 6 * c.batchSize() * macs / FLOPS;
    int checkpoints = c.steps() / c.probeEvery() + 2;
    double probe = layers * OPS_PER_LAYER_PROBE * SECONDS_PER_OP
        + 6 * Math.min(c.probeSamples(), c.dataSamples() == null ? c.probeSamples() : c.dataSamples()) * macs / FLOPS;
    return c.steps() * step + checkpoints * probe;
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
    long samples = c.dataSamples() == null ? 2000 : c.dataSamples();
    long rows = Math.min(c.batchSize(), samples) + Math.min(c.probeSamples(), samples)
        + (long) Math.ceil(samples * c.testFraction());
    return 4 * (6 * params + 3 * rows * widths);
  }

  /** Layer widths; the input and output widths of file sources are unknown before loading (guessed). */
  static int[] sizes(TrialConfig c) {
    int in = switch (c.dataSource()) {
      case BLOBS, TEACHER -> c.dataFeatures();
      case SPIRALS -> 2;
      case FUNCTION -> 1;
      case DIGITS -> 64;
      case BREAST_CANCER -> 30;
      case CSV, PARQUET -> 16;
    };
    int out = !c.isClassification() ? 1 : switch (c.dataSource()) {
      case BLOBS -> c.dataClasses();
      case DIGITS -> 10;
      default -> 2;
    };
    int[] sizes = new int[c.hidden().size() + 2];
    sizes[0] = in;
    for (int i = 0; i < c.hidden().size(); i++) {
      sizes[i + 1] = c.hidden().get(i);
    }
    sizes[sizes.length - 1] = out;
    return sizes;
  }
}
