package org.deadrelu.model.train;

import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data set laid out for a population: copies chosen rows, network by network, into a pass's input
 * [P, rows, features] and into targets [P, rows, outputs], by way
 * of one Java staging array per buffer and one bulk copy, so filling a minibatch costs no ND4J op.
 *
 * <p>Each network may see the rows through its current task's transform ({@link #setTask}): its
 * features in another order (feature j of what it sees is feature order[j] of the row) and its classes
 * renamed (class c is fed as class order[c]). Without one, rows are copied as they are.
 */
final class PopulationData {
  private final double[][] trainX;
  private final double[][] trainTargets;
  private final int[] trainClass;
  private final double[][] testX;
  private final double[][] testTargets;
  private final int[] testClass;
  private final int features;
  private final int outputs;
  private final boolean classification;
  /** Per network, the current task's order of the features and of the classes; null for as they are. */
  private int[][] featureOrder = new int[0][];
  private int[][] classOrder = new int[0][];

  PopulationData(Dataset d) {
    this.features = d.features();
    this.outputs = d.outputs();
    this.classification = d.classification();
    this.trainX = d.trainX();
    this.trainTargets = targets(d, d.trainY());
    this.trainClass = classes(d, d.trainY());
    this.testX = d.testX();
    this.testTargets = targets(d, d.testY());
    this.testClass = classes(d, d.testY());
  }

  int trainRows() {
    return trainX.length;
  }

  int testRows() {
    return testX.length;
  }

  int features() {
    return features;
  }

  /** From now on network p sees the rows through these orders (null: as they are). */
  void setTask(int p, int population, int[] features, int[] classes) {
    if (featureOrder.length != population) {
      featureOrder = new int[population][];
      classOrder = new int[population][];
    }
    if (classes != null && !classification) {
      throw new IllegalArgumentException("classes can be renamed on a classification data set only");
    }
    featureOrder[p] = features;
    classOrder[p] = classes;
  }

  /** Network p gets training rows rows[p]. */
  void fillTrain(int[][] rows, INDArray input, INDArray targets, Staging stage) {
    fill(trainX, trainTargets, trainClass, rows, input, targets, stage);
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
      int[] order = orderOf(featureOrder, p);
      for (int r = 0; r < n; r++) {
        copyRow(trainX[rows[p][from + (r < count ? r : 0)]], order, in, (p * n + r) * features);
      }
    }
    stage.copy(in, input);
  }

  /**
   * Network p gets the training inputs of its earlier tasks: row i of the sequence is training row
   * i mod {@code perTask} (the first perTask rows decide death) under the feature order of task
   * i / perTask, as {@code orders} gives it for network p; the rest of the input repeats the chunk's
   * first row. Only the input is filled.
   */
  void fillEarlierTasks(TaskOrders orders, int perTask, int from, int count, INDArray input, Staging stage) {
    int population = (int) input.size(0);
    int n = (int) input.size(1);
    double[] in = stage.buffer("x", population * n * features);
    for (int p = 0; p < population; p++) {
      for (int r = 0; r < n; r++) {
        int i = from + (r < count ? r : 0);
        copyRow(trainX[i % perTask], orders.features(p, i / perTask), in, (p * n + r) * features);
      }
    }
    stage.copy(in, input);
  }

  /** The feature order of network p's task {@code task}. */
  interface TaskOrders {
    int[] features(int p, int task);
  }

  /** Every network gets the whole held-out split. */
  void fillTest(int population, INDArray input, INDArray targets, Staging stage) {
    int[] all = new int[testX.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int[][] rows = new int[population][];
    java.util.Arrays.fill(rows, all);
    fill(testX, testTargets, testClass, rows, input, targets, stage);
  }

  private void fill(double[][] x, double[][] y, int[] cls, int[][] rows, INDArray input, INDArray targets, Staging stage) {
    int width = features;
    int n = rows[0].length;
    double[] in = stage.buffer("x", rows.length * n * width);
    double[] out = stage.buffer("y", rows.length * n * outputs);
    for (int p = 0; p < rows.length; p++) {
      int[] order = orderOf(featureOrder, p);
      int[] renamed = orderOf(classOrder, p);
      for (int r = 0; r < n; r++) {
        int src = rows[p][r];
        int at = (p * n + r) * width;
        copyRow(x[src], order, in, at);
        int to = (p * n + r) * outputs;
        if (renamed == null) {
          System.arraycopy(y[src], 0, out, to, outputs);
        } else {
          java.util.Arrays.fill(out, to, to + outputs, 0.0);
          out[to + renamed[cls[src]]] = 1.0;
        }
      }
    }
    stage.copy(in, input);
    stage.copy(out, targets);
  }

  private static int[] orderOf(int[][] orders, int p) {
    return p < orders.length ? orders[p] : null;
  }

  private void copyRow(double[] row, int[] order, double[] into, int at) {
    if (order == null) {
      System.arraycopy(row, 0, into, at, features);
    } else {
      for (int j = 0; j < features; j++) {
        into[at + j] = row[order[j]];
      }
    }
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

  private static int[] classes(Dataset d, double[] y) {
    int[] c = new int[y.length];
    if (d.classification()) {
      for (int i = 0; i < y.length; i++) {
        c[i] = (int) y[i];
      }
    }
    return c;
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
