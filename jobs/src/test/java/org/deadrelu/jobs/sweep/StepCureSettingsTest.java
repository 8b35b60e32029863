package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.CBP_MATURITY;
import static org.deadrelu.model.config.Settings.CBP_REPLACEMENT_RATE;
import static org.deadrelu.model.config.Settings.CBP_UTILITY_DECAY;
import static org.deadrelu.model.config.Settings.KICK_SIGMA;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_EVERY;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.SP_PERTURB;
import static org.deadrelu.model.config.Settings.SP_SHRINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/** The settings of shrink and perturb and continual backprop in sweep files: read, kept where they apply, checked. */
class StepCureSettingsTest {
  private static final String SWEEP = """
      name: cures
      data: {source: spirals, samples: 200}
      model: {hidden: [8, 8]}
      train: {steps: 20}
      revival: {washout: 5, sigma: 0.3, shrink: 0.001, perturb: 0.01, replacement_rate: 0.02, maturity: 7, utility_decay: 0.9}
      grid:
        strategy: [none, kick, shrink_perturb, cbp]
      """;

  private static final List<Setting<?>> OWN = List.of(SP_SHRINK, SP_PERTURB, CBP_REPLACEMENT_RATE, CBP_MATURITY,
      CBP_UTILITY_DECAY);

  private static TrialConfig trial(List<TrialConfig> trials, RevivalKind kind) {
    return trials.stream().filter(t -> t.get(REVIVAL) == kind).findFirst().orElseThrow();
  }

  @Test
  void eachCureKeepsItsOwnSettingsAndTheWashoutAndDropsTheOthers() {
    List<TrialConfig> trials = SweepLoader.load("cures.yaml", SWEEP).expand();
    assertEquals(4, trials.size());
    TrialConfig sp = trial(trials, RevivalKind.SHRINK_PERTURB);
    assertEquals(Arrays.asList(0.001, 0.01, null, null, null), OWN.stream().map(s -> (Object) sp.get(s)).toList());
    assertEquals(5, sp.get(REVIVAL_WASHOUT));
    assertNull(sp.get(REVIVAL_EVERY), "shrink and perturb acts every step");
    assertNull(sp.get(KICK_SIGMA));
    TrialConfig cbp = trial(trials, RevivalKind.CBP);
    assertEquals(Arrays.asList(null, null, 0.02, 7, 0.9), OWN.stream().map(s -> (Object) cbp.get(s)).toList());
    assertEquals(5, cbp.get(REVIVAL_WASHOUT));
    assertNull(cbp.get(REVIVAL_EVERY), "continual backprop acts every step");
    for (RevivalKind other : List.of(RevivalKind.NONE, RevivalKind.KICK)) {
      TrialConfig t = trial(trials, other);
      assertTrue(OWN.stream().allMatch(s -> t.get(s) == null), other + ": " + t);
      assertTrue(!t.canonicalConfig().contains("shrink") && !t.canonicalConfig().contains("replacement_rate"),
          t.canonicalConfig());
    }
    assertEquals(0.3, trial(trials, RevivalKind.KICK).get(KICK_SIGMA));
    assertTrue(cbp.canonicalConfig().endsWith("revival.replacement_rate=0.02;revival.maturity=7;revival.utility_decay=0.9;"),
        cbp.canonicalConfig());
  }

  @Test
  void theyAreAxesByTheirShortNames() {
    String yaml = SWEEP.replace("strategy: [none, kick, shrink_perturb, cbp]",
        "strategy: [cbp]\n  replacement_rate: [0.001, 0.01]\n  maturity: [0, 50]");
    List<TrialConfig> trials = SweepLoader.load("axes.yaml", yaml).expand();
    assertEquals(4, trials.size());
    assertEquals(List.of(0.001, 0.01), trials.stream().map(t -> t.get(CBP_REPLACEMENT_RATE)).distinct().sorted().toList());
    assertEquals(List.of(0, 50), trials.stream().map(t -> t.get(CBP_MATURITY)).distinct().sorted().toList());
    assertEquals(4, trials.stream().map(TrialConfig::trialId).distinct().count());
  }

  @Test
  void aValueOutOfRangeIsRejectedNamingTheFileTheLineTheSettingAndWhatItAccepts() {
    rejected("shrink: 0.001", "shrink: 1", "revival.shrink: must be in [0, 1), got 1");
    rejected("perturb: 0.01", "perturb: -0.01", "revival.perturb: must be >= 0, got -0.01");
    rejected("replacement_rate: 0.02", "replacement_rate: 0", "revival.replacement_rate: must be in (0, 1], got 0");
    rejected("replacement_rate: 0.02", "replacement_rate: 1.5", "revival.replacement_rate: must be in (0, 1], got 1.5");
    rejected("maturity: 7", "maturity: -1", "revival.maturity: must be >= 0, got -1");
    rejected("maturity: 7", "maturity: 2.5", "revival.maturity: must be an integer");
    rejected("utility_decay: 0.9", "utility_decay: 1", "revival.utility_decay: must be in [0, 1), got 1");
  }

  private static void rejected(String valid, String invalid, String message) {
    assertTrue(SWEEP.contains(valid), valid);
    SweepValidationException e = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load("bad.yaml", SWEEP.replace(valid, invalid)));
    assertTrue(e.getMessage().contains("bad.yaml:5:") && e.getMessage().contains(message), e.getMessage());
  }
}
