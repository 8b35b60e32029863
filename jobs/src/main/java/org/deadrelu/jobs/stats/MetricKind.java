package org.deadrelu.jobs.stats;

import org.deadrelu.jobs.report.ConfidenceInterval;
import org.deadrelu.jobs.report.Proportion;

/**
 * What a metric is, which decides its interval. The kind is a property of the metric, not of the
 * values one group happens to take: a dead fraction that is 0 on every seed is still a fraction per
 * trial, not a share of trials, and does not get a share's interval.
 *
 * <p>A NaN value (a trial that could not measure the metric) makes the whole summary NaN, as SQL's
 * avg does, rather than being dropped without notice.
 */
public enum MetricKind {
  /** 0 or 1 per trial (diverged or not): the share of 1s, with Wilson's score interval. */
  BINARY("Wilson"),
  /**
   * A value in [0, 1] per trial (a dead fraction, an accuracy): the mean, with Student's t interval
   * clipped to [0, 1].
   */
  PROPORTION("t, clipped to [0, 1]"),
  /** Any number: the mean, with Student's t interval. */
  CONTINUOUS("t"),
  /**
   * Positive values spanning orders of magnitude (a gradient-norm ratio of 1e-12 to 1): the geometric
   * mean, with the t interval computed on the logs and exponentiated, so it stays above 0 and is
   * symmetric in ratio rather than in difference.
   */
  LOG("t on logs (geometric mean)");

  private final String method;

  MetricKind(String method) {
    this.method = method;
  }

  /** The interval's method as a report names it: "Wilson", "t", "t, clipped to [0, 1]", ... */
  public String method() {
    return method;
  }

  /**
   * The estimate (share, mean or geometric mean) of {@code values} with its interval at {@code level}.
   *
   * @throws IllegalArgumentException for a value this kind cannot take (naming it): BINARY takes 0 and
   *     1, PROPORTION [0, 1], LOG values > 0; or a level not strictly between 0 and 1
   */
  public Summary summarize(double[] values, double level) {
    Sample.probability("level", level);
    boolean unknown = false;
    for (double v : values) {
      unknown |= Double.isNaN(v);
      check(v);
    }
    int n = values.length;
    if (unknown) {
      return new Summary(this, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }
    Sample s = Sample.of(values);
    return switch (this) {
      case BINARY -> {
        // Wilson, not t: when every trial agrees (0 of n, n of n) the t interval is the single point
        // 0 or 1, while a handful of trials cannot rule out a share near it; so a constant group keeps
        // Wilson's interval here, unlike the other kinds
        long ones = 0;
        for (double v : values) {
          ones += (long) v;
        }
        Proportion p = Proportion.wilson(ones, n, level);
        yield new Summary(this, n, p.share(), p.low(), p.high(), s.sd(), s.constant());
      }
      case PROPORTION -> {
        // the true mean lies in [0, 1], so cutting the interval there drops only values it cannot
        // take: the clipped interval covers it whenever the t interval does (same coverage)
        ConfidenceInterval ci = ConfidenceInterval.of(n, s.mean(), s.sd(), level).clip(0, 1);
        yield new Summary(this, n, s.mean(), ci.low(), ci.high(), s.sd(), s.constant());
      }
      case CONTINUOUS -> {
        ConfidenceInterval ci = ConfidenceInterval.of(n, s.mean(), s.sd(), level);
        yield new Summary(this, n, s.mean(), ci.low(), ci.high(), s.sd(), s.constant());
      }
      case LOG -> {
        if (s.constant()) { // keeps the value exactly: exp(log(v)) may be a hair off it
          yield new Summary(this, n, s.mean(), s.mean(), s.mean(), 0, true);
        }
        Sample logs = Sample.of(logs(values));
        ConfidenceInterval ci = ConfidenceInterval.of(n, logs.mean(), logs.sd(), level);
        yield new Summary(this, n, Math.exp(logs.mean()), Math.exp(ci.low()), Math.exp(ci.high()), logs.sd(), false);
      }
    };
  }

  private void check(double v) {
    if (Double.isNaN(v)) {
      return;
    }
    switch (this) {
      case BINARY -> {
        if (v != 0 && v != 1) {
          throw new IllegalArgumentException("a binary metric is 0 or 1 on every trial, got " + v);
        }
      }
      case PROPORTION -> {
        if (v < 0 || v > 1) {
          throw new IllegalArgumentException("a proportion lies in [0, 1] on every trial, got " + v);
        }
      }
      case LOG -> {
        if (!(v > 0)) {
          throw new IllegalArgumentException("a log-scale metric is > 0 on every trial, got " + v);
        }
      }
      case CONTINUOUS -> { }
    }
  }

  private static double[] logs(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }
}
