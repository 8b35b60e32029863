package org.deadrelu.jobs.sweep;

import org.snakeyaml.engine.v2.nodes.Node;

/** A real-valued setting: finite (no .nan, no .inf) and inside its interval. Integers are accepted. */
record NumberRule(Interval interval) implements NumericRule {

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (!s.isNumber() || !Double.isFinite(s.number())) {
      return reject(node, field, problems);
    }
    String complaint = check(s.number());
    if (complaint != null) {
      problems.at(node, field, "must be " + interval.describe() + ", got " + s.text());
      return null;
    }
    return s.number();
  }

  @Override
  public String accepts() {
    return "a finite number" + (interval.bounded() ? " " + interval.describe() : "");
  }

  @Override
  public boolean integral() {
    return false;
  }

  @Override
  public String check(double x) {
    return Double.isFinite(x) && interval.contains(x) ? null
        : "must be " + (interval.bounded() ? interval.describe() : "finite") + ", got " + Interval.format(x);
  }

  @Override
  public Object box(double x) {
    return x;
  }
}
