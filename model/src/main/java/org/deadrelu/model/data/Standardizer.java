package org.deadrelu.model.data;

/**
 * Per-feature standardization fitted on the training split only, so nothing about the test rows
 * leaks into training. A constant feature is only centred: it carries no signal, and dividing by
 * a zero (or rounding-noise) deviation would turn it into NaN or amplified noise.
 */
public final class Standardizer {
  /** Deviations below this, relative to the feature's magnitude, count as a constant feature. */
  static final double CONSTANT = 1e-12;

  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Per-column mean and population standard deviation of {@code train} (at least one row). */
  public static Standardizer fit(double[][] train) {
    if (train.length == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on zero rows");
    }
    int columns = train[0].length;
    double[] mean = new double[columns];
    double[] scale = new double[columns];
    for (int j = 0; j < columns; j++) {
      double sum = 0;
      for (double[] row : train) {
        sum += row[j];
      }
      double m = sum / train.length;
      // two passes: the mean first, then squared deviations, which stays accurate for large means
      double squares = 0;
      for (double[] row : train) {
        double d = row[j] - m;
        squares += d * d;
      }
      double std = Math.sqrt(squares / train.length);
      mean[j] = m;
      // relative threshold: a constant 1e6 column shows ~1e-10 of rounding "deviation"
      scale[j] = std < CONSTANT * Math.max(1, Math.abs(m)) ? 1 : std;
    }
    return new Standardizer(mean, scale);
  }

  /** A new array (x is left untouched): (x - mean) / scale per column. */
  public double[][] transform(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      if (row.length != mean.length) {
        throw new IllegalArgumentException(
            "row " + (i + 1) + " has " + row.length + " values, fitted on " + mean.length);
      }
      double[] r = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        r[j] = (row[j] - mean[j]) / scale[j];
      }
      out[i] = r;
    }
    return out;
  }

  public double mean(int feature) {
    return mean[feature];
  }

  /** The divisor of a feature: its training standard deviation, or 1 for a constant feature. */
  public double scale(int feature) {
    return scale[feature];
  }
}
