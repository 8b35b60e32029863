package org.deadrelu.model.probe;

import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decides which neurons are dead on a set of training rows, by forward-only passes over chunks of
 * it: a neuron is dead when its derivative is 0 on every row of the set, which its maximum
 * pre-activation over the set decides ({@link #zeroGradient}). A sample could call a neuron dead
 * wrongly, since one row it is active on is enough for it to learn. A neuron is settled alive by
 * the first such row, so the scan stops as soon as no neuron of any network can still be dead, and
 * forwards only through the deepest layer that still holds one: a population whose neurons are all
 * active on the probe rows pays for no scan at all, and only a truly dead neuron costs every row.
 * Each network has its own set (the split less its probe rows, or the first rows where a trial
 * bounds them), all of one size.
 */
public final class DeathScan {
  /** One copy and one set of reduction buffers per thread, kept across scans (each scan uses them within the call). */
  private static final ThreadLocal<HostCopy> COPY = ThreadLocal.withInitial(HostCopy::new);
  private static final ThreadLocal<ColumnReductions> REDUCTIONS = ThreadLocal.withInitial(ColumnReductions::new);

  /** Fills the pass's input, for every network, with rows [from, from + pass rows) of its set. */
  @FunctionalInterface
  public interface ChunkFiller {
    /**
     * @param from the first row of the chunk
     * @param count rows of the set in this chunk (fewer than the pass holds only in the last one: the
     *     filler repeats a row of the chunk in the rest, which leaves a maximum unchanged)
     */
    void fill(int from, int count, Pass pass);
  }

  /** Rows of a chunk at least, where the set has them: fewer would pay the ops' fixed cost too often. */
  static final int MIN_CHUNK = 256;

  private DeathScan() {}

  /**
   * Rows per chunk: the rows scanned split evenly into as many chunks as hold at least the probe
   * set's size (so its buffers can be reused where that splits them exactly) or {@link #MIN_CHUNK},
   * whichever is larger. Even chunks leave at most one row per chunk unused, where chunks of a fixed
   * size would repeat rows to fill the last one (544 rows in chunks of 256 would scan 768).
   */
  public static int chunkRows(int probeRows, int scannedRows) {
    int target = chunkRows(probeRows);
    if (scannedRows <= target) {
      return Math.max(1, scannedRows);
    }
    long chunks = scannedRows / target;
    return (int) ((scannedRows + chunks - 1) / chunks);
  }

  /** Rows per chunk where the rows to scan vary from scan to scan: the probe set's size or {@link #MIN_CHUNK}. */
  public static int chunkRows(int probeRows) {
    return Math.max(probeRows, MIN_CHUNK);
  }

  /**
   * Whether a neuron of layer {@code layer} whose pre-activation never exceeds {@code max} over a set
   * of rows gets no gradient from any of them. Hidden neurons: their activation decides. Output units:
   * only the relu_normalize head's (relu'(0) = 0 there); every other head's units always learn. A NaN
   * maximum (a diverged network) is never dead.
   */
  public static boolean zeroGradient(PopulationNetwork net, int layer, double max) {
    if (layer == net.layers() - 1) {
      return net.head().kind() == HeadKind.RELU_NORMALIZE && max <= 0;
    }
    return net.activation().zeroGradientBelow(max);
  }

  /**
   * @param rows how many rows of the set to scan (at least 1)
   * @param maxima per network, layer (the output layer last) and neuron, the maximum pre-activation
   *     already known over rows that count (the probe rows, when they are among the set's), or
   *     negative infinity; raised in place by the rows scanned, so exact only where still dead
   * @return per network, layer and neuron: dead on the known rows and every row of the set
   */
  public static boolean[][][] dead(PopulationNetwork net, Pass pass, int rows, double[][][] maxima, ChunkFiller filler) {
    int p = net.size();
    int[] sizes = net.sizes();
    int chunk = pass.rows();
    HostCopy copy = COPY.get();
    ColumnReductions reductions = REDUCTIONS.get();
    double[] chunkMax = new double[0];
    for (int from = 0, through = undecidedThrough(net, maxima); from < rows && through > 0;
        from += chunk, through = undecidedThrough(net, maxima)) {
      filler.fill(from, Math.min(chunk, rows - from), pass);
      net.preActivations(pass, through);
      for (int l = 0; l < through; l++) {
        INDArray z = pass.z(l); // [P, chunk, width]
        int width = sizes[l + 1];
        int block = chunk * width;
        if (chunkMax.length < width) {
          chunkMax = new double[width];
        }
        for (int s = 0; s < p; s++) {
          if (!undecided(net, l, maxima[s][l])) {
            continue; // every neuron of this layer of this network is settled alive: its rows cannot change that
          }
          if (z.dataType() == DataType.FLOAT) {
            reductions.max(copy.readFloatsRange(z, s * block, block), chunk, width, chunkMax);
          } else {
            reductions.max(copy.readRange(z, s * block, block), chunk, width, chunkMax);
          }
          for (int i = 0; i < width; i++) {
            maxima[s][l][i] = Math.max(maxima[s][l][i], chunkMax[i]); // NaN stays NaN: never dead
          }
        }
      }
    }
    boolean[][][] dead = new boolean[p][net.layers()][];
    for (int s = 0; s < p; s++) {
      for (int l = 0; l < net.layers(); l++) {
        dead[s][l] = new boolean[sizes[l + 1]];
        for (int i = 0; i < sizes[l + 1]; i++) {
          dead[s][l][i] = zeroGradient(net, l, maxima[s][l][i]);
        }
      }
    }
    return dead;
  }

  /** Whether a neuron of the layer, one network's maxima, may still be dead. */
  private static boolean undecided(PopulationNetwork net, int layer, double[] maxima) {
    for (double v : maxima) {
      if (zeroGradient(net, layer, v)) {
        return true;
      }
    }
    return false;
  }

  /** One past the deepest layer with a neuron of some network that may still be dead; 0 if none. */
  private static int undecidedThrough(PopulationNetwork net, double[][][] maxima) {
    for (int l = net.layers() - 1; l >= 0; l--) {
      for (double[][] network : maxima) {
        if (undecided(net, l, network[l])) {
          return l + 1;
        }
      }
    }
    return 0;
  }
}
