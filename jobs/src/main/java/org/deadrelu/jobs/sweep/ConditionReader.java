package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.sweep.expansion.AxisCondition;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a conditional axis' {@code when:}: a mapping from other settings (axes or fixed settings,
 * short or dotted names) to the value, or list of values, under which the axis applies.
 */
final class ConditionReader {

  private final SettingRegistry registry;
  private final Problems problems;

  ConditionReader(SettingRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** The condition of {@code axis}, or null after reporting why it is unusable. */
  AxisCondition read(SweepKey axis, String field, Node node) {
    if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
      problems.at(node, field, "must map settings to the values under which the axis applies, such as"
          + " {activation: [leaky_relu, elu]}; got " + Scalar.describe(node));
      return null;
    }
    Map<SweepKey, List<Object>> allowed = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlEntry e : YamlEntry.of(mapping)) {
      String keyField = field + "." + e.key();
      SweepKey setting = registry.byAxisName(e.key(), e.keyNode(), keyField, problems);
      if (axis.equals(setting)) {
        problems.at(e.keyNode(), keyField, "an axis cannot be conditional on itself");
        setting = null;
      }
      List<Object> values = setting == null ? null : readValues(setting, keyField, e.value());
      if (values == null) {
        ok = false;
      } else if (allowed.putIfAbsent(setting, values) != null) {
        problems.at(e.keyNode(), keyField, setting.path() + " is named twice in this condition");
        ok = false;
      }
    }
    return ok ? new AxisCondition(allowed) : null;
  }

  /** One value or a list of them, each valid for the setting; null if any is not. */
  private List<Object> readValues(SweepKey setting, String field, Node node) {
    List<Node> items = isListOfValues(setting, node) ? ((SequenceNode) node).getValue() : List.of(node);
    if (items.isEmpty()) {
      problems.at(node, field, "empty list; name at least one value");
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (Node item : items) {
      values.add(setting.rule().read(item, field, problems));
    }
    return values.contains(null) ? null : values;
  }

  /** A list is several values, except for hidden, where one value is itself a list of widths. */
  private static boolean isListOfValues(SweepKey setting, Node node) {
    if (!(node instanceof SequenceNode list)) {
      return false;
    }
    return !setting.equals(SettingRegistry.HIDDEN)
        || !list.getValue().isEmpty() && list.getValue().get(0) instanceof SequenceNode;
  }
}
