package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/** The random block: seeded, inside its bounds, log_uniform spread evenly over decades. */
class SweepRandomAxesTest {

  private static String sweep(int samples, long seed) {
    return """
        name: random
        random:
          samples: %d
          seed: %d
          axes:
            lr: {log_uniform: [1.0e-4, 1.0]}
            init_bias: {uniform: [0, 0.5]}
            steps: {uniform: [10, 20]}
            activation: {choice: [relu, elu]}
        """.formatted(samples, seed);
  }

  private static List<TrialConfig> trials(int samples, long seed) {
    return SweepLoader.load("random.yaml", sweep(samples, seed)).expand();
  }

  @Test
  void sameSeedDrawsTheSameTrials() {
    assertEquals(trials(50, 7), trials(50, 7));
  }

  @Test
  void anotherSeedDrawsOtherValues() {
    assertNotEquals(trials(50, 7).stream().map(t -> t.get(LR)).toList(),
        trials(50, 8).stream().map(t -> t.get(LR)).toList());
  }

  @Test
  void drawnValuesStayInsideTheirBounds() {
    List<TrialConfig> trials = trials(1000, 3);

    assertEquals(1000, trials.size());
    for (TrialConfig t : trials) {
      assertTrue(t.get(LR) >= 1e-4 && t.get(LR) < 1.0, "lr " + t.get(LR));
      assertTrue(t.get(INIT_BIAS) >= 0 && t.get(INIT_BIAS) < 0.5, "init_bias " + t.get(INIT_BIAS));
      assertTrue(t.get(STEPS) >= 10 && t.get(STEPS) <= 20, "steps " + t.get(STEPS));
    }
  }

  @Test
  void integerUniformReachesBothEnds() {
    Set<Integer> steps = trials(1000, 3).stream().map(t -> t.get(STEPS)).collect(Collectors.toSet());

    assertEquals(11, steps.size());
  }

  @Test
  void choiceDrawsEveryListedValue() {
    Set<ActivationKind> drawn = trials(200, 3).stream().map(t -> t.get(ACTIVATION)).collect(Collectors.toSet());

    assertEquals(Set.of(ActivationKind.RELU, ActivationKind.ELU), drawn);
  }

  @Test
  void logUniformGivesEachDecadeAboutTheSameShare() {
    int[] perDecade = new int[4];
    for (TrialConfig t : trials(4000, 11)) {
      perDecade[(int) Math.floor(-Math.log10(t.get(LR)))]++;
    }
    for (int count : perDecade) {
      // 1000 expected per decade; a uniform draw would put ~3600 in the top decade
      assertTrue(count > 850 && count < 1150, "per decade: " + java.util.Arrays.toString(perDecade));
    }
  }

  @Test
  void randomPointsAreCrossedWithTheGridGridOutside() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: crossed
        seeds: 2
        grid:
          activation: [relu, tanh]
        random:
          samples: 3
          seed: 1
          axes:
            lr: {log_uniform: [0.001, 0.1]}
        """);

    List<TrialConfig> trials = spec.expand();
    assertEquals(12, trials.size());
    List<Double> firstLrs = trials.subList(0, 6).stream().map(t -> t.get(LR)).toList();
    List<Double> secondLrs = trials.subList(6, 12).stream().map(t -> t.get(LR)).toList();
    assertEquals(firstLrs, secondLrs);
    assertEquals(firstLrs.get(0), firstLrs.get(1));
    assertNotEquals(firstLrs.get(0), firstLrs.get(2));
  }

  @Test
  void conditionalGridAxisCanReadARandomAxis() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: mixed
        grid:
          alpha:
            when: {activation: [leaky_relu]}
            values: [0.01, 0.2]
        random:
          samples: 40
          seed: 5
          axes:
            activation: {choice: [relu, leaky_relu]}
        """);

    Set<String> configs = spec.expand().stream().map(t -> t.get(ACTIVATION) + ":" + t.get(ALPHA)).collect(Collectors.toSet());
    assertEquals(Set.of("RELU:null", "LEAKY_RELU:0.01", "LEAKY_RELU:0.2"), configs);
  }
}
