package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.SP_PERTURB;
import static org.deadrelu.model.config.Settings.SP_SHRINK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.HostCopy;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.ParameterKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shrink and perturb (Ash and Adams 2020), after every update as Dohare et al. (2024) apply it in
 * continual learning: each weight and bias of every layer, the output layer's included, becomes
 * {@code (1 - lambda) p + sigma eps}, eps ~ N(0, 1) drawn from the trial's revival stream. PReLU
 * slopes are left alone: they shape the activation rather than weigh an input.
 *
 * <p>The noise has to come from each trial's own stream, so it is drawn on the host; each
 * parameter array of the whole population then takes one native copy each way, and the shrink
 * rides in the same pass, cheaper than the two ND4J ops it would otherwise cost. Networks of other
 * trials are written back exactly as read.
 */
public final class ShrinkPerturb implements StepCure {
  private final int population;
  private final boolean[] uses;
  /** 1 - lambda, per network. */
  private final double[] keep;
  private final double[] lambda;
  private final double[] sigma;
  private final int[] washoutStart;
  private final RandomGenerator[] rng;
  private final List<INDArray> targets = new ArrayList<>();
  private final int[] hiddenWidths;
  private final HostCopy host = new HostCopy();

  ShrinkPerturb(List<TrialConfig> trials, PopulationNetwork net, RandomGenerator[] rng) {
    this.population = trials.size();
    this.uses = new boolean[population];
    this.keep = new double[population];
    this.lambda = new double[population];
    this.sigma = new double[population];
    this.washoutStart = new int[population];
    this.rng = rng;
    for (int s = 0; s < population; s++) {
      TrialConfig c = trials.get(s);
      uses[s] = c.get(REVIVAL) == RevivalKind.SHRINK_PERTURB;
      if (uses[s]) {
        lambda[s] = c.get(SP_SHRINK);
        keep[s] = 1 - lambda[s];
        sigma[s] = c.get(SP_PERTURB);
        washoutStart[s] = StepCure.washoutStart(c);
      }
    }
    // weights of every layer, then biases: the order each network's draws follow
    for (Parameter p : net.parameters()) {
      if (p.kind() != ParameterKind.SLOPE) {
        targets.add(p.value());
      }
    }
    int[] sizes = net.sizes();
    this.hiddenWidths = Arrays.copyOfRange(sizes, 1, sizes.length - 1);
  }

  @Override
  public Map<Integer, List<PendingEvent>> afterUpdate(int step, Pass pass, List<Integer> running, Double[] lossBefore) {
    List<Integer> acting = running.stream().filter(s -> uses[s] && step < washoutStart[s]).toList();
    if (acting.isEmpty()) {
      return Map.of();
    }
    for (INDArray a : targets) {
      double[] v = host.read(a);
      int n = (int) (a.length() / population);
      for (int s : acting) {
        RandomGenerator r = rng[s];
        double k = keep[s];
        double g = sigma[s];
        for (int e = s * n; e < (s + 1) * n; e++) {
          v[e] = g == 0 ? k * v[e] : k * v[e] + g * r.nextGaussian();
        }
      }
      host.write(v, a);
    }
    if (step != 0) {
      return Map.of();
    }
    // recorded once, when it first acts: one row per hidden neuron for each of its two parameters
    Map<Integer, List<PendingEvent>> events = new HashMap<>();
    for (int s : acting) {
      List<PendingEvent> e = new ArrayList<>();
      for (int l = 0; l < hiddenWidths.length; l++) {
        for (int i = 0; i < hiddenWidths[l]; i++) {
          e.add(new PendingEvent(step, l, i, "shrink", lambda[s], lossBefore[s]));
          e.add(new PendingEvent(step, l, i, "perturb", sigma[s], lossBefore[s]));
        }
      }
      events.put(s, e);
    }
    return events;
  }
}
