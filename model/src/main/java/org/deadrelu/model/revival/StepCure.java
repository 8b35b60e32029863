package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.STEPS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;

/**
 * A cure that acts just after every update (shrink and perturb, continual backprop), on the whole
 * population at once: one object per population, acting only on the networks whose trial chose it.
 */
public interface StepCure {

  /**
   * Acts after step {@code step}'s update.
   *
   * @param pass the step's training pass, still holding the activations the update was computed from
   * @param running the networks still training (a finished network is never touched)
   * @param lossBefore each network's training loss at this step
   * @return the events it records, by network
   */
  Map<Integer, List<PendingEvent>> afterUpdate(int step, Pass pass, List<Integer> running, Double[] lossBefore);

  /**
   * The step cures the population's trials choose, each drawing network p's randomness from
   * {@code rngs[p]} (the trial's revival stream); empty when no trial chooses one.
   */
  static List<StepCure> of(List<TrialConfig> trials, PopulationNetwork net, RandomGenerator[] rngs) {
    List<StepCure> cures = new ArrayList<>();
    if (trials.stream().anyMatch(t -> t.get(REVIVAL) == RevivalKind.SHRINK_PERTURB)) {
      cures.add(new ShrinkPerturb(trials, net, rngs));
    }
    if (trials.stream().anyMatch(t -> t.get(REVIVAL) == RevivalKind.CBP)) {
      cures.add(new ContinualBackprop(trials, net, rngs));
    }
    return cures;
  }

  /** The first step of trial {@code c}'s washout, when the cure stops; past the last step without one. */
  static int washoutStart(TrialConfig c) {
    Integer washout = c.get(REVIVAL_WASHOUT);
    int steps = c.get(STEPS);
    return washout == null ? Integer.MAX_VALUE : steps - washout;
  }
}
