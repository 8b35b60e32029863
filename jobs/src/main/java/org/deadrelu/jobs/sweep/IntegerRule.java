package org.deadrelu.jobs.sweep;

import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.Node;

/** A whole-number setting within [min, max]; {@code 1.5} and {@code 2.0} are rejected, not rounded. */
record IntegerRule(long min, long max, boolean wide) implements NumericRule {

  /** An int setting (steps, widths) that must be at least {@code min}. */
  static IntegerRule atLeast(long min) {
    return new IntegerRule(min, Integer.MAX_VALUE, false);
  }

  static IntegerRule between(long min, long max) {
    return new IntegerRule(min, max, false);
  }

  /** A long setting (seeds) that must be at least {@code min}. */
  static IntegerRule wideAtLeast(long min) {
    return new IntegerRule(min, Long.MAX_VALUE, true);
  }

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (s.kind() != Scalar.Kind.INTEGER) {
      return reject(node, field, problems);
    }
    BigInteger i = s.integer();
    if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.at(node, field, "must be " + range() + ", got " + s.text());
      return null;
    }
    return wide ? (Object) i.longValue() : (Object) i.intValue();
  }

  @Override
  public String accepts() {
    return max == min + 1 ? range() : "an integer " + range();
  }

  @Override
  public boolean integral() {
    return true;
  }

  @Override
  public String check(double x) {
    return x >= min && x <= max ? null : "must be " + range() + ", got " + Interval.format(x);
  }

  @Override
  public Object box(double x) {
    return wide ? (Object) (long) x : (Object) (int) x;
  }

  private String range() {
    if (max == min + 1) {
      return min + " or " + max;
    }
    return max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
  }
}
