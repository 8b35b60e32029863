package org.deadrelu.jobs.sweep.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.Violation;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reports the rules between settings (declared with the settings, see CrossSettingRules) on every
 * combination a sweep expands to, each at the line that chose the values; each value alone was
 * checked when read.
 */
public final class CombinationRules {

  private CombinationRules() {}

  /** The keys the rules read: a walk need not iterate any other axis. */
  public static Set<SweepKey> inputs(SettingRegistry registry) {
    return registry.catalog().rules().stream().flatMap(r -> r.about().stream())
        .map(registry::keyOf).collect(Collectors.toUnmodifiableSet());
  }

  public static void check(SettingRegistry registry, Map<SweepKey, SettingValue> given, Problems problems) {
    for (Violation v : TrialResolver.resolve(registry.catalog(), given).violations()) {
      problems.at(origin(registry, given, v.about()), v.setting().path(), v.message());
    }
  }

  /** The node that gave the first of these settings, null if all are defaults. */
  private static Node origin(SettingRegistry registry, Map<SweepKey, SettingValue> given, List<Setting<?>> settings) {
    for (Setting<?> s : settings) {
      SettingValue v = given.get(registry.keyOf(s));
      if (v != null) {
        return v.origin();
      }
    }
    return null;
  }
}
