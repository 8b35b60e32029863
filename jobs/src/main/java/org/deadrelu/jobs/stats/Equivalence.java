package org.deadrelu.jobs.stats;

import org.deadrelu.jobs.report.ConfidenceInterval;

/**
 * A claim that a metric is about a value ("the dead fraction is about one half"): the mean over seeds
 * with its Student-t interval, checked against the band target +- margin. An interval inside the band
 * shows the mean is there (the interval-inclusion form of equivalence testing, conservative at this
 * level); one entirely outside shows it is not; one that straddles an edge cannot tell.
 *
 * @param n values
 * @param mean their mean
 * @param low lower bound of the mean's t interval (NaN with fewer than 2 values)
 * @param high upper bound of the mean's t interval (NaN with fewer than 2 values)
 * @param sd sample standard deviation of the values
 * @param verdict CONFIRMED when [low, high] lies within [target - margin, target + margin] (edges
 *     included), CONTRADICTED when it lies entirely outside, NOT_DETECTED otherwise
 * @param target the value the claim names
 * @param margin how far from the target still counts as "about"
 * @param level the confidence level of the interval
 */
public record Equivalence(int n, double mean, double low, double high, double sd, Verdict verdict,
    double target, double margin, double level) {

  /**
   * Checks that the mean of {@code values} is within {@code margin} of {@code target}.
   *
   * @throws IllegalArgumentException if margin is negative or not finite, target is not finite, or
   *     level is not strictly between 0 and 1
   */
  public static Equivalence of(double[] values, double target, double margin, double level) {
    Sample.probability("level", level);
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("target must be finite, got " + target);
    }
    if (!(margin >= 0) || Double.isInfinite(margin)) {
      throw new IllegalArgumentException("margin must be >= 0 and finite, got " + margin);
    }
    Sample s = Sample.of(values);
    ConfidenceInterval ci = ConfidenceInterval.of(s.n(), s.mean(), s.sd(), level);
    double lo = target - margin;
    double hi = target + margin;
    Verdict verdict;
    if (ci.low() >= lo && ci.high() <= hi) {
      verdict = Verdict.CONFIRMED;
    } else if (ci.high() < lo || ci.low() > hi) {
      verdict = Verdict.CONTRADICTED;
    } else {
      verdict = Verdict.NOT_DETECTED; // also a NaN interval: every comparison above is false
    }
    return new Equivalence(s.n(), s.mean(), ci.low(), ci.high(), s.sd(), verdict, target, margin, level);
  }
}
