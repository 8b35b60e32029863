package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.model.config.ChoiceType;
import org.deadrelu.model.config.FlagType;
import org.deadrelu.model.config.IntegerType;
import org.deadrelu.model.config.LongType;
import org.deadrelu.model.config.NumberType;
import org.deadrelu.model.config.TextType;
import org.deadrelu.model.config.ValueType;
import org.deadrelu.model.config.WidthsType;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * How a sweep file's value is read for one key. The same rule reads a base setting, every value of
 * a grid axis, the values of a {@code when} condition and a random axis' choices, so a value is
 * accepted or rejected with the same message wherever it is written.
 */
public interface ValueRule {

  /** The rule that reads values of a setting declared with {@code type}, accepting what it accepts. */
  static ValueRule of(ValueType<?> type) {
    if (type instanceof IntegerType t) {
      return new IntegerRule(t.range(), false);
    } else if (type instanceof LongType t) {
      return new IntegerRule(t.range(), true);
    } else if (type instanceof NumberType t) {
      return new NumberRule(t);
    } else if (type instanceof FlagType t) {
      return new FlagRule(t);
    } else if (type instanceof TextType t) {
      return new TextRule(t);
    } else if (type instanceof ChoiceType<?> t) {
      return new ChoiceRule(t);
    } else if (type instanceof WidthsType t) {
      return new WidthsRule(t);
    }
    throw new IllegalArgumentException("no sweep-file rule for " + type);
  }

  /** The node's value as the setting's Java type, or null after reporting why it is not acceptable. */
  Object read(Node node, String field, Problems problems);

  /** What the setting accepts, for messages: "an integer >= 1", "one of sgd, momentum, adam". */
  String accepts();

  /** The usual type complaint: "must be an integer >= 1, got 'ten'". */
  default Object reject(Node node, String field, Problems problems) {
    problems.at(node, field, "must be " + accepts() + ", got " + Scalar.describe(node));
    return null;
  }
}
