package org.deadrelu.model.train;

import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data set laid out for a population: copies chosen rows, network by network, into a pass's input
 * [P, rows, features] and into targets [P, rows, outputs], by way
 * of one Java staging array per buffer and one bulk copy, so filling a minibatch costs no ND4J op.
 */
final class PopulationData {
  private final double[][] trainX;
  private final double[][] trainTargets;
  private final double[][] testX;
  private final double[][] testTargets;
  private final int features;
  private final int outputs;

  PopulationData(Dataset d) {
    this.features = d.features();
    this.outputs = d.outputs();
    this.trainX = d.trainX();
    this.trainTargets = targets(d, d.trainY());
    this.testX = d.testX();
    this.testTargets = targets(d, d.testY());
  }

  int trainRows() {
    return trainX.length;
  }

  int testRows() {
    return testX.length;
  }

  /** Network p gets training rows rows[p]. */
  void fillTrain(int[][] rows, INDArray input, INDArray targets, Staging stage) {
    fill(trainX, trainTargets, rows, input, targets, stage);
  }

  /**
   * Network p gets training rows rows[p][from, from + count), and the rest of the input (when it
   * holds more rows) repeats the chunk's first row. Only the input is filled.
   */
  void fillTrainChunk(int[][] rows, int from, int count, INDArray input, Staging stage) {
    int population = (int) input.size(0);
    int n = (int) input.size(1);
    double[] in = stage.buffer("x", population * n * features);
    for (int p = 0; p < population; p++) {
      for (int r = 0; r < n; r++) {
        System.arraycopy(trainX[rows[p][from + (r < count ? r : 0)]], 0, in, (p * n + r) * features, features);
      }
    }
    stage.copy(in, input);
  }

  /** Every network gets the whole held-out split. */
  void fillTest(int population, INDArray input, INDArray targets, Staging stage) {
    int[] all = new int[testX.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int[][] rows = new int[population][];
    java.util.Arrays.fill(rows, all);
    fill(testX, testTargets, rows, input, targets, stage);
  }

  private void fill(double[][] x, double[][] y, int[][] rows, INDArray input, INDArray targets, Staging stage) {
    int width = features;
    int n = rows[0].length;
    double[] in = stage.buffer("x", rows.length * n * width);
    double[] out = stage.buffer("y", rows.length * n * outputs);
    for (int p = 0; p < rows.length; p++) {
      for (int r = 0; r < n; r++) {
        int src = rows[p][r];
        int at = (p * n + r) * width;
        System.arraycopy(x[src], 0, in, at, features);
        System.arraycopy(y[src], 0, out, (p * n + r) * outputs, outputs);
      }
    }
    stage.copy(in, input);
    stage.copy(out, targets);
  }

  private static double[][] targets(Dataset d, double[] y) {
    int k = d.outputs();
    double[][] t = new double[y.length][k];
    for (int i = 0; i < y.length; i++) {
      if (d.classification()) {
        t[i][(int) y[i]] = 1.0;
      } else {
        t[i][0] = y[i];
      }
    }
    return t;
  }

  /** Reusable Java arrays and the bulk copy into native memory, in the buffer's data type. */
  static final class Staging {
    /** By purpose ("x", "y") and length: a training batch and a probe chunk each keep their own. */
    private final java.util.Map<String, java.util.Map<Integer, double[]>> arrays = new java.util.HashMap<>();
    private final HostCopy toNative = new HostCopy();

    double[] buffer(String name, int length) {
      return arrays.computeIfAbsent(name, k -> new java.util.HashMap<>()).computeIfAbsent(length, double[]::new);
    }

    /**
     * One native copy of the whole buffer ({@link HostCopy}): {@code DataBuffer.setData} writes
     * element by element, which took most of a checkpoint's time on the digits.
     */
    void copy(double[] values, INDArray target) {
      if (target.length() != values.length) {
        throw new IllegalArgumentException(values.length + " values for " + target.shapeInfoToString());
      }
      toNative.write(values, target);
    }
  }
}
