package org.deadrelu.jobs.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.deadrelu.jobs.report.ConfidenceInterval;

/**
 * Treated against baseline over seeds they share: baseline[i] and treated[i] ran with the same seed,
 * so their difference cancels what the seed alone does (initial weights, batch order) and the pairs'
 * differences are the sample. The mean difference (on the {@link Scale}) gets a Student-t interval
 * at {@code level}, and the verdict reads the predicted {@link Direction} from that interval only.
 *
 * @param n pairs
 * @param mean mean difference, treated minus baseline; on the log scale the mean log-ratio
 * @param low lower bound of the mean's t interval (NaN with fewer than 2 pairs)
 * @param high upper bound of the mean's t interval (NaN with fewer than 2 pairs)
 * @param sd sample standard deviation of the differences
 * @param verdict CONFIRMED when the interval lies strictly on the predicted side of 0, CONTRADICTED
 *     when strictly on the other side, NOT_DETECTED otherwise
 * @param detectableEffect the smallest true mean difference this design detects with probability
 *     {@code power} in a two-sided test at {@code level}, from the observed sd (see {@link #of})
 * @param noPairDiffers every pair has the same value for both settings (e.g. a metric that is 0
 *     for both on every seed): nothing moved, rather than an effect too small to see
 * @param expected the predicted direction
 * @param scale the scale of the differences
 * @param level the confidence level of the interval
 * @param power the power {@code detectableEffect} is for
 */
public record PairedComparison(int n, double mean, double low, double high, double sd, Verdict verdict,
    double detectableEffect, boolean noPairDiffers, Direction expected, Scale scale, double level,
    double power) {

  /**
   * Compares treated with baseline, pair by pair.
   *
   * <p>The detectable effect is the usual approximation (t(1 - a/2, n - 1) + t(power, n - 1)) x sd /
   * sqrt(n), a = 1 - level, with the sd observed in these pairs standing in for the true one: with few
   * seeds it is itself uncertain, so the figure is a guide to the design's resolution, not a bound. It
   * is 0 when every pair differs by the same amount (observed sd 0), and NaN with fewer than 2 pairs.
   *
   * @throws IllegalArgumentException if the arrays differ in length, a value is not finite, a value is
   *     not > 0 on the log scale, or level or power is not strictly between 0 and 1
   */
  public static PairedComparison of(double[] baseline, double[] treated, Direction expected, Scale scale,
      double level, double power) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(scale, "scale");
    Sample.probability("level", level);
    Sample.probability("power", power);
    if (baseline.length != treated.length) {
      throw new IllegalArgumentException("baseline and treated must pair up, got " + baseline.length
          + " and " + treated.length + " values");
    }
    int n = baseline.length;
    double[] d = new double[n];
    boolean noPairDiffers = n > 0;
    for (int i = 0; i < n; i++) {
      d[i] = onScale(scale, "treated", i, treated[i]) - onScale(scale, "baseline", i, baseline[i]);
      noPairDiffers &= d[i] == 0;
    }
    Sample s = Sample.of(d);
    ConfidenceInterval ci = ConfidenceInterval.of(n, s.mean(), s.sd(), level);
    double detectable = Double.NaN;
    if (n >= 2) {
      TDistribution t = new TDistribution(n - 1);
      detectable = (t.inverseCumulativeProbability(1 - (1 - level) / 2) + t.inverseCumulativeProbability(power))
          * s.sd() / Math.sqrt(n);
    }
    return new PairedComparison(n, s.mean(), ci.low(), ci.high(), s.sd(), verdict(expected, ci.low(), ci.high()),
        detectable, noPairDiffers, expected, scale, level, power);
  }

  private static double onScale(Scale scale, String name, int i, double value) {
    // an infinite or NaN value would make every figure NaN without saying which trial did it
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + "[" + i + "] = " + value + ": values must be finite");
    }
    try {
      return scale.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + "[" + i + "]: " + e.getMessage(), e);
    }
  }

  /** The verdict of an interval for a predicted direction; a NaN interval detects nothing. */
  private static Verdict verdict(Direction expected, double low, double high) {
    boolean above = low > 0;
    boolean below = high < 0;
    if (!above && !below) {
      return Verdict.NOT_DETECTED;
    }
    return above == (expected == Direction.INCREASE) ? Verdict.CONFIRMED : Verdict.CONTRADICTED;
  }

  /** On the log scale: the geometric mean of treated / baseline, exp(mean). */
  public double ratio() {
    return exp(mean);
  }

  /** On the log scale: the interval's lower bound as a ratio, exp(low). */
  public double ratioLow() {
    return exp(low);
  }

  /** On the log scale: the interval's upper bound as a ratio, exp(high). */
  public double ratioHigh() {
    return exp(high);
  }

  /** On the log scale: the detectable effect as a ratio (above 1; its inverse for a decrease). */
  public double detectableRatio() {
    return exp(detectableEffect);
  }

  private double exp(double logRatio) {
    if (scale != Scale.LOG) {
      throw new IllegalStateException("a ratio needs the log scale; this comparison is " + scale);
    }
    return Math.exp(logRatio);
  }
}
