package org.deadrelu.model.data;

import java.util.Random;

/**
 * Two interleaved spirals in the plane, one per class: a classic problem a linear model cannot
 * solve, so the network must use its hidden units.
 *
 * <p>A point of class k at curve position t in (0, 1) lies at radius t and angle
 * {@code TURNS * 2 pi * t + k * pi}: class 1 is class 0 rotated by half a turn.
 */
public final class Spirals {
  private Spirals() {}

  /** Turns each arm makes from the centre to radius 1. */
  public static final double TURNS = 1.75;

  /**
   * Row i belongs to class i % 2 (balanced to within one row); a class's points are evenly spaced
   * in t, at t = (j + 0.5) / m for its j-th of m points, then moved by noise * N(0, 1) per coordinate.
   */
  public static LabeledTable generate(int samples, double noise, long seed) {
    String source = name(samples, noise);
    GeneratorSettings.atLeast(source, "data.samples", samples, LabeledTable.MIN_ROWS);
    GeneratorSettings.noise(source, noise);
    Random rng = new Random(seed); // fixed algorithm across JDKs, see Blobs
    int[] perClass = {(samples + 1) / 2, samples / 2};
    double[][] x = new double[samples][2];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      int k = i % 2;
      int j = i / 2;
      double t = (j + 0.5) / perClass[k];
      double angle = TURNS * 2 * Math.PI * t + k * Math.PI;
      x[i][0] = t * Math.cos(angle) + noise * rng.nextGaussian();
      x[i][1] = t * Math.sin(angle) + noise * rng.nextGaussian();
      y[i] = k;
    }
    return new LabeledTable(source, GeneratorSettings.featureNames(2), x, y);
  }

  static String name(int samples, double noise) {
    return "spirals(n=" + samples + ",noise=" + noise + ")";
  }
}
