package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deadrelu.jobs.sweep.expansion.AxisSpec;
import org.deadrelu.jobs.sweep.expansion.ExpansionLevel;
import org.deadrelu.jobs.sweep.expansion.ExpansionSize;
import org.deadrelu.jobs.sweep.expansion.ExpansionWalker;
import org.deadrelu.jobs.sweep.expansion.RandomSpec;
import org.deadrelu.jobs.sweep.expansion.Seeds;
import org.deadrelu.jobs.sweep.rules.CombinationRules;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.rules.TrialResolver;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.model.config.TrialConfig;

/**
 * A validated sweep: its fixed settings, the grid and random axes, the seeds, and the rule that
 * expands them into trials. Immutable; built only by {@link SweepLoader}, which has already checked
 * that every trial it expands to is valid and that there are at most {@link #maxTrials()} of them.
 *
 * <p>Expansion order: grid axes in file order, the first slowest (a conditional axis nests just
 * inside the axes its {@code when} reads), then the random points, then the seeds, innermost.
 * Trials equal to an earlier one (same {@link TrialConfig#trialId()}) are dropped, which is how
 * {@code activation: [relu, leaky_relu]} crossed with an unconditional alpha axis collapses: relu
 * has no alpha.
 */
public final class SweepSpec {

  private final SettingRegistry registry;
  private final String name;
  private final String description;
  private final Map<SweepKey, SettingValue> base;
  private final List<ExpansionLevel> levels;
  private final Seeds seeds;
  private final int maxTrials;
  private final List<Claim> claims;
  private final ExpansionWalker walker;
  private Long plannedTrialCount;

  SweepSpec(SettingRegistry registry, String name, String description, Map<SweepKey, SettingValue> base,
      List<ExpansionLevel> levels, Seeds seeds, int maxTrials, List<Claim> claims) {
    this.registry = registry;
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
