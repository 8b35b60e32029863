package org.deadrelu.jobs.sweep.expansion;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.rules.TrialResolver;

/**
 * Walks a sweep's combinations in expansion order: levels in order (the first slowest), each grid
 * axis through its values, the random block through its points. Seeds are left to the visitor.
 *
 * <p>A walk names the settings it cares about. An axis whose setting is not wanted, and which no
 * {@code when} condition reads, is not iterated: the visitor gets one combination standing for
 * {@code repeats} equal-for-its-purpose ones. That is what makes counting a 10^8-trial grid, or
 * checking which heads meet which tasks, take microseconds.
 */
public final class ExpansionWalker {

  /** Receives each combination and how many it stands for; returns false to stop the walk. */
  public interface Visitor {
    boolean visit(Map<SweepKey, SettingValue> given, BigInteger repeats);
  }

  /**
   * Receives each combination with the choice made at each level, in expansion order: the index of
   * the axis value or random point, {@link #NOT_APPLIED} or {@link #NOT_WALKED}; returns false to
   * stop the walk. The array is the walk's own: read it during the visit, copy it to keep it.
   */
  public interface ChoiceVisitor {
    boolean visit(Map<SweepKey, SettingValue> given, int[] choices);
  }

  /** The choice of a conditional axis whose {@code when} excludes the combination. */
  public static final int NOT_APPLIED = -1;
  /** The choice of a level the walk did not iterate, since nothing it wants depends on it. */
  public static final int NOT_WALKED = -2;

  private final SettingRegistry registry;
  private final Map<SweepKey, SettingValue> base;
  private final List<ExpansionLevel> levels;
  private final Set<SweepKey> conditionInputs = new HashSet<>();

  public ExpansionWalker(SettingRegistry registry, Map<SweepKey, SettingValue> base, List<ExpansionLevel> levels) {
    this.registry = registry;
    this.base = Map.copyOf(base);
    this.levels = List.copyOf(levels);
    for (ExpansionLevel level : levels) {
      if (level instanceof AxisSpec axis && axis.conditional()) {
        axis.condition().settings().forEach(s -> conditionInputs.addAll(registry.influences(s)));
      }
    }
  }

  /** The settings some {@code when} condition depends on. */
  Set<SweepKey> conditionInputs() {
    return Set.copyOf(conditionInputs);
  }

  public void walk(Set<SweepKey> wanted, Visitor visitor) {
    new Walk(wanted, (given, repeats, choices) -> visitor.visit(given, repeats))
        .step(0, new LinkedHashMap<>(base), BigInteger.ONE);
  }

  /** As {@link #walk}, telling the visitor which value of each level the combination took. */
  public void walkChoices(Set<SweepKey> wanted, ChoiceVisitor visitor) {
    new Walk(wanted, (given, repeats, choices) -> visitor.visit(given, choices))
        .step(0, new LinkedHashMap<>(base), BigInteger.ONE);
  }

  private interface Leaf {
    boolean visit(Map<SweepKey, SettingValue> given, BigInteger repeats, int[] choices);
  }

  private final class Walk {
    private final Set<SweepKey> wanted;
    private final Leaf visitor;
    private final int[] choices = new int[levels.size()];
    private boolean stopped;

    Walk(Set<SweepKey> wanted, Leaf visitor) {
      this.wanted = wanted;
      this.visitor = visitor;
    }

    void step(int level, Map<SweepKey, SettingValue> given, BigInteger repeats) {
      if (stopped) {
        return;
      }
      if (level == levels.size()) {
        stopped = !visitor.visit(given, repeats, choices);
        return;
      }
      if (levels.get(level) instanceof AxisSpec axis) {
        stepAxis(level, axis, given, repeats);
      } else {
        stepRandom(level, (RandomSpec) levels.get(level), given, repeats);
      }
    }

    private void stepAxis(int level, AxisSpec axis, Map<SweepKey, SettingValue> given, BigInteger repeats) {
      if (axis.conditional() && !applies(axis, given)) {
        choices[level] = NOT_APPLIED;
        step(level + 1, given, repeats);
      } else if (!needed(axis.setting())) {
        choices[level] = NOT_WALKED;
        step(level + 1, given, repeats.multiply(BigInteger.valueOf(axis.size())));
      } else {
        for (int i = 0; i < axis.size() && !stopped; i++) {
          Map<SweepKey, SettingValue> next = new LinkedHashMap<>(given);
          next.put(axis.setting(), axis.values().get(i));
          choices[level] = i;
          step(level + 1, next, repeats);
        }
      }
    }

    private void stepRandom(int level, RandomSpec random, Map<SweepKey, SettingValue> given, BigInteger repeats) {
      if (random.settings().stream().noneMatch(this::needed)) {
        choices[level] = NOT_WALKED;
        step(level + 1, given, repeats.multiply(BigInteger.valueOf(random.size())));
        return;
      }
      int i = 0;
      for (Map<SweepKey, SettingValue> point : random.points()) {
        if (stopped) {
          return;
        }
        Map<SweepKey, SettingValue> next = new LinkedHashMap<>(given);
        next.putAll(point);
        choices[level] = i++;
        step(level + 1, next, repeats);
      }
    }

    private boolean applies(AxisSpec axis, Map<SweepKey, SettingValue> given) {
      var resolved = TrialResolver.resolve(registry.catalog(), given).resolve();
      return axis.condition().matches(s -> TrialResolver.effective(s, given, resolved));
    }

    private boolean needed(SweepKey s) {
      return wanted.contains(s) || conditionInputs.contains(s);
    }
  }
}
