package org.deadrelu.jobs.report;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * A mean with its two-sided Student-t confidence interval: mean +- t(1 - a/2, n - 1) * sd / sqrt(n),
 * sd the sample standard deviation. With one observation the interval is unknown (NaN).
 */
public record ConfidenceInterval(long n, double mean, double sd, double low, double high) {

  public static ConfidenceInterval of(long n, double mean, double sd, double level) {
    if (n < 2 || Double.isNaN(sd)) {
      return new ConfidenceInterval(n, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    double half = t * sd / Math.sqrt(n);
    return new ConfidenceInterval(n, mean, sd, mean - half, mean + half);
  }

  public static ConfidenceInterval of(double[] values, double level) {
    int n = values.length;
    // the sample variance divides by n - 1; with one value the spread is unknown
    return of(n, StatUtils.mean(values), n > 1 ? Math.sqrt(StatUtils.variance(values)) : Double.NaN, level);
  }

  /**
   * The interval cut to the range the metric can take (a fraction: [0, 1]): the t interval is
   * symmetric, so near 0 or 1 it would otherwise claim values the metric cannot have.
   */
  public ConfidenceInterval clip(double min, double max) {
    return new ConfidenceInterval(n, mean, sd, Double.isNaN(low) ? low : Math.max(min, low),
        Double.isNaN(high) ? high : Math.min(max, high));
  }
}
