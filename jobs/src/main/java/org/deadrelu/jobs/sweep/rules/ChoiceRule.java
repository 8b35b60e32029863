package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.model.config.ChoiceType;
import org.snakeyaml.engine.v2.nodes.Node;

/** A value from a fixed set of names (an enum or a few words); unknown names list the accepted ones. */
record ChoiceRule(ChoiceType<?> type) implements ValueRule {

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (s.kind() != Scalar.Kind.TEXT) {
      return reject(node, field, problems);
    }
    Object v = type.parse(s.text());
    if (v == null) {
      problems.at(node, field, Suggestion.closest(s.text(), type.names())
          .map(close -> "unknown value '" + s.text() + "' (did you mean '" + close + "'?); accepted: ")
          .orElse("unknown value '" + s.text() + "'; accepted: ") + String.join(", ", type.names()));
    }
    return v;
  }

  @Override
  public String accepts() {
    return type.accepts();
  }
}
