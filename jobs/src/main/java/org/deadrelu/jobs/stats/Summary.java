package org.deadrelu.jobs.stats;

import java.util.Locale;

/**
 * A metric over a group's trials: its estimate with an interval, as {@link MetricKind#summarize}
 * computes it for the metric's kind.
 *
 * @param kind the metric's kind, which chose the estimate and the interval
 * @param n values
 * @param estimate the share of 1s (BINARY), the mean (PROPORTION, CONTINUOUS) or the geometric mean (LOG)
 * @param low the interval's lower bound (NaN when there is none: no value, one value for t, or a NaN)
 * @param high the interval's upper bound
 * @param sd sample standard deviation of the values the interval is computed on (of the logs for LOG)
 * @param constant at least 2 values and all the same; then low = high = that value, except for
 *     BINARY, whose Wilson interval is not a point when every trial agrees
 */
public record Summary(MetricKind kind, int n, double estimate, double low, double high, double sd,
    boolean constant) {

  /** The interval's method: "Wilson", "t", "t, clipped to [0, 1]" or "t on logs (geometric mean)". */
  public String method() {
    return kind.method();
  }

  /**
   * The interval as text: "[0.1037, 0.4963]"; "no variation (all 15 = 0)" when every value is the
   * same and the interval is that single point (an interval of width 0 would read as certainty the
   * seeds do not give: they just never moved); "n/a" when there is none.
   */
  public String describeInterval() {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "n/a";
    }
    if (constant && low == high) {
      return "no variation (all " + n + " = " + number(estimate) + ")";
    }
    return "[" + number(low) + ", " + number(high) + "]";
  }

  /** Whole numbers as such (0, 1), small ones in scientific notation, others with 4 decimals. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
  }
}
