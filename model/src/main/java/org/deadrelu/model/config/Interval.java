package org.deadrelu.model.config;

import java.io.Serializable;
import java.math.BigDecimal;

/** The range a numeric setting accepts, with open or closed ends, described the way messages show it. */
public record Interval(double low, boolean lowClosed, double high, boolean highClosed) implements Serializable {

  public static Interval any() {
    return new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  public static Interval atLeast(double low) {
    return new Interval(low, true, Double.POSITIVE_INFINITY, false);
  }

  public static Interval above(double low) {
    return new Interval(low, false, Double.POSITIVE_INFINITY, false);
  }

  public static Interval closed(double low, double high) {
    return new Interval(low, true, high, true);
  }

  /** [low, high): coefficients such as momentum, which must stay below 1. */
  public static Interval closedOpen(double low, double high) {
    return new Interval(low, true, high, false);
  }

  public boolean contains(double x) {
    boolean aboveLow = lowClosed ? x >= low : x > low;
    boolean belowHigh = highClosed ? x <= high : x < high;
    return aboveLow && belowHigh;
  }

  public boolean bounded() {
    return low != Double.NEGATIVE_INFINITY || high != Double.POSITIVE_INFINITY;
  }

  /** "> 0", ">= 0", "in [0, 1)"; empty for no bound. */
  public String describe() {
    if (high == Double.POSITIVE_INFINITY) {
      return low == Double.NEGATIVE_INFINITY ? "" : (lowClosed ? ">= " : "> ") + format(low);
    }
    if (low == Double.NEGATIVE_INFINITY) {
      return (highClosed ? "<= " : "< ") + format(high);
    }
    return "in " + (lowClosed ? "[" : "(") + format(low) + ", " + format(high) + (highClosed ? "]" : ")");
  }

  /** 0 rather than 0.0, 0.001 rather than 1.0E-3. */
  public static String format(double x) {
    return Double.isFinite(x) ? BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() : String.valueOf(x);
  }
}
