package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Hidden-layer widths, input side first: a list of integers >= 1 ({@code []} is no hidden layer). */
record WidthsRule() implements ValueRule {

  private static final IntegerRule WIDTH = IntegerRule.atLeast(1);

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
    return "a list of layer widths (integers >= 1), such as [64, 64]";
  }
}
