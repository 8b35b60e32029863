package org.deadrelu.jobs.sweep.expansion;

import java.util.List;
import java.util.Set;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One grid axis: a setting and the values it takes, optionally only under a condition. A trial
 * the condition excludes keeps the base value and is not multiplied by the axis.
 *
 * @param setting the swept setting
 * @param field how problems name the axis, such as {@code grid.alpha}
 * @param node the axis' key in the file
 * @param values the values, validated, in file order, no two equal
 * @param condition null for an unconditional axis
 */
public record AxisSpec(SweepKey setting, String field, Node node, List<SettingValue> values, AxisCondition condition)
    implements ExpansionLevel {

  public AxisSpec {
    values = List.copyOf(values);
  }

  /** Whether it has a {@code when}. */
  public boolean conditional() {
    return condition != null;
  }

  @Override
  public Set<SweepKey> settings() {
    return Set.of(setting);
  }

  @Override
  public int size() {
    return values.size();
  }
}
