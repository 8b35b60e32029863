package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_CLASSES;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DECAY_BIAS;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.L2;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_RANKS;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.junit.jupiter.api.Test;

/**
 * A trial gives the same measurements alone and inside a population of 64 with other learning
 * rates, decays, biases, initializers and seeds, including a neighbour that diverges.
 *
 * <p>Tolerance: each network's numbers come from its own slice of every batched op; no op mixes
 * networks, but a reduction over a slice's rows could in principle be ordered differently for
 * another population size. In float32 a sum of n terms moves by at most about n * 2^-24 relative
 * per reordering; over 256 rows that is ~1.5e-5, so 1e-4 relative (plus 1e-6 absolute near zero)
 * bounds a reordering at every step of this short run without hiding a real difference (a wrong
 * slice or a leaked hyperparameter moves values by orders of magnitude more).
 */
class PopulationEquivalenceTest {
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-6;

  private static TrialConfig.Builder base() {
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.BLOBS).set(DATA_SAMPLES, 400).set(DATA_CLASSES, 3)
        .set(DATA_FEATURES, 4).set(HIDDEN, List.of(16, 16)).set(ACTIVATION, ActivationKind.RELU)
        .set(OPTIMIZER, OptimizerKind.MOMENTUM).set(STEPS, 40).set(PROBE_EVERY, 10).set(BATCH_SIZE, 32).set(PROBE_SAMPLES, 128);
  }

  /** The one trial that measures feature ranks, so the population's others do not. */
  private static final TrialConfig TARGET = base().set(LR, 0.05).set(L2, 1e-3).set(DECAY_BIAS, false).set(INIT_BIAS, 0.05)
      .set(PROBE_RANKS, true).seed(42).build();

  private static List<TrialConfig> neighbours(int n, boolean withDiverging) {
    List<TrialConfig> out = new ArrayList<>();
    InitKind[] inits = InitKind.values();
    for (int i = 0; i < n; i++) {
      out.add(base().set(LR, 0.01 * (1 + i % 7)).set(L2, i % 3 == 0 ? 0.0 : 1e-2 * (i % 5)).set(DECAY_BIAS, i % 2 == 0)
          .set(INIT_BIAS, -0.1 + 0.02 * (i % 11)).set(INIT, inits[i % inits.length]).seed(1000 + i).build());
    }
    if (withDiverging) {
      out.set(5, base().set(LR, 1e9).seed(7).build());
    }
    return out;
  }

  private static Dataset data() {
    return DatasetFactory.build(TARGET, p -> null);
  }

  private static TrialOutput inPopulation(boolean withDiverging) {
    List<TrialConfig> population = neighbours(63, withDiverging);
    population.add(31, TARGET);
    List<TrialOutput> out = new Trainer().train(population, data());
    assertEquals(64, out.size());
    if (withDiverging) {
      assertEquals(TrialStatus.DIVERGED, out.get(5).summary().status(), "the neighbour with lr 1e9 diverged");
    }
    TrialOutput target = out.get(31);
    assertEquals(TARGET.trialId(), target.trialId());
    return target;
  }

  @Test
  void aTrialMeasuresTheSameAloneAndInAPopulationOf64() {
    TrialOutput alone = new Trainer().train(TARGET, data());
    assertSame(alone, inPopulation(false));
  }

  @Test
  void aDivergingNeighbourLeavesTheOtherTrialsUnchanged() {
    TrialOutput alone = new Trainer().train(TARGET, data());
    assertSame(alone, inPopulation(true));
  }

  @Test
  void everyTrialOfAPopulationMatchesItsOwnSoloRun() {
    List<TrialConfig> population = neighbours(8, true);
    List<TrialOutput> together = new Trainer().train(population, data());
    for (int i = 0; i < population.size(); i++) {
      TrialOutput solo = new Trainer().train(population.get(i), data());
      assertEquals(solo.summary().status(), together.get(i).summary().status(), "trial " + i);
      assertEquals(solo.summary().stepsCompleted(), together.get(i).summary().stepsCompleted(), "trial " + i);
      if (solo.summary().status() == TrialStatus.OK) {
        assertSame(solo, together.get(i));
      }
    }
  }

  /**
   * Exactly, with plain SGD: a population where every network shares one learning rate, and the same
   * population with one neighbour at a diverging rate, give the target bit-identical rows. The
   * update must not take another arithmetic path when the rates stop being uniform.
   */
  @Test
  void sgdGivesBitIdenticalRowsWhetherOrNotTheNeighboursShareALearningRate() {
    List<TrialConfig> uniform = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      uniform.add(base().set(OPTIMIZER, OptimizerKind.SGD).set(LR, 0.05).seed(500 + i).build());
    }
    List<TrialConfig> mixed = new ArrayList<>(uniform);
    mixed.set(5, base().set(OPTIMIZER, OptimizerKind.SGD).set(LR, 1e9).seed(7).build());
    List<TrialOutput> a = new Trainer().train(uniform, data());
    List<TrialOutput> b = new Trainer().train(mixed, data());
    assertEquals(TrialStatus.DIVERGED, b.get(5).summary().status());
    for (int i : new int[] {0, 3, 7}) {
      assertEquals(TrialStatus.OK, a.get(i).summary().status());
      identical(a.get(i).neurons(), b.get(i).neurons(), "neurons of trial " + i);
      identical(a.get(i).layers(), b.get(i).layers(), "layers of trial " + i);
      identical(a.get(i).curves(), b.get(i).curves(), "curves of trial " + i);
    }
  }

  /** Equal lists of records; on failure, the first record that differs (not the whole list). */
  private static void identical(List<?> a, List<?> b, String what) {
    assertEquals(a.size(), b.size(), what + ": sizes");
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), what + ": first difference at row " + i);
    }
  }

  private static void assertSame(TrialOutput a, TrialOutput b) {
    assertEquals(TrialStatus.OK, a.summary().status());
    assertEquals(a.summary().status(), b.summary().status());
    assertEquals(a.neurons().size(), b.neurons().size());
    int nearBoundary = 0;
    for (int i = 0; i < a.neurons().size(); i++) {
      NeuronRecord x = a.neurons().get(i);
      NeuronRecord y = b.neurons().get(i);
      String where = "step " + x.step() + " layer " + x.layer() + " neuron " + x.neuron();
      close(x.maxPreact(), y.maxPreact(), where);
      close(x.activeRate(), y.activeRate(), where);
      close(x.meanAbsAct(), y.meanAbsAct(), where);
      close(x.gradNorm(), y.gradNorm(), where);
      close(x.bias(), y.bias(), where);
      close(x.weightNorm(), y.weightNorm(), where);
      close(x.outgoingWeightNorm(), y.outgoingWeightNorm(), where);
      // away from the boundary, where a reordered sum cannot flip them, the flags agree exactly
      if (Math.abs(x.maxPreact()) > 1e-3 || x.outputLayer()) {
        assertEquals(x.dead(), y.dead(), where);
        assertEquals(x.dormant(), y.dormant(), where);
      } else {
        nearBoundary++;
      }
    }
    // the flags are compared on at least 95% of the rows
    assertTrue(nearBoundary * 20 <= a.neurons().size(), nearBoundary + " neurons within 1e-3 of the boundary");
    for (int i = 0; i < a.layers().size(); i++) {
      LayerRecord x = a.layers().get(i);
      LayerRecord y = b.layers().get(i);
      String where = "layer " + x.layer() + " step " + x.step();
      close(x.weightGradNorm(), y.weightGradNorm(), where);
      assertEquals(x.deadFraction(), y.deadFraction());
      close(x.effectiveRank(), y.effectiveRank(), where);
      close(x.stableRank(), y.stableRank(), where);
      assertEquals(x.srank(), y.srank(), where);
      assertEquals(x.approximateRank(), y.approximateRank(), where);
    }
    for (int i = 0; i < a.curves().size(); i++) {
      CurvePoint x = a.curves().get(i);
      CurvePoint y = b.curves().get(i);
      assertEquals(x.step(), y.step());
      if (x.probeLoss() != null) {
        close(x.probeLoss(), y.probeLoss(), "probe loss at " + x.step());
      }
      if (x.onlineLoss() != null) {
        close(x.onlineLoss(), y.onlineLoss(), "online loss at " + x.step());
      }
      if (x.trainLoss() != null) {
        close(x.trainLoss(), y.trainLoss(), "train loss at " + x.step());
      }
    }
  }

  /** Both null (where a measure does not apply) or close. */
  private static void close(Double x, Double y, String where) {
    assertEquals(x == null, y == null, where);
    if (x != null) {
      close(x.doubleValue(), y.doubleValue(), where);
    }
  }

  private static void close(double x, double y, String where) {
    assertEquals(x, y, ABSOLUTE + RELATIVE * Math.abs(x), where);
  }
}
