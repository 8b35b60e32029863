package org.deadrelu.jobs.sweep.rules;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.model.config.WidthsType;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Hidden-layer widths, input side first: a list of integers ({@code []} is no hidden layer), each reported on its own. */
record WidthsRule(WidthsType type) implements ValueRule {

  private static final IntegerRule WIDTH = new IntegerRule(WidthsType.WIDTH, false);

  @Override
  public Object read(Node node, String field, Problems problems) {
    if (!(node instanceof SequenceNode list)) {
      return reject(node, field, problems);
    }
    List<Integer> widths = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.getValue().size(); i++) {
      Object width = WIDTH.read(list.getValue().get(i), field + "[" + i + "]", problems);
      ok &= width != null;
      widths.add(width == null ? 0 : (Integer) width);
    }
    return ok ? List.copyOf(widths) : null;
  }

  @Override
  public String accepts() {
    return type.accepts();
  }
}
