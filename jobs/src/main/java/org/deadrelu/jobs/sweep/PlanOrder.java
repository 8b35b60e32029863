package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nesting order of a sweep's levels: grid axes in file order (the first slowest), then the
 * random block, except that a conditional axis moves just behind the levels its condition reads,
 * since its condition can only be decided once they are fixed.
 */
final class PlanOrder {

  private PlanOrder() {}

  /** The levels in expansion order; reports a cycle of conditions and leaves those axes out. */
  static List<PlanLevel> of(SettingRegistry registry, List<AxisSpec> grid, RandomSpec random, Problems problems) {
    List<PlanLevel> pending = new ArrayList<>(grid);
    if (random != null) {
      pending.add(random);
    }
    List<PlanLevel> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      PlanLevel next = pending.stream().filter(l -> ready(registry, l, pending)).findFirst().orElse(null);
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
  private static boolean ready(SettingRegistry registry, PlanLevel level, List<PlanLevel> pending) {
    if (!(level instanceof AxisSpec axis) || !axis.conditional()) {
      return true;
    }
    Set<SweepKey> reads = new HashSet<>();
    axis.condition().settings().forEach(s -> reads.addAll(registry.influences(s)));
    return pending.stream().filter(other -> other != level)
        .noneMatch(other -> other.settings().stream().anyMatch(reads::contains));
  }

  private static void reportCycle(List<PlanLevel> pending, Problems problems) {
    List<String> names = pending.stream().filter(l -> l instanceof AxisSpec)
        .map(l -> ((AxisSpec) l).field()).toList();
    AxisSpec first = (AxisSpec) pending.stream().filter(l -> l instanceof AxisSpec).findFirst().orElseThrow();
    problems.at(first.node(), first.field(), "the when: conditions of " + String.join(", ", names)
        + " depend on each other in a circle; one of them must not be conditional on the others");
  }
}
