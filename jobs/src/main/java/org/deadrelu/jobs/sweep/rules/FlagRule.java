package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.model.config.FlagType;
import org.snakeyaml.engine.v2.nodes.Node;

/** A yes/no value, written true or false (YAML 1.2: yes, no, on and off are text, not flags). */
record FlagRule(FlagType type) implements ValueRule {

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    return s.kind() == Scalar.Kind.BOOLEAN ? (Object) s.flag() : reject(node, field, problems);
  }

  @Override
  public String accepts() {
    return type.accepts();
  }
}
