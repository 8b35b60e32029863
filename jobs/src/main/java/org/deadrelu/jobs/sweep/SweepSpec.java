package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deadrelu.jobs.sweep.expansion.AxisSpec;
import org.deadrelu.jobs.sweep.expansion.ExpansionLevel;
import org.deadrelu.jobs.sweep.expansion.ExpansionSize;
import org.deadrelu.jobs.sweep.expansion.ExpansionWalker;
import org.deadrelu.jobs.sweep.expansion.RandomAxis;
import org.deadrelu.jobs.sweep.expansion.RandomSpec;
import org.deadrelu.jobs.sweep.expansion.Seeds;
import org.deadrelu.jobs.sweep.rules.CombinationRules;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.rules.TrialResolver;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.SweepNote;
import org.deadrelu.model.config.Applicability;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingValues;
import org.deadrelu.model.config.TrialConfig;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A validated sweep: its fixed settings, the grid and random axes, the seeds, and the rule that
 * expands them into trials. Immutable; built only by {@link SweepLoader}, which has already checked
 * that every trial it expands to is valid and that there are at most {@link #maxTrials()} of them.
 *
 * <p>Expansion order: grid axes in file order, the first slowest (a conditional axis nests just
 * inside the axes its {@code when} reads), then the random points, then the seeds, innermost.
 * Trials equal to an earlier one (same {@link TrialConfig#trialId()}) are dropped, which is how
 * {@code activation: [relu, leaky_relu]} crossed with an unconditional alpha axis collapses: relu
 * has no alpha ({@link #notes()} says so).
 */
public final class SweepSpec {

  private final SettingRegistry registry;
  private final String file;
  private final String name;
  private final String description;
  private final Map<SweepKey, SettingValue> base;
  private final List<ExpansionLevel> levels;
  private final Seeds seeds;
  private final int maxTrials;
  private final List<Claim> claims;
  private final ExpansionWalker walker;
  private Long plannedTrialCount;

  SweepSpec(SettingRegistry registry, String file, String name, String description, Map<SweepKey, SettingValue> base,
      List<ExpansionLevel> levels, Seeds seeds, int maxTrials, List<Claim> claims) {
    this.registry = registry;
    this.file = file;
    this.name = name;
    this.description = description;
    this.base = Map.copyOf(base);
    this.levels = List.copyOf(levels);
    this.seeds = seeds;
    this.maxTrials = maxTrials;
    this.claims = List.copyOf(claims);
    this.walker = new ExpansionWalker(registry, base, levels);
  }

  /** The sweep's name: 1 to 64 letters, digits, '-' and '_', safe as an output folder name. */
  public String name() {
    return name;
  }

  /** The free-text description, "" when the file has none. */
  public String description() {
    return description;
  }

  /** The fixed settings with every default filled in, before any axis applies; seed 0. */
  public TrialConfig base() {
    return TrialResolver.resolve(registry.catalog(), base).build();
  }

  /** The claims the sweep tests (its file's claims: list), in file order; empty for none. */
  public List<Claim> claims() {
    return claims;
  }

  /** The replicate seeds, innermost in the expansion. */
  public List<Long> seeds() {
    return seeds.asList();
  }

  /** The most trials the sweep may expand to (the file's max_trials, else 10000). */
  public int maxTrials() {
    return maxTrials;
  }

  /** The swept settings' dotted names, in expansion order (grid axes, then random axes). */
  public List<String> sweptSettings() {
    List<String> names = new ArrayList<>();
    for (ExpansionLevel level : levels) {
      if (level instanceof AxisSpec axis) {
        names.add(axis.setting().path());
      } else {
        ((RandomSpec) level).axes().forEach(a -> names.add(a.setting().path()));
      }
    }
    return names;
  }

  /**
   * How many trials {@link #expand()} returns, duplicates removed, without keeping the trials:
   * only their ids are held while counting. Computed once.
   */
  public synchronized long plannedTrialCount() {
    if (plannedTrialCount == null) {
      Set<String> ids = new HashSet<>();
      forEachTrial(trial -> ids.add(trial.trialId()));
      plannedTrialCount = (long) ids.size();
    }
    return plannedTrialCount;
  }

  /** Every trial, in expansion order, each trial id once (the first occurrence is kept). */
  public List<TrialConfig> expand() {
    Map<String, TrialConfig> byId = new LinkedHashMap<>();
    forEachTrial(trial -> byId.putIfAbsent(trial.trialId(), trial));
    return List.copyOf(byId.values());
  }

  /** The size before duplicates are removed, counted without expanding: checked against max_trials. */
  ExpansionSize size() {
    return ExpansionSize.of(levels, walker, seeds.count(), maxTrials);
  }

  /** Checks the rules between settings on every combination the sweep expands to. */
  void checkCombinations(Problems problems) {
    walker.walk(CombinationRules.inputs(registry), (given, repeats) -> {
      CombinationRules.check(registry, given, problems);
      return true;
    });
  }

  /**
   * Reports each axis that applies to no trial: a conditional axis whose {@code when} matches none,
   * or an axis of a setting that means nothing for every trial (alpha where every activation is
   * relu). Its values would all be dropped, so it changes nothing and is surely a mistake.
   */
  void checkAxesApply(Problems problems) {
    for (int level = 0; level < levels.size(); level++) {
      if (levels.get(level) instanceof AxisSpec axis) {
        checkApplies(level, axis.setting(), axis.node(), axis.field(), axis.conditional(), problems);
      } else {
        for (RandomAxis axis : ((RandomSpec) levels.get(level)).axes()) {
          checkApplies(level, axis.setting(), axis.node(), axis.field(), false, problems);
        }
      }
    }
  }

  private void checkApplies(int level, SweepKey key, Node node, String field, boolean conditional, Problems problems) {
    Applicability<?> only = key.direct() ? key.setting().applicability() : null;
    if (only == null && !conditional) {
      return;
    }
    Reach reach = reach(level, key, only);
    if (!reach.matched()) {
      problems.at(node, field, "its when: matches no trial of this sweep, so the axis changes nothing;"
          + " remove it, or correct the condition");
    } else if (!reach.applies()) {
      problems.at(node, field, reach.nowhere(key, only) + ", so the axis changes nothing; remove it, or set "
          + only.on().path() + " to a value it applies to");
    }
  }

  /**
   * Where a setting reaches: whether a trial takes the axis' values at all ({@code matched}: its
   * {@code when} holds), whether the setting applies to one of them, and else the values of what it
   * depends on that the trials have.
   */
  private record Reach(boolean matched, boolean applies, Set<String> onValues) {
    String nowhere(SweepKey key, Applicability<?> only) {
      return key.path() + " applies only " + only.inWords() + "; no trial of this sweep has that (its trials have "
          + only.on().path() + " " + String.join(" or ", onValues) + ")";
    }
  }

  /** @param level the axis' level, or -1 for a fixed setting of the sections (which every trial takes) */
  private Reach reach(int level, SweepKey key, Applicability<?> only) {
    // only what decides where the setting applies is iterated: the walk stops at the first trial it applies to
    Setting<?> on = only == null ? null : only.on();
    Set<SweepKey> wanted = on == null ? Set.of() : registry.influences(registry.inSection(on.section(), on.key()));
    boolean[] matched = {false};
    boolean[] applies = {false};
    Set<String> onValues = new LinkedHashSet<>();
    walker.walkChoices(wanted, (given, choices) -> {
      if (level >= 0 && choices[level] == ExpansionWalker.NOT_APPLIED) {
        return true;
      }
      matched[0] = true;
      if (only == null) {
        applies[0] = true;
        return false;
      }
      SettingValues values = TrialResolver.resolve(registry.catalog(), given).resolve();
      applies[0] = key.setting().appliesIn(values);
      onValues.add(on.textOf(values.get(on)));
      return !applies[0];
    });
    return new Reach(matched[0], applies[0], onValues);
  }

  /**
   * Notes on the fixed settings of the sections that apply to no trial of the sweep (period written
   * for the digits): each trial drops them. Not an error, since a file may keep settings for the
   * sources or activations it is edited to, but the file then says more than it runs.
   */
  private List<SweepNote> unusedSettings() {
    // a fixed setting an axis also sets needs no case of its own: where the axis applies the fixed
    // setting does too, and an axis that applies nowhere has already been refused
    List<SweepNote> notes = new ArrayList<>();
    for (Map.Entry<SweepKey, SettingValue> fixed : base.entrySet()) {
      SweepKey key = fixed.getKey();
      Applicability<?> only = key.direct() ? key.setting().applicability() : null;
      if (only == null) {
        continue;
      }
      Reach reach = reach(-1, key, only);
      if (!reach.applies()) {
        notes.add(SweepNote.at(file, fixed.getValue().origin(), key.path(), reach.nowhere(key, only)
            + ", so every trial drops it"));
      }
    }
    return notes;
  }

  /**
   * Notes on the axes, and the random block, whose values give fewer distinct configurations than
   * they list where they cross the other axes: alpha crossed with relu, which has no alpha; width
   * crossed with depth 0. Not an error (trials that come out the same run once), but the sweep is
   * then smaller than its file suggests. Walks every combination, as {@link #expand()} does. Then
   * the fixed settings that apply to no trial.
   */
  public List<SweepNote> notes() {
    Tally[] tallies = new Tally[levels.size()];
    for (int level = 0; level < levels.size(); level++) {
      // a single value cannot collapse
      tallies[level] = levels.get(level).size() > 1 ? new Tally(level) : null;
    }
    walker.walkChoices(Set.copyOf(registry.all()), (given, choices) -> {
      TrialConfig.Builder b = TrialResolver.resolve(registry.catalog(), given);
      String config = b.build().configId();
      SettingValues values = b.resolve();
      for (Tally t : tallies) {
        if (t != null && choices[t.level] >= 0) {
          t.add(choices, config, values);
        }
      }
      return true;
    });
    List<SweepNote> notes = new ArrayList<>();
    for (Tally t : tallies) {
      if (t != null) {
        t.note().ifPresent(notes::add);
      }
    }
    notes.addAll(unusedSettings());
    return notes;
  }

  /**
   * One level's values in each combination of the other levels (a place), and the configurations
   * they gave there: fewer configurations than values is a collapse.
   */
  private final class Tally {
    private final int level;
    private final Map<List<Integer>, Place> places = new LinkedHashMap<>();

    Tally(int level) {
      this.level = level;
    }

    void add(int[] choices, String config, SettingValues values) {
      List<Integer> others = new ArrayList<>(choices.length);
      for (int i = 0; i < choices.length; i++) {
        others.add(i == level ? 0 : choices[i]); // the level's own choice is what varies within a place
      }
      Place place = places.computeIfAbsent(others, Place::new);
      place.values.add(choices[level]);
      place.configs.add(config);
      place.applies |= levels.get(level) instanceof AxisSpec axis && axis.setting().direct()
          && axis.setting().setting().appliesIn(values);
    }

    Optional<SweepNote> note() {
      List<Place> collapsed = places.values().stream().filter(p -> p.configs.size() < p.values.size()).toList();
      if (collapsed.isEmpty()) {
        return Optional.empty();
      }
      int fewest = collapsed.stream().mapToInt(p -> p.configs.size()).min().getAsInt();
      int most = collapsed.stream().mapToInt(p -> p.configs.size()).max().getAsInt();
      String distinct = (fewest == most ? "" + fewest : fewest + " to " + most) + " distinct configuration"
          + (most == 1 ? "" : "s");
      StringBuilder m = new StringBuilder();
      if (levels.get(level) instanceof AxisSpec axis) {
        m.append("lists ").append(axis.size()).append(" values, but they give ").append(distinct);
        where(m, collapsed.get(0), "other axes");
        Applicability<?> only = axis.setting().direct() ? axis.setting().setting().applicability() : null;
        if (only != null && collapsed.stream().noneMatch(p -> p.applies)) {
          m.append(", since ").append(axis.setting().path()).append(" applies only ").append(only.inWords());
        }
        m.append("; trials that come out the same run once");
        return Optional.of(SweepNote.at(file, axis.node(), axis.field(), m.toString()));
      }
      RandomSpec random = (RandomSpec) levels.get(level);
      m.append("draws ").append(random.size()).append(" samples, but they give ").append(distinct);
      where(m, collapsed.get(0), "grid axes");
      m.append("; trials that come out the same run once");
      return Optional.of(SweepNote.at(file, random.node(), "random", m.toString()));
    }

    /** " in 2 of the 4 combinations of the other axes (the first: model.activation=relu)". */
    private void where(StringBuilder m, Place first, String others) {
      if (places.size() == 1) {
        return;
      }
      long collapsed = places.values().stream().filter(p -> p.configs.size() < p.values.size()).count();
      m.append(" in ").append(collapsed).append(" of the ").append(places.size()).append(" combinations of the ")
          .append(others);
      List<String> chosen = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        int choice = first.others.get(i);
        if (i == level || choice < 0) {
          continue;
        }
        if (levels.get(i) instanceof AxisSpec axis) {
          chosen.add(axis.setting().path() + "=" + axis.setting().textOf(axis.values().get(choice).value()));
        } else {
          chosen.add("random sample " + (choice + 1));
        }
      }
      if (!chosen.isEmpty()) {
        m.append(" (the first: ").append(String.join(", ", chosen)).append(')');
      }
    }
  }

  /** One combination of the other levels: the values a level took there and the configurations they gave. */
  private static final class Place {
    private final List<Integer> others;
    private final Set<Integer> values = new HashSet<>();
    private final Set<String> configs = new HashSet<>();
    private boolean applies;

    Place(List<Integer> others) {
      this.others = others;
    }
  }

  private void forEachTrial(java.util.function.Consumer<TrialConfig> action) {
    walker.walk(Set.copyOf(registry.all()), (given, repeats) -> {
      TrialConfig.Builder b = TrialResolver.resolve(registry.catalog(), given);
      for (int i = 0; i < seeds.count(); i++) {
        action.accept(b.seed(seeds.get(i)).build());
      }
      return true;
    });
  }
}
