package org.deadrelu.model.config;

import java.io.Serializable;

/** The whole numbers an integer setting accepts, [min, max], described the way messages show it. */
public record IntegerRange(long min, long max) implements Serializable {

  /** An int setting (steps, widths) that must be at least {@code min}. */
  public static IntegerRange atLeast(long min) {
    return new IntegerRange(min, Integer.MAX_VALUE);
  }

  public static IntegerRange between(long min, long max) {
    return new IntegerRange(min, max);
  }

  /** A long setting (seeds) that must be at least {@code min}. */
  public static IntegerRange wideAtLeast(long min) {
    return new IntegerRange(min, Long.MAX_VALUE);
  }

  public boolean contains(long x) {
    return x >= min && x <= max;
  }

  /** "0 or 1", ">= 1", "in [2, 9]". */
  public String describe() {
    if (max == min + 1) {
      return min + " or " + max;
    }
    return max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
  }

  /** "an integer >= 1"; just "0 or 1" for a pair. */
  public String accepts() {
    return max == min + 1 ? describe() : "an integer " + describe();
  }
}
