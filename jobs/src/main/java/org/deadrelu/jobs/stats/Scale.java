package org.deadrelu.jobs.stats;

/**
 * The scale on which two values are compared. LOG compares ratios: a learning rate that halves a
 * gradient norm at 1e-6 and at 1e-2 has the same effect on it, which a difference would hide.
 */
public enum Scale {
  /** Differences of the values themselves. */
  LINEAR,
  /** Differences of natural logs, i.e. log-ratios; defined for values > 0 only. */
  LOG;

  /**
   * The value on this scale.
   *
   * @throws IllegalArgumentException on the log scale, for a value that is not > 0 (naming it)
   */
  public double apply(double value) {
    if (this == LINEAR) {
      return value;
    }
    // NaN fails this test too: a log-ratio of an unmeasured value is not a number to average
    if (!(value > 0)) {
      throw new IllegalArgumentException("the log scale needs values > 0, got " + value);
    }
    return Math.log(value);
  }
}
