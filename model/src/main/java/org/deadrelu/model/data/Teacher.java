package org.deadrelu.model.data;

import java.util.Random;

/**
 * Regression on the output of a fixed random "teacher" network: features -> 16 tanh units -> 1,
 * weights N(0, 1/fan_in), no biases. The target is smooth and learnable by a student of similar
 * size, so poor fits point at the student (dead units), not at the data.
 */
public final class Teacher {
  private Teacher() {}

  /** Hidden width of the teacher network. */
  public static final int HIDDEN = 16;

  /** x ~ N(0, 1)^features, y = teacher(x) + noise * N(0, 1). */
  public static LabeledTable generate(int samples, int features, double noise, long seed) {
    String source = name(samples, features, noise);
    GeneratorSettings.atLeast(source, "data.samples", samples, LabeledTable.MIN_ROWS);
    GeneratorSettings.atLeast(source, "data.features", features, 1);
    GeneratorSettings.noise(source, noise);
    Random rng = new Random(seed); // fixed algorithm across JDKs, see Blobs
    // the teacher is drawn first, so it depends on the seed and the input size only
    double[][] w1 = new double[HIDDEN][features];
    for (double[] unit : w1) {
      for (int j = 0; j < features; j++) {
        unit[j] = rng.nextGaussian() / Math.sqrt(features);
      }
    }
    double[] w2 = new double[HIDDEN];
    for (int h = 0; h < HIDDEN; h++) {
      w2[h] = rng.nextGaussian() / Math.sqrt(HIDDEN);
    }
    double[][] x = new double[samples][features];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < features; j++) {
        x[i][j] = rng.nextGaussian();
      }
      // drawn even at noise 0, so the noise level never shifts the inputs of later rows
      y[i] = output(w1, w2, x[i]) + noise * rng.nextGaussian();
    }
    return new LabeledTable(source, GeneratorSettings.featureNames(features), x, y);
  }

  private static double output(double[][] w1, double[] w2, double[] x) {
    double out = 0;
    for (int h = 0; h < w1.length; h++) {
      double z = 0;
      for (int j = 0; j < x.length; j++) {
        z += w1[h][j] * x[j];
      }
      out += w2[h] * Math.tanh(z);
    }
    return out;
  }

  static String name(int samples, int features, double noise) {
    return "teacher(n=" + samples + ",features=" + features + ",noise=" + noise + ")";
  }
}
