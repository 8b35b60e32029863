package org.deadrelu.jobs.sweep.expansion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;

/**
 * The nesting order of a sweep's levels: grid axes in file order (the first slowest), then the
 * random block, except that a conditional axis moves just behind the levels its condition reads,
 * since its condition can only be decided once they are fixed.
 */
public final class ExpansionOrder {

  private ExpansionOrder() {}

  /** The levels in expansion order; reports a cycle of conditions and leaves those axes out. */
  public static List<ExpansionLevel> of(SettingRegistry registry, List<AxisSpec> grid, RandomSpec random, Problems problems) {
    List<ExpansionLevel> pending = new ArrayList<>(grid);
    if (random != null) {
      pending.add(random);
    }
    List<ExpansionLevel> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      ExpansionLevel next = pending.stream().filter(l -> ready(registry, l, pending)).findFirst().orElse(null);
      if (next == null) {
        reportCycle(pending, problems);
        return ordered;
      }
      pending.remove(next);
      ordered.add(next);
    }
    return ordered;
  }

  /** Ready when no other pending level sets a setting its condition reads. */
  private static boolean ready(SettingRegistry registry, ExpansionLevel level, List<ExpansionLevel> pending) {
    if (!(level instanceof AxisSpec axis) || !axis.conditional()) {
      return true;
    }
    Set<SweepKey> reads = new HashSet<>();
    axis.condition().settings().forEach(s -> reads.addAll(registry.influences(s)));
    return pending.stream().filter(other -> other != level)
        .noneMatch(other -> other.settings().stream().anyMatch(reads::contains));
  }

  private static void reportCycle(List<ExpansionLevel> pending, Problems problems) {
    List<String> names = pending.stream().filter(l -> l instanceof AxisSpec)
        .map(l -> ((AxisSpec) l).field()).toList();
    AxisSpec first = (AxisSpec) pending.stream().filter(l -> l instanceof AxisSpec).findFirst().orElseThrow();
    problems.at(first.node(), first.field(), "the when: conditions of " + String.join(", ", names)
        + " depend on each other in a circle; one of them must not be conditional on the others");
  }
}
