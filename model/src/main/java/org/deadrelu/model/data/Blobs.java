package org.deadrelu.model.data;

import java.util.Random;

/** Gaussian blobs: one isotropic cluster per class, centers uniform in [-5, 5]^features. */
public final class Blobs {
  private Blobs() {}

  /**
   * Row i belongs to class i % classes, so class sizes differ by at most one.
   *
   * @param noise the clusters' standard deviation
   */
  public static LabeledTable generate(int samples, int classes, int features, double noise, long seed) {
    String source = name(samples, classes, features, noise);
    GeneratorSettings.atLeast(source, "data.classes", classes, 2);
    GeneratorSettings.atLeast(source, "data.samples", samples, Math.max(classes, LabeledTable.MIN_ROWS));
    GeneratorSettings.atLeast(source, "data.features", features, 1);
    GeneratorSettings.noise(source, noise);
    // java.util.Random: its algorithm (nextGaussian included) is fixed by the JDK specification,
    // so the same seed gives the same data on every executor and JDK version
    Random rng = new Random(seed);
    double[][] centers = new double[classes][features];
    for (double[] center : centers) {
      for (int j = 0; j < features; j++) {
        center[j] = -5 + 10 * rng.nextDouble();
      }
    }
    double[][] x = new double[samples][features];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      int k = i % classes;
      y[i] = k;
      for (int j = 0; j < features; j++) {
        x[i][j] = centers[k][j] + noise * rng.nextGaussian();
      }
    }
    return new LabeledTable(source, GeneratorSettings.featureNames(features), x, y);
  }

  static String name(int samples, int classes, int features, double noise) {
    return "blobs(n=" + samples + ",classes=" + classes + ",features=" + features + ",noise=" + noise
        + ")";
  }
}
