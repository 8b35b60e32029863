package org.deadrelu.jobs.sweep.expansion;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.deadrelu.jobs.sweep.rules.SweepKey;

/**
 * The {@code when:} of a conditional axis: the axis applies to a trial only if, for every named
 * setting, the trial's value is one of the listed ones.
 *
 * @param allowed for each setting, the values under which the axis applies
 */
public record AxisCondition(Map<SweepKey, List<Object>> allowed) {

  public AxisCondition {
    allowed = Map.copyOf(allowed);
  }

  Set<SweepKey> settings() {
    return allowed.keySet();
  }

  /** Whether a trial whose settings have the values {@code valueOf} gives meets every condition. */
  boolean matches(Function<SweepKey, Object> valueOf) {
    return allowed.entrySet().stream().allMatch(e -> e.getValue().contains(valueOf.apply(e.getKey())));
  }
}
