package org.deadrelu.jobs.sweep.rules;

import java.math.BigInteger;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.model.config.IntegerRange;
import org.deadrelu.model.config.Interval;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A whole-number value within its range; {@code 1.5} and {@code 2.0} are rejected, not rounded.
 *
 * @param range the accepted values
 * @param wide whether the value is a long (seeds) rather than an int
 */
public record IntegerRule(IntegerRange range, boolean wide) implements NumericRule {

  /** An int value (counts, widths) that must be at least {@code min}. */
  public static IntegerRule atLeast(long min) {
    return new IntegerRule(IntegerRange.atLeast(min), false);
  }

  /** A long value (seeds) that must be at least {@code min}. */
  public static IntegerRule wideAtLeast(long min) {
    return new IntegerRule(IntegerRange.wideAtLeast(min), true);
  }

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (s.kind() != Scalar.Kind.INTEGER) {
      return reject(node, field, problems);
    }
    BigInteger i = s.integer();
    if (i.bitLength() >= Long.SIZE || !range.contains(i.longValue())) {
      problems.at(node, field, "must be " + range.describe() + ", got " + s.text());
      return null;
    }
    return wide ? (Object) i.longValue() : (Object) i.intValue();
  }

  @Override
  public String accepts() {
    return range.accepts();
  }

  @Override
  public boolean integral() {
    return true;
  }

  @Override
  public String check(double x) {
    return x >= range.min() && x <= range.max() ? null : "must be " + range.describe() + ", got " + Interval.format(x);
  }

  @Override
  public Object box(double x) {
    return wide ? (Object) (long) x : (Object) (int) x;
  }
}
