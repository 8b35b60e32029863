package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.CBP_MATURITY;
import static org.deadrelu.model.config.Settings.CBP_REPLACEMENT_RATE;
import static org.deadrelu.model.config.Settings.CBP_UTILITY_DECAY;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.REVIVAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.HostCopy;

/**
 * Continual backprop (Dohare et al. 2024, "Loss of plasticity in deep continual learning"). After
 * every update, in each hidden layer of each network that chose it:
 *
 * <ul>
 *   <li>every neuron ages by one, and its contribution utility, a running average with decay eta of
 *       mean |h_i| over the step's batch times sum_k |w_ik| over its outgoing weights (after the
 *       update), is updated; it is ranked bias-corrected, u / (1 - eta^age), as the authors' code
 *       does, so a young neuron is not judged by an average still pulled towards its start at 0;
 *   <li>the layer owes rho times its number of mature neurons (age > m) more replacements; once a
 *       whole one is owed, that many mature neurons of least utility (ties: the lower index) get
 *       fresh incoming weights from the layer's initializer, bias 0 (the paper's; RAI may still
 *       draw it positive, as at initialization), outgoing weights 0 (so the new neuron adds nothing
 *       to the output) and no optimizer state (momentum's velocity, Adam's moments; Adam's step
 *       count is one for all weights here, so unlike the authors' per-weight count it goes on), and
 *       start again at age and utility 0. Each replacement is an event of kind {@code cbp}, its
 *       utility as magnitude.
 * </ul>
 *
 * Utilities are computed for all layers before any neuron is replaced, as in the authors' code: a
 * replacement in layer l + 1 rewrites outgoing weights layer l's utilities were measured on. The
 * batch's activations and the outgoing weights of the whole population are read to the host with
 * one native copy each, where the sums are a plain loop over the networks that chose the cure: at
 * these sizes cheaper than ND4J's reductions along an inner axis.
 */
public final class ContinualBackprop implements StepCure {
  static final String KIND = "cbp";

  private final PopulationNetwork net;
  private final int hidden;
  /** Layer widths from input to output; hidden layer l is sizes[l + 1] wide. */
  private final int[] sizes;
  private final int[] widths;
  private final boolean[] uses;
  private final double[] rate;
  private final int[] maturity;
  private final double[] decay;
  private final InitKind[] init;
  private final int[] washoutStart;
  private final RandomGenerator[] rng;
  /** Per network, hidden layer and neuron: the running average of contribution utility, not bias-corrected. */
  private final double[][][] utility;
  private final int[][][] age;
  /** Per network and hidden layer: replacements owed, a fraction until a whole one is due. */
  private final double[][] owed;
  /** One network's mean |h| per neuron of a layer, reused. */
  private final double[] meanAbs;
  private final HostCopy activationCopy = new HostCopy();
  private final HostCopy outgoingCopy = new HostCopy();

  ContinualBackprop(List<TrialConfig> trials, PopulationNetwork net, RandomGenerator[] rng) {
    this.net = net;
    int population = trials.size();
    this.hidden = net.layers() - 1;
    this.sizes = net.sizes();
    this.widths = Arrays.copyOfRange(sizes, 1, hidden + 1);
    this.uses = new boolean[population];
    this.rate = new double[population];
    this.maturity = new int[population];
    this.decay = new double[population];
    this.init = new InitKind[population];
    this.washoutStart = new int[population];
    this.rng = rng;
    for (int s = 0; s < population; s++) {
      TrialConfig c = trials.get(s);
      uses[s] = c.get(REVIVAL) == RevivalKind.CBP;
      if (uses[s]) {
        rate[s] = c.get(CBP_REPLACEMENT_RATE);
        maturity[s] = c.get(CBP_MATURITY);
        decay[s] = c.get(CBP_UTILITY_DECAY);
        init[s] = c.get(INIT);
        washoutStart[s] = StepCure.washoutStart(c);
      }
    }
    this.utility = new double[population][hidden][];
    this.age = new int[population][hidden][];
    this.owed = new double[population][hidden];
    for (int s = 0; s < population; s++) {
      for (int l = 0; l < hidden; l++) {
        utility[s][l] = new double[widths[l]];
        age[s][l] = new int[widths[l]];
      }
    }
    this.meanAbs = new double[Arrays.stream(widths).max().orElse(0)];
  }

