package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.Settings;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/**
 * A fixed setting of the sections that means something for some trials of the sweep is kept for
 * those; one that means nothing for every trial is dropped from each, and the sweep's notes say so.
 */
class FixedSettingAppliesTest {

  @Test
  void aFixedAlphaAppliesToTheLeakyTrialsOfTheGrid() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        model: {alpha: 0.3}
        seeds: 1
        grid:
          activation: [relu, leaky_relu]
        """);

    List<TrialConfig> trials = spec.expand();
    assertEquals(2, trials.size());
    TrialConfig leaky = trials.stream().filter(t -> t.get(Settings.ACTIVATION) == ActivationKind.LEAKY_RELU)
        .findFirst().orElseThrow();
    assertEquals(0.3, leaky.get(Settings.ALPHA), 0.0);
  }

  @Test
  void aFixedAlphaWhereEveryTrialIsReluIsNotedWithItsLine() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        model: {activation: relu, alpha: 0.3}
        grid:
          lr: [0.01, 0.1]
        """);

    assertEquals(List.of("t.yaml:2:34: model.alpha: model.alpha applies only when model.activation is leaky_relu,"
        + " prelu or elu; no trial of this sweep has that (its trials have model.activation relu), so every trial"
        + " drops it"), spec.notes().stream().map(Object::toString).toList());
  }

  @Test
  void aFixedSettingTheTrialsUseIsNotNoted() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        model: {alpha: 0.3}
        grid:
          activation: [relu, leaky_relu]
        """);

    assertEquals(List.of(), spec.notes());
    SweepSpec swept = SweepLoader.load("t.yaml", """
        name: t
        model: {alpha: 0.3}
        grid:
          activation: [relu, leaky_relu]
          alpha:
            when: {activation: [leaky_relu]}
            values: [0.1, 0.2]
        """);
    assertEquals(List.of(), swept.notes(), "an axis of the same setting applies where the fixed one would");
  }
}
