package org.deadrelu.jobs.sweep;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What one setting accepts. The same rule reads a base setting, every value of a grid axis, the
 * values of a {@code when} condition and a random axis' choices, so a value is accepted or rejected
 * with the same message wherever it is written.
 */
interface ValueRule {

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
