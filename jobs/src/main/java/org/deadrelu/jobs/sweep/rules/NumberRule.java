package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.model.config.NumberType;
import org.snakeyaml.engine.v2.nodes.Node;

/** A real value: finite (no .nan, no .inf) and inside the setting's interval. Integers are accepted. */
record NumberRule(NumberType type) implements NumericRule {

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (!s.isNumber() || !Double.isFinite(s.number())) {
      return reject(node, field, problems);
    }
    if (check(s.number()) != null) {
      problems.at(node, field, "must be " + type.interval().describe() + ", got " + s.text());
      return null;
    }
    return s.number();
  }

  @Override
  public String accepts() {
    return type.accepts();
  }

  @Override
  public boolean integral() {
    return false;
  }

  @Override
  public String check(double x) {
    return type.complaint(x);
  }

  @Override
  public Object box(double x) {
    return x;
  }
}
