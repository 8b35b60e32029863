package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_RANKS;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.junit.jupiter.api.Test;

/** probe.ranks through a whole trial: where the rank columns are filled, and that measuring them changes nothing else. */
class ProbeRanksTest {
  private static final Dataset DATA = TestData.twoClasses(200, 4, 11);

  private static TrialConfig.Builder base() {
    return TrialConfig.builder().set(HIDDEN, List.of(8, 6)).set(STEPS, 20).set(PROBE_EVERY, 10).set(BATCH_SIZE, 16)
        .set(PROBE_SAMPLES, 64).set(LR, 0.05).seed(3);
  }

  @Test
  void ranksFillTheHiddenLayersRowsOnlyWhenAskedForAndChangeNothingElse() {
    TrialOutput off = new Trainer().train(base().build(), DATA);
    TrialOutput on = new Trainer().train(base().set(PROBE_RANKS, true).build(), DATA);
    assertEquals(off.neurons(), on.neurons());
    assertEquals(off.curves(), on.curves());
    assertEquals(off.layers().size(), on.layers().size());
    for (int i = 0; i < on.layers().size(); i++) {
      LayerRecord a = off.layers().get(i);
      LayerRecord b = on.layers().get(i);
      assertEquals(a, withoutRanks(b));
      assertNull(a.effectiveRank());
      assertNull(a.srank());
      if (b.outputLayer()) {
        assertNull(b.effectiveRank());
        assertNull(b.stableRank());
        assertNull(b.srank());
        assertNull(b.approximateRank());
      } else {
        String where = "step " + b.step() + " layer " + b.layer() + ": " + b;
        assertNotNull(b.effectiveRank(), where);
        // a nonzero matrix's ranks lie between 1 and its width; stable <= effective
        assertTrue(b.stableRank() >= 1 && b.stableRank() <= b.effectiveRank() + 1e-9 && b.effectiveRank() <= b.width(), where);
        assertTrue(b.srank() >= 1 && b.srank() <= b.width() && b.approximateRank() >= 1 && b.approximateRank() <= b.srank(), where);
      }
    }
  }

  /** Identity activations, so a neuron's non-finite maximum pre-activation is a non-finite feature. */
  @Test
  void aDivergingTrialHasNullRanksWhereItsFeaturesAreNotFiniteAndDoesNotFail() {
    TrialOutput out = new Trainer().train(base().set(LR, 1e12).set(STEPS, 200).set(PROBE_EVERY, 1).set(PROBE_RANKS, true)
        .set(ACTIVATION, ActivationKind.IDENTITY).set(HEAD, HeadKind.SOFTMAX).build(), DATA);
    assertEquals(TrialStatus.DIVERGED, out.summary().status());
    int nonFinite = 0;
    for (LayerRecord l : out.layers()) {
      if (l.outputLayer()) {
        continue;
      }
      boolean finite = true;
      for (NeuronRecord n : out.neurons()) {
        finite &= n.step() != l.step() || n.layer() != l.layer() || Double.isFinite(n.maxPreact());
      }
      if (!finite) {
        nonFinite++;
        assertNull(l.effectiveRank(), "step " + l.step() + " layer " + l.layer());
        assertNull(l.srank());
      } else if (l.step() == 0) {
        assertNotNull(l.effectiveRank());
      }
    }
    assertTrue(nonFinite > 0, "the trial measured non-finite features before stopping");
  }

  private static LayerRecord withoutRanks(LayerRecord r) {
    return new LayerRecord(r.step(), r.layer(), r.outputLayer(), r.width(), r.deadFraction(), r.dormantFraction(),
        r.saturatedFraction(), r.meanActiveRate(), r.weightGradNorm(), r.biasGradNorm(), r.weightNorm(), r.meanBias(),
        null, null, null, null);
  }
}