  @Override
  public Map<Integer, List<PendingEvent>> afterUpdate(int step, Pass pass, List<Integer> running, Double[] lossBefore) {
    List<Integer> acting = running.stream().filter(s -> uses[s]).toList();
    if (acting.isEmpty()) {
      return Map.of();
    }
    int rows = pass.rows();
    for (int l = 0; l < hidden; l++) {
      int width = widths[l];
      int next = sizes[l + 2];
      double[] h = activationCopy.read(pass.h(l)); // [P, rows, width]
      double[] w = outgoingCopy.read(net.weights(l + 1)); // [P, width, next]
      for (int s : acting) {
        Arrays.fill(meanAbs, 0, width, 0.0);
        for (int r = 0, at = s * rows * width; r < rows; r++) {
          for (int i = 0; i < width; i++, at++) {
            meanAbs[i] += Math.abs(h[at]);
          }
        }
        double eta = decay[s];
        double[] u = utility[s][l];
        int[] a = age[s][l];
        for (int i = 0, at = s * width * next; i < width; i++) {
          double outgoing = 0;
          for (int k = 0; k < next; k++, at++) {
            outgoing += Math.abs(w[at]);
          }
          u[i] = eta * u[i] + (1 - eta) * (meanAbs[i] / rows) * outgoing;
          a[i]++;
        }
      }
    }
    Map<Integer, List<PendingEvent>> events = new HashMap<>();
    for (int s : acting) {
      if (step >= washoutStart[s]) {
        continue;
      }
      List<PendingEvent> e = new ArrayList<>();
      for (int l = 0; l < hidden; l++) {
        replace(s, l, step, lossBefore[s], e);
      }
      if (!e.isEmpty()) {
        events.put(s, e);
      }
    }
    return events;
  }

  /** Network s's replacements in hidden layer l at this step, if a whole one is owed. */
  private void replace(int s, int l, int step, Double lossBefore, List<PendingEvent> events) {
    int[] a = age[s][l];
    int mature = 0;
    for (int i = 0; i < a.length; i++) {
      mature += a[i] > maturity[s] ? 1 : 0;
    }
    if (mature == 0) {
      return;
    }
    owed[s][l] += rate[s] * mature;
    if (owed[s][l] < 1) {
      return;
    }
    int due = (int) owed[s][l]; // at most the mature count, since rho <= 1 and less than 1 was owed before
    owed[s][l] -= due;
    List<Integer> candidates = new ArrayList<>();
    double[] ranked = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      if (a[i] > maturity[s]) {
        candidates.add(i);
        ranked[i] = utility(s, l, i);
      }
    }
    candidates.sort(Comparator.<Integer>comparingDouble(i -> ranked[i]).thenComparingInt(i -> i));
    for (int i : candidates.subList(0, due)) {
      Reinitialization.neuron(net, s, l, i, init[s], 0.0, rng[s]);
      utility[s][l][i] = 0;
      a[i] = 0;
      events.add(new PendingEvent(step, l, i, KIND, ranked[i], lossBefore));
    }
  }

  /** Network s's neuron i of hidden layer l: its bias-corrected contribution utility (0 before its first update). */
  double utility(int s, int l, int i) {
    int a = age[s][l][i];
    return a == 0 ? 0.0 : utility[s][l][i] / (1 - Math.pow(decay[s], a));
  }

  /** How many updates network s's neuron i of hidden layer l has lived since it was (re)born. */
  int age(int s, int l, int i) {
    return age[s][l][i];
  }

  /** The replacements network s's hidden layer l owes, less than one between replacements. */
  double owed(int s, int l) {
    return owed[s][l];
  }
}
