package org.deadrelu.model.train;

import java.util.random.RandomGenerator;
import org.deadrelu.model.data.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset as engine arrays: features [rows, features], targets one-hot [rows, classes] or
 * [rows, 1], and the trial's probe set, drawn once without replacement from the training split.
 */
public record TrainingData(
    INDArray trainX, INDArray trainY, INDArray testX, INDArray testY, INDArray probeX, INDArray probeY,
    int[] probeRows) {

  public static TrainingData of(Dataset d, int probeSamples, RandomGenerator probeRng, DataType dtype) {
    INDArray trainX = features(d.trainX(), d.features(), dtype);
    INDArray trainY = targets(d, d.trainY(), dtype);
    INDArray testX = d.testX().length == 0 ? null : features(d.testX(), d.features(), dtype);
    INDArray testY = d.testX().length == 0 ? null : targets(d, d.testY(), dtype);
    int[] probe = sampleRows(d.trainX().length, probeSamples, probeRng);
    INDArray probeX = Nd4j.pullRows(trainX, 1, probe);
    INDArray probeY = Nd4j.pullRows(trainY, 1, probe);
    return new TrainingData(trainX, trainY, testX, testY, probeX, probeY, probe);
  }

  public int trainRows() {
    return (int) trainX.rows();
  }

  /** k distinct rows of n, by a partial Fisher-Yates shuffle (all n when k >= n). */
  static int[] sampleRows(int n, int k, RandomGenerator rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int take = Math.min(k, n);
    for (int i = 0; i < take; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = new int[take];
    System.arraycopy(idx, 0, out, 0, take);
    java.util.Arrays.sort(out);
    return out;
  }

  private static INDArray features(double[][] x, int features, DataType dtype) {
    double[] flat = new double[x.length * features];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, flat, i * features, features);
    }
    return Nd4j.create(flat, new long[] {x.length, features}, DataType.DOUBLE).castTo(dtype);
  }

  private static INDArray targets(Dataset d, double[] y, DataType dtype) {
    int k = d.outputs();
    double[] flat = new double[y.length * k];
    for (int i = 0; i < y.length; i++) {
      if (d.classification()) {
        flat[i * k + (int) y[i]] = 1.0;
      } else {
        flat[i] = y[i];
      }
    }
    return Nd4j.create(flat, new long[] {y.length, k}, DataType.DOUBLE).castTo(dtype);
  }
}
