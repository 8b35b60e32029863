package org.deadrelu.model.train;

import java.util.SplittableRandom;
import org.deadrelu.model.data.Dataset;

/** Small hand-made data for engine tests: two Gaussian classes in d dimensions, already standardized-ish. */
final class TestData {
  private TestData() {}

  static Dataset twoClasses(int rows, int features, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[rows][features];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = i % 2;
      for (int j = 0; j < features; j++) {
        x[i][j] = rng.nextGaussian() + (y[i] == 1 ? 1.0 : -1.0);
      }
    }
    int test = rows / 5;
    double[][] trainX = java.util.Arrays.copyOfRange(x, test, rows);
    double[] trainY = java.util.Arrays.copyOfRange(y, test, rows);
    return new Dataset("two-classes", true, 2, trainX, trainY,
        java.util.Arrays.copyOfRange(x, 0, test), java.util.Arrays.copyOfRange(y, 0, test));
  }
}
