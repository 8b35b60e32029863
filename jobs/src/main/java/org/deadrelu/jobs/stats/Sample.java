package org.deadrelu.jobs.stats;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Size, mean and sample standard deviation of some values. When every value is the same, the mean
 * is that value exactly and the sd exactly 0: summing would round 0.1 + 0.1 + 0.1 away from 3 x 0.1,
 * and an interval around the rounded mean would no longer be the single point it is.
 */
record Sample(int n, double mean, double sd, boolean constant) {

  static Sample of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Sample(0, Double.NaN, Double.NaN, false);
    }
    boolean constant = n >= 2;
    for (double v : values) {
      constant &= v == values[0]; // false with NaN, which equals nothing
    }
    if (constant) {
      return new Sample(n, values[0] + 0.0, 0, true); // + 0.0 turns -0.0 into 0.0
    }
    // the sample variance divides by n - 1; with one value the spread is unknown
    return new Sample(n, StatUtils.mean(values), n > 1 ? Math.sqrt(StatUtils.variance(values)) : Double.NaN, false);
  }

  /** A level or power, which must lie strictly between 0 and 1. */
  static double probability(String name, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + p);
    }
    return p;
  }
}
