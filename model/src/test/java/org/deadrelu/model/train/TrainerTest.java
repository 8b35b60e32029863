package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DECAY_BIAS;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.L2;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TrainerTest {
  private static final Dataset DATA = TestData.twoClasses(200, 4, 11);

  private static TrialConfig.Builder base() {
    return TrialConfig.builder().set(HIDDEN, List.of(8, 8)).set(STEPS, 20).set(PROBE_EVERY, 10).set(BATCH_SIZE, 16)
        .set(PROBE_SAMPLES, 64).set(LR, 0.05).seed(3);
  }

  @Test
  void checkpointsAreStepZeroEveryKAndTheLastStep() {
    TrialOutput out = new Trainer().train(base().set(STEPS, 25).set(PROBE_EVERY, 10).build(), DATA);
    assertEquals(List.of(0, 10, 20, 25), out.curves().stream().map(CurvePoint::step).toList());
    assertEquals(TrialStatus.OK, out.summary().status());
    assertEquals(4 * 3, out.layers().size(), "3 layers (2 hidden + output) at 4 checkpoints");
    assertEquals(4 * (8 + 8 + 2), out.neurons().size());
  }

  @Test
  void zeroStepsMeasuresTheInitializationOnly() {
    TrialOutput out = new Trainer().train(base().set(STEPS, 0).build(), DATA);
    assertEquals(TrialStatus.OK, out.summary().status());
    assertEquals(1, out.curves().size());
    assertEquals(0, out.curves().get(0).step());
    assertNull(out.curves().get(0).trainLoss());
  }

  @Test
  void decayedBiasesShrinkByExactlyOneMinusLrLambdaPerStepWhenTheDataGradientIsZero() {
    // a bias of -50 kills every hidden ReLU, so their data gradient is exactly zero
    double lr = 0.1;
    double lambda = 0.5;
    TrialConfig decayed = base().set(INIT_BIAS, -50.0).set(L2, lambda).set(DECAY_BIAS, true).set(LR, lr).set(STEPS, 5)
        .set(PROBE_EVERY, 1).set(OPTIMIZER, OptimizerKind.SGD).build();
    TrialOutput out = new Trainer(DataType.DOUBLE).train(decayed, DATA);
    for (NeuronRecord n : out.neurons()) {
      if (!n.outputLayer()) {
        assertTrue(n.dead());
        assertEquals(-50 * Math.pow(1 - lr * lambda, n.step()), n.bias(), 1e-12,
            "bias at step " + n.step());
      }
    }
    TrialOutput undecayed = new Trainer(DataType.DOUBLE).train(decayed.toBuilder().set(DECAY_BIAS, false).build(), DATA);
    for (NeuronRecord n : undecayed.neurons()) {
      if (!n.outputLayer()) {
        assertEquals(-50.0, n.bias(), 0.0, "undecayed bias stays put at step " + n.step());
      }
    }
  }

  @Test
  void sameTrialTwiceGivesIdenticalRows() {
    TrialConfig c = base().set(ACTIVATION, ActivationKind.PRELU).set(OPTIMIZER, OptimizerKind.ADAM).set(L2, 1e-3).build();
    TrialOutput a = new Trainer().train(c, DATA);
    TrialOutput b = new Trainer().train(c, DATA);
    assertEquals(a.neurons(), b.neurons());
    assertEquals(a.layers(), b.layers());
    assertEquals(a.curves(), b.curves());
    assertEquals(a.summary().deadFractionByLayer(), b.summary().deadFractionByLayer());
    assertEquals(a.trialId(), b.trialId());
  }

  @Test
  void differentSeedsGiveDifferentNetworks() {
    TrialOutput a = new Trainer().train(base().seed(1).build(), DATA);
    TrialOutput b = new Trainer().train(base().seed(2).build(), DATA);
    assertFalse(a.neurons().equals(b.neurons()));
  }

  @Test
  void deepSigmoidGradientsVanishTowardTheInputFarFasterThanRelu() {
    List<Integer> deep = List.of(32, 32, 32, 32, 32, 32, 32, 32);
    double sigmoid = firstOverLastGradient(base().set(HIDDEN, deep).set(STEPS, 0)
        .set(ACTIVATION, ActivationKind.SIGMOID).set(INIT, InitKind.XAVIER_NORMAL).build());
    double relu = firstOverLastGradient(base().set(HIDDEN, deep).set(STEPS, 0)
        .set(ACTIVATION, ActivationKind.RELU).set(INIT, InitKind.HE_NORMAL).build());
    // sigmoid' <= 1/4 per layer: over 7 layers the ratio should be orders of magnitude below relu's
    assertTrue(sigmoid < 1e-2, "sigmoid first/last = " + sigmoid);
    assertTrue(relu > 0.1, "relu first/last = " + relu);
    assertTrue(sigmoid < relu / 100, "sigmoid " + sigmoid + " vs relu " + relu);
  }

  private static double firstOverLastGradient(TrialConfig c) {
    List<LayerRecord> layers = new Trainer(DataType.DOUBLE).train(c, DATA).layers();
    double first = layers.get(0).weightGradNorm();
    double last = layers.stream().filter(l -> !l.outputLayer()).reduce((x, y) -> y).get().weightGradNorm();
    return first / last;
  }

  @Test
  void reluNormalizeHeadDivergesWithAnInfiniteLossWhereSoftmaxStaysFinite() {
    // output biases start at 0 with random weights, so on some probe row a class gets p = 0
    TrialConfig broken = base().set(HEAD, HeadKind.RELU_NORMALIZE).build();
    TrialOutput out = new Trainer().train(broken, DATA);
    assertEquals(TrialStatus.DIVERGED, out.summary().status());
    assertEquals(Double.POSITIVE_INFINITY, out.curves().get(out.curves().size() - 1).probeLoss());
    assertFalse(out.neurons().isEmpty(), "the measurements up to the divergence are kept");

    TrialOutput softmax = new Trainer().train(broken.toBuilder().set(HEAD, HeadKind.SOFTMAX).build(), DATA);
    assertEquals(TrialStatus.OK, softmax.summary().status());
    assertTrue(Double.isFinite(softmax.summary().finalProbeLoss()));
  }

  @Test
  void hugeLearningRateDivergesAndKeepsEarlierCheckpoints() {
    TrialOutput out = new Trainer().train(base().set(LR, 1e12).set(STEPS, 200).set(PROBE_EVERY, 1)
        .set(ACTIVATION, ActivationKind.IDENTITY).set(HEAD, HeadKind.SOFTMAX).build(), DATA);
    assertEquals(TrialStatus.DIVERGED, out.summary().status());
    assertTrue(out.summary().divergedStep() < 200);
    assertTrue(out.curves().size() >= 1);
  }

  @Test
  void aTrialThatThrowsBecomesAFailedRow() {
    Dataset empty = new Dataset("empty", true, 2, new double[0][0], new double[0], new double[0][0], new double[0]);
    TrialOutput out = new Trainer().train(base().build(), empty);
    assertEquals(TrialStatus.FAILED, out.summary().status());
    assertTrue(out.summary().error() != null && !out.summary().error().isEmpty());
  }
}
