package org.deadrelu.jobs.claims;

import static org.deadrelu.jobs.claims.ClaimRun.mean;
import static org.deadrelu.jobs.claims.ClaimRun.where;
import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.junit.jupiter.api.Test;

/**
 * Each claim's sweep file, scaled down, asserting only what is robust at that size (the full runs
 * and their confidence intervals are in docs/FINDINGS.md, which scripts/findings.sh generates).
 */
class ClaimsTest {

  @Test
  void vanishingGradientsSigmoidShrinksTheFirstLayerGradientFarMoreThanRelu() throws Exception {
    List<TrialOutput> out = ClaimRun.run("vanishing-gradients", 3, b -> b.set(STEPS, 0));
    double sigmoid = mean(where(out, c -> c.get(ACTIVATION) == ActivationKind.SIGMOID && c.get(HIDDEN).size() == 10)
        .map(ClaimsTest::firstOverLast));
    double relu = mean(where(out, c -> c.get(ACTIVATION) == ActivationKind.RELU && c.get(HIDDEN).size() == 10)
        .map(ClaimsTest::firstOverLast));
    assertTrue(sigmoid < relu / 100, "depth 10 at initialization: sigmoid " + sigmoid + ", relu " + relu);
  }

  private static double firstOverLast(TrialOutput o) {
    List<LayerRecord> hidden = o.layers().stream().filter(l -> l.step() == 0 && !l.outputLayer()).toList();
    return hidden.get(0).weightGradNorm() / hidden.get(hidden.size() - 1).weightGradNorm();
  }

  @Test
  void leakyAndPreluNeverLoseANeuronWhileReluDoesAtHighLearningRates() throws Exception {
    List<TrialOutput> out = ClaimRun.run("leaky-vs-relu", 3, b -> b.set(STEPS, 300));
    assertTrue(where(out, c -> c.get(ACTIVATION) != ActivationKind.RELU)
        .allMatch(o -> o.summary().status() != TrialStatus.OK || o.summary().deadFraction() == 0.0));
    double high = mean(where(out, c -> c.get(ACTIVATION) == ActivationKind.RELU && c.get(LR) == 1.0)
        .map(o -> o.summary().deadFraction()));
    assertTrue(high > 0.02, "relu at lr 1.0 loses neurons: " + high);
  }

  @Test
  void reluNormalizeHeadDivergesWithAnInfiniteLossWhereSoftmaxNeverDoes() throws Exception {
    List<TrialOutput> out = ClaimRun.run("output-head", 3, b -> b.set(STEPS, 50));
    assertTrue(where(out, c -> c.get(HEAD) == HeadKind.SOFTMAX).allMatch(o -> o.summary().status() == TrialStatus.OK));
    assertTrue(where(out, c -> c.get(HEAD) == HeadKind.RELU_NORMALIZE)
        .allMatch(o -> o.summary().status() == TrialStatus.DIVERGED
            && o.curves().stream().anyMatch(p -> Double.valueOf(Double.POSITIVE_INFINITY).equals(p.probeLoss()))));
  }

  @Test
  void deepNarrowReluNetworksAreBornDeadFarMoreOftenThanShallowWideOnes() throws Exception {
    List<TrialOutput> out = ClaimRun.run("born-dead", 20, b -> b);
    double deepNarrow = mean(where(out, c -> c.get(HIDDEN).size() == 50 && c.get(HIDDEN).get(0) == 2)
        .map(o -> o.summary().collapsedAtInit() ? 1.0 : 0.0));
    double shallowWide = mean(where(out, c -> c.get(HIDDEN).size() == 2 && c.get(HIDDEN).get(0) == 10)
        .map(o -> o.summary().collapsedAtInit() ? 1.0 : 0.0));
    assertTrue(deepNarrow >= 0.8, "depth 50, width 2: " + deepNarrow);
    assertTrue(shallowWide <= 0.2, "depth 2, width 10: " + shallowWide);
  }

  @Test
  void everyCureRecordsItsInterventionsAndWarmingEndsAtZero() throws Exception {
    List<TrialOutput> out = ClaimRun.run("revival", 2, b -> b.set(STEPS, 300));
    for (TrialOutput o : out) {
      RevivalKind r = o.config().get(REVIVAL);
      if (r == RevivalKind.NONE) {
        assertEquals(0, o.events().size());
      } else if (r == RevivalKind.WARMING) {
        assertTrue(o.events().stream().allMatch(e -> e.kind().equals("warming")));
        if (o.summary().status() == TrialStatus.OK) {
          assertEquals(0.0, o.curves().get(o.curves().size() - 1).warmingOffset(), "warming (hold 100, anneal 200) is at 0 by step 300");
        }
      }
    }
    assertTrue(where(out, c -> c.get(REVIVAL) == RevivalKind.REDO).anyMatch(o -> !o.events().isEmpty()),
        "redo found dormant neurons to re-initialize");
  }

  @Test
  void onTheStreamOnlyReluUnitsDieAndEveryNetworkLearnsItsFirstTask() throws Exception {
    // two tasks of the full sweep's 100: robust at this size is that learning happens and that only
    // ReLU has a region of zero gradient; whether plasticity is lost takes the full run (FINDINGS.md)
    List<TrialOutput> out = ClaimRun.run("plasticity-loss", 2, b -> b.set(STEPS, 20_000));
    assertTrue(out.stream().allMatch(o -> o.summary().status() == TrialStatus.OK));
    assertTrue(where(out, c -> c.get(ACTIVATION) != ActivationKind.RELU)
        .allMatch(o -> o.summary().deadFraction() == 0.0 && o.neurons().stream().noneMatch(n -> Boolean.TRUE.equals(n.deadGlobal()))));
    for (TrialOutput o : where(out, c -> c.get(LR) == 0.01).toList()) {
      List<org.deadrelu.model.result.CurvePoint> windows = o.curves().stream().filter(p -> p.onlineLoss() != null).toList();
      assertEquals(20, windows.size(), "a window every 1,000 steps");
      assertEquals(List.of(0, 1), windows.stream().map(org.deadrelu.model.result.CurvePoint::task).distinct().toList());
      double first = windows.get(0).onlineLoss();
      double tenth = windows.get(9).onlineLoss();
      assertTrue(tenth < first, o.config().get(ACTIVATION) + " seed " + o.config().seed() + ": online loss " + first
          + " in the first 1,000 steps, " + tenth + " in the tenth");
    }
  }

  @Test
  void theStepCuresActFromTheStartAndContinualBackpropReplacesMatureUnits() throws Exception {
    // at rho 1e-4 a layer of 5 mature units owes one replacement about every 2,000 steps
    List<TrialOutput> out = ClaimRun.run("plasticity-cures", 2, b -> b.set(STEPS, 5_000));
    for (TrialOutput o : out) {
      RevivalKind r = o.config().get(REVIVAL);
      if (r == RevivalKind.SHRINK_PERTURB) {
        assertTrue(o.events().stream().anyMatch(e -> e.step() == 0 && e.kind().equals("shrink")), "shrink recorded at step 0");
      } else if (r == RevivalKind.CBP) {
        long replacements = o.events().stream().filter(e -> e.kind().equals("cbp")).count();
        assertTrue(replacements >= 1 && replacements <= 3, "continual backprop replaced " + replacements + " units");
        assertTrue(o.events().stream().filter(e -> e.kind().equals("cbp")).allMatch(e -> e.step() > 100),
            "no unit is replaced before it is mature");
      } else if (r == RevivalKind.NONE) {
        assertEquals(0, o.events().size());
      }
    }
  }
}
