package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.sweep.expansion.AxisCondition;
import org.deadrelu.jobs.sweep.expansion.AxisSpec;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code grid:} block. Each axis is a list of values, {@code lr: [0.01, 0.1]}, or a
 * conditional axis, {@code alpha: {when: {activation: [leaky_relu, elu]}, values: [0.01, 0.1]}}.
 * Every value goes through the same rule as the base setting.
 */
final class GridReader {

  private static final List<String> CONDITIONAL_KEYS = List.of("when", "values");

  private final SettingRegistry registry;
  private final Problems problems;
  private final Map<SweepKey, Node> named = new LinkedHashMap<>();

  GridReader(SettingRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
  }

  List<AxisSpec> read(Node node) {
    if (Scalar.of(node).kind() == Scalar.Kind.NULL) {
      return List.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(node, "grid", "must be a mapping of axes such as {lr: [0.01, 0.1]}, got " + Scalar.describe(node));
      return List.of();
    }
    List<AxisSpec> axes = new ArrayList<>();
    for (YamlEntry e : YamlEntry.of(mapping)) {
      String field = "grid." + e.key();
      SweepKey setting = registry.byAxisName(e.key(), e.keyNode(), field, problems);
      if (setting == null) {
        continue;
      }
      Node earlier = named.putIfAbsent(setting, e.keyNode());
      if (earlier != null) {
        problems.at(e.keyNode(), field, setting.path() + " is already an axis ('" + ((ScalarNode) earlier).getValue()
            + "' on line " + Problems.lineOf(earlier) + "); put all its values in one axis");
        continue;
      }
      AxisSpec axis = readAxis(setting, field, e);
      if (axis != null) {
        axes.add(axis);
      }
    }
    return axes;
  }

  /** Every setting the grid names as an axis, valid or not. */
  Map<SweepKey, Node> named() {
    return named;
  }

  /** The axis, or null after reporting why it is unusable. */
  private AxisSpec readAxis(SweepKey setting, String field, YamlEntry e) {
    if (e.value() instanceof SequenceNode list) {
      List<SettingValue> values = readValues(setting, field, list);
      return values == null ? null : new AxisSpec(setting, field, e.keyNode(), values, null);
    }
    if (e.value() instanceof MappingNode conditional) {
      return readConditional(setting, field, e.keyNode(), conditional);
    }
    problems.at(e.value(), field, "an axis is a list of values, such as " + field.substring(5)
        + ": [a, b], or {when: {...}, values: [a, b]}; got " + Scalar.describe(e.value()));
    return null;
  }

  private AxisSpec readConditional(SweepKey setting, String field, Node keyNode, MappingNode mapping) {
    Node valuesNode = null;
    AxisCondition condition = null;
    boolean ok = true;
    for (YamlEntry e : YamlEntry.of(mapping)) {
      if (e.key().equals("values")) {
        valuesNode = e.value();
      } else if (e.key().equals("when")) {
        condition = new ConditionReader(registry, problems).read(setting, field + ".when", e.value());
        ok &= condition != null;
      } else {
        problems.at(e.keyNode(), field + "." + e.key(), Suggestion.unknown("key", e.key(), CONDITIONAL_KEYS));
        ok = false;
      }
    }
    if (!(valuesNode instanceof SequenceNode list)) {
      problems.at(valuesNode == null ? mapping : valuesNode, field + ".values",
          "a conditional axis needs values: [a, b, ...]"
              + (valuesNode == null ? "" : ", got " + Scalar.describe(valuesNode)));
      return null;
    }
    List<SettingValue> values = readValues(setting, field, list);
    return ok && values != null ? new AxisSpec(setting, field, keyNode, values, condition) : null;
  }

  /** The validated values, or null if any is invalid (each is reported); duplicates are an error. */
  private List<SettingValue> readValues(SweepKey setting, String field, SequenceNode list) {
    if (list.getValue().isEmpty()) {
      problems.at(list, field, "empty list; an axis needs at least one value");
      return null;
    }
    if (setting.equals(SettingRegistry.HIDDEN) && list.getValue().stream().anyMatch(v -> v instanceof ScalarNode)) {
      problems.at(list, field, "each value of a hidden axis is a whole list of widths, so the axis is a list"
          + " of lists, such as [[64], [64, 64]]");
      return null;
    }
    Map<Object, Node> seen = new LinkedHashMap<>();
    boolean ok = true;
    for (Node item : list.getValue()) {
      Object value = setting.rule().read(item, field, problems);
      if (value == null) {
        ok = false;
      } else if (seen.putIfAbsent(value, item) != null) {
        problems.at(item, field, "value " + Scalar.describe(item) + " appears twice (first on line "
            + Problems.lineOf(seen.get(value)) + ")");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    List<SettingValue> values = new ArrayList<>();
    seen.forEach((value, item) -> values.add(new SettingValue(value, item)));
    return values;
  }
}
