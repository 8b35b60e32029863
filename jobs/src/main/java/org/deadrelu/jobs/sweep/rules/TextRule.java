package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.model.config.TextType;
import org.snakeyaml.engine.v2.nodes.Node;

/** Free text such as a path or a column name: any non-blank scalar, read as written. */
record TextRule(TextType type) implements ValueRule {

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    boolean scalar = s.kind() != Scalar.Kind.LIST && s.kind() != Scalar.Kind.MAPPING && s.kind() != Scalar.Kind.NULL;
    return scalar && !s.text().isBlank() ? s.text().trim() : reject(node, field, problems);
  }

  @Override
  public String accepts() {
    return type.accepts();
  }
}
