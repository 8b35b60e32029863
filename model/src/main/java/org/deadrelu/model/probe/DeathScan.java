package org.deadrelu.model.probe;

import org.deadrelu.model.net.HostCopy;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;

/**
 * The maximum pre-activation of every neuron over a set of training rows, by forward-only passes
 * over chunks of it. Death is decided on these maxima: a neuron active on a single training row
 * still learns from it, so a sample could call it dead wrongly. Each network has its own set (the
 * split less its probe rows, or the first rows where a trial bounds them), all of one size.
 */
public final class DeathScan {

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
   * Rows per chunk: the probe set's size (so its buffers can be reused) or {@link #MIN_CHUNK},
   * whichever is larger, but no more than the rows scanned.
   */
  public static int chunkRows(int probeRows, int scannedRows) {
    return Math.max(1, Math.min(scannedRows, Math.max(probeRows, MIN_CHUNK)));
  }

  /**
   * @param rows how many rows of the set to scan (at least 1)
   * @return per network, per layer (the output layer last), per neuron: max over the rows of z
   */
  public static double[][][] maxPreactivation(PopulationNetwork net, Pass pass, int rows, ChunkFiller filler) {
    int p = net.size();
    int layers = net.layers();
    int[] sizes = net.sizes();
    double[][][] max = new double[p][layers][];
    for (int s = 0; s < p; s++) {
      for (int l = 0; l < layers; l++) {
        max[s][l] = new double[sizes[l + 1]];
        java.util.Arrays.fill(max[s][l], Double.NEGATIVE_INFINITY);
      }
    }
    int chunk = pass.rows();
    HostCopy copy = new HostCopy();
    for (int from = 0; from < rows; from += chunk) {
      filler.fill(from, Math.min(chunk, rows - from), pass);
      net.forward(pass);
      for (int l = 0; l < layers; l++) {
        double[] m = copy.read(pass.z(l).max(1)); // [P, width], row-major
        int width = sizes[l + 1];
        for (int s = 0; s < p; s++) {
          for (int i = 0; i < width; i++) {
            double v = m[s * width + i];
            max[s][l][i] = Math.max(max[s][l][i], v); // a NaN (a diverged network) stays NaN: never dead
          }
        }
      }
    }
    return max;
  }
}
