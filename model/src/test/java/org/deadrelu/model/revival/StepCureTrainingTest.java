package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.CBP_MATURITY;
import static org.deadrelu.model.config.Settings.CBP_REPLACEMENT_RATE;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_EVERY;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.SP_PERTURB;
import static org.deadrelu.model.config.Settings.SP_SHRINK;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.result.EventRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Shrink and perturb and continual backprop as the trainer runs them: when they act, what they record, their seeds. */
class StepCureTrainingTest {
  /** 4 features, two hidden layers of 16, 3 classes: 4x16 + 16x16 + 16x3 = 368 weights, then 16 + 16 + 3 biases. */
  private static final int WEIGHTS = 368;

  private static TrialConfig.Builder base() {
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.BLOBS).set(DATA_SAMPLES, 300).set(DATA_FEATURES, 4)
        .set(HIDDEN, List.of(16, 16)).set(LR, 0.5).set(STEPS, 60).set(PROBE_EVERY, 10).set(BATCH_SIZE, 32)
        .set(PROBE_SAMPLES, 100).set(OPTIMIZER, OptimizerKind.SGD).seed(5);
  }

  private static TrialConfig.Builder shrinkPerturb(double shrink, double perturb) {
    return base().set(REVIVAL, RevivalKind.SHRINK_PERTURB).set(SP_SHRINK, shrink).set(SP_PERTURB, perturb);
  }

  private static TrialConfig.Builder cbp(double rate, int maturity) {
    return base().set(REVIVAL, RevivalKind.CBP).set(CBP_REPLACEMENT_RATE, rate).set(CBP_MATURITY, maturity);
  }

  private static Dataset data() {
    return DatasetFactory.build(base().build(), p -> null);
  }

  private static TrialOutput train(TrialConfig c) {
    return new Trainer().train(c, data());
  }

  @Test
  void shrinkAndPerturbRecordsItsTwoParametersOnceForEveryHiddenNeuron() {
    TrialOutput out = train(shrinkPerturb(0.01, 0.002).build());
    List<EventRecord> events = out.events();
    assertEquals(2 * 32, events.size());
    assertTrue(events.stream().allMatch(e -> e.step() == 0 && e.layer() < 2 && e.lossBefore() != null && e.lossAfter() != null));
    assertEquals(32, events.stream().filter(e -> e.kind().equals("shrink") && e.magnitude() == 0.01).count());
    assertEquals(32, events.stream().filter(e -> e.kind().equals("perturb") && e.magnitude() == 0.002).count());
    assertEquals(0, train(shrinkPerturb(0.01, 0.002).set(REVIVAL_WASHOUT, 60).build()).events().size(),
        "a washout of the whole run: it never acts");
  }

  /**
   * A bias of -50 kills every hidden ReLU, so no gradient reaches the hidden biases and only the
   * shrink moves them: -50 (1 - lambda)^t after t steps, and no further in the washout.
   */
  @Test
  void theShrinkActsAfterEveryUpdateUntilTheWashout() {
    double lambda = 0.02;
    TrialConfig c = shrinkPerturb(lambda, 0.0).set(INIT_BIAS, -50.0).set(REVIVAL_WASHOUT, 20).build();
    TrialOutput out = new Trainer(DataType.DOUBLE).train(c, data());
    int checked = 0;
    for (NeuronRecord n : out.neurons()) {
      if (!n.outputLayer()) {
        assertTrue(n.dead());
        assertEquals(-50 * Math.pow(1 - lambda, Math.min(n.step(), 40)), n.bias(), 1e-9, "bias at step " + n.step());
        checked++;
      }
    }
    assertEquals(7 * 32, checked);
  }

  /**
   * After one step a shrink-and-perturb trial differs from the same trial without a cure (same
   * initialization, same batch, same update) by exactly sigma times the draws of its revival stream,
   * the fourth split of its seed: the weights' draws first, then each layer's biases.
   */
  @Test
  void theNoiseIsDrawnFromTheTrialsRevivalStream() {
    double sigma = 0.01;
    TrialConfig cured = shrinkPerturb(0.0, sigma).set(STEPS, 1).set(PROBE_EVERY, 1).build();
    TrialConfig plain = cured.toBuilder().set(REVIVAL, RevivalKind.NONE).build();
    List<NeuronRecord> a = new Trainer(DataType.DOUBLE).train(cured, data()).neurons();
    List<NeuronRecord> b = new Trainer(DataType.DOUBLE).train(plain, data()).neurons();
    SplittableRandom root = new SplittableRandom(5);
    root.split(); // initialization
    root.split(); // minibatches
    root.split(); // probe set
    SplittableRandom revival = root.split();
    double[] draws = new double[WEIGHTS + 35];
    for (int k = 0; k < draws.length; k++) {
      draws[k] = revival.nextGaussian();
    }
    int[] firstBias = {WEIGHTS, WEIGHTS + 16, WEIGHTS + 32};
    int checked = 0;
    for (int k = 0; k < a.size(); k++) {
      NeuronRecord x = a.get(k);
      if (x.step() == 1) {
        double expected = sigma * draws[firstBias[x.layer()] + x.neuron()];
        assertEquals(expected, x.bias() - b.get(k).bias(), 1e-12, "layer " + x.layer() + " neuron " + x.neuron());
        checked++;
      }
    }
    assertEquals(35, checked);
  }

  /**
   * rho 0.05, maturity 10, 16 neurons a layer: every neuron is mature from step 10 on, when each
   * layer comes to owe 0.8; a replacement at step 11 (1.6 owed), 12 (0.6 + 15 x 0.05) and 13
   * (0.35 + 14 x 0.05), none at 14 (0.05 + 13 x 0.05). None in the washout.
   */
  @Test
  void continualBackpropReplacesMatureNeuronsAtItsRateAndRecordsEachReplacement() {
    TrialOutput out = train(cbp(0.05, 10).set(REVIVAL_WASHOUT, 10).build());
    List<EventRecord> events = out.events();
    for (int layer = 0; layer < 2; layer++) {
      int l = layer;
      List<EventRecord> first = events.stream().filter(e -> e.layer() == l && e.step() <= 14).toList();
      assertEquals(List.of(11, 12, 13), first.stream().map(EventRecord::step).toList(), "layer " + l);
      assertEquals(3, first.stream().map(EventRecord::neuron).distinct().count(), "a new neuron is not mature");
    }
    assertTrue(events.stream().allMatch(e -> e.kind().equals("cbp") && e.layer() < 2 && e.magnitude() >= 0));
    assertTrue(events.stream().allMatch(e -> e.step() < 50), "none in the washout");
    assertTrue(events.stream().allMatch(e -> e.lossBefore() != null && e.lossAfter() != null));
  }

  @Test
  void theSameTrialMakesTheSameReplacementsAndNoiseAndAnotherSeedOthers() {
    TrialConfig c = cbp(0.05, 10).set(LR, 0.8).set(INIT_BIAS, -0.3).build();
    TrialOutput first = train(c);
    TrialOutput again = train(c);
    assertTrue(first.events().size() > 10);
    assertEquals(first.events(), again.events());
    assertEquals(first.neurons(), again.neurons());
    assertNotEquals(first.events(), train(c.toBuilder().seed(6).build()).events());
    TrialConfig s = shrinkPerturb(0.01, 0.01).build();
    assertEquals(train(s).neurons(), train(s).neurons());
  }

  /** Each trial's cure is its own: alone, or trained together with trials of other cures, it does the same. */
  @Test
  void aTrialIsCuredAlikeAloneAndInAPopulationOfOtherCures() {
    List<TrialConfig> trials = List.of(
        cbp(0.05, 10).set(LR, 0.8).set(INIT_BIAS, -0.3).build(),
        shrinkPerturb(0.01, 0.01).seed(8).build(),
        base().set(REVIVAL, RevivalKind.REDO).set(REVIVAL_EVERY, 10).seed(9).build(),
        cbp(0.2, 5).seed(10).build(),
        base().seed(11).build());
    List<TrialOutput> together = new Trainer().train(trials, data());
    for (int i = 0; i < trials.size(); i++) {
      TrialOutput alone = train(trials.get(i));
      TrialOutput mixed = together.get(i);
      assertEquals(TrialStatus.OK, mixed.summary().status());
      assertEquals(describe(alone.events()), describe(mixed.events()), "events of trial " + i);
      for (int k = 0; k < alone.neurons().size(); k++) {
        NeuronRecord x = alone.neurons().get(k);
        NeuronRecord y = mixed.neurons().get(k);
        assertEquals(x.bias(), y.bias(), 1e-6 + 1e-4 * Math.abs(x.bias()), "trial " + i + ", " + x);
        assertEquals(x.weightNorm(), y.weightNorm(), 1e-6 + 1e-4 * x.weightNorm(), "trial " + i + ", " + x);
      }
    }
    assertTrue(together.get(0).events().size() > 0 && together.get(3).events().size() > 0);
    assertNotNull(together.get(1).events().get(0).lossAfter());
  }

  private static String describe(List<EventRecord> events) {
    return events.stream().map(e -> e.step() + "/" + e.layer() + "/" + e.neuron() + "/" + e.kind())
        .collect(Collectors.joining(" "));
  }
}
