package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.RELU_GRAD_AT_ZERO;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.junit.jupiter.api.Test;

/**
 * Death is decided on every training row, not on the probe sample, and "collapsed" means exactly
 * constant: on data built so that the answer is known without the engine.
 */
class ExactDeathTest {

  /** One feature: 99 rows with x in [-1.98, -1], and one row x = +5 last. */
  private static Dataset oneRowOnTheRight() {
    double[][] x = new double[100][1];
    double[] y = new double[100];
    for (int i = 0; i < 99; i++) {
      x[i][0] = -1 - i * 0.01;
      y[i] = i % 2;
    }
    x[99][0] = 5;
    y[99] = 1;
    return new Dataset("one-row-on-the-right", true, 2, x, y, new double[0][1], new double[0]);
  }

  private static TrialConfig.Builder firstLayerOnly() {
    // zero biases: a first-layer neuron has z = w x, positive only on the x = +5 row when w > 0
    return TrialConfig.builder().set(HIDDEN, List.of(16)).set(STEPS, 0).set(PROBE_SAMPLES, 10).set(INIT_BIAS, 0.0).seed(4);
  }

  private static List<NeuronRecord> firstLayer(TrialOutput out) {
    return out.neurons().stream().filter(n -> n.layer() == 0 && n.step() == 0).toList();
  }

  @Test
  void aNeuronActiveOnOneTrainingRowOutsideTheProbeSetIsNotDead() {
    TrialOutput out = new Trainer().train(firstLayerOnly().build(), oneRowOnTheRight());
    List<NeuronRecord> layer = firstLayer(out);
    assertEquals(16, layer.size());
    // a neuron silent on the whole probe sample, alive on the one row the sample missed
    List<NeuronRecord> rightOnly = layer.stream().filter(n -> n.activeRate() == 0.0).toList();
    assertFalse(rightOnly.isEmpty(), "the seed's probe sample of 10 rows leaves out the x = +5 row");
    for (NeuronRecord n : rightOnly) {
      assertFalse(n.dead(), "neuron " + n.neuron() + " is active on the x = +5 training row");
      assertTrue(n.maxPreact() <= 0, "on the probe sample alone it would look dead: " + n.maxPreact());
    }
    // every first-layer neuron has w != 0, so it is positive on one side of 0: none is dead
    assertTrue(layer.stream().noneMatch(NeuronRecord::dead));
    assertEquals(100, out.summary().trainRows());
    assertEquals(100, out.summary().deathRows());
  }

  @Test
  void deathRowsBoundTheRowsDeathIsDecidedOnAndTheTableSaysSo() {
    // the first 99 rows leave out x = +5: the neurons alive only there are now dead
    TrialOutput out = new Trainer().train(firstLayerOnly().set(DEATH_ROWS, 99).build(), oneRowOnTheRight());
    List<NeuronRecord> layer = firstLayer(out);
    long rightOnly = layer.stream().filter(n -> n.activeRate() == 0.0).count();
    assertTrue(rightOnly > 0);
    for (NeuronRecord n : layer) {
      assertEquals(n.activeRate() == 0.0, n.dead(), "neuron " + n.neuron() + ": dead iff silent on x < 0");
    }
    assertEquals(99, out.summary().deathRows());
    assertEquals(100, out.summary().trainRows());
  }

  /**
   * Death is the same whichever way the split is covered: the probe's own pass when the probe set is
   * the whole split (no scan), the probe's pass with a scan of the other rows in its buffers (probe
   * set of 256), or a scan in buffers of its own (probe set of 10). The probe-set maximum of a dead
   * neuron is at most 0, and where the probe set is the split it is the split's maximum.
   */
  @Test
  void everyWayOfScanningTheSplitGivesTheSameDeath() {
    double[][] x = new double[600][2];
    double[] y = new double[600];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
    for (int i = 0; i < 600; i++) {
      x[i][0] = rng.nextGaussian();
      x[i][1] = rng.nextGaussian();
      y[i] = i % 2;
    }
    Dataset data = new Dataset("gaussian", true, 2, x, y, new double[0][2], new double[0]);
    TrialConfig.Builder b = TrialConfig.builder().set(HIDDEN, List.of(8, 8)).set(STEPS, 0).set(INIT_BIAS, -0.5).seed(7);
    List<NeuronRecord> whole = new Trainer().train(b.set(PROBE_SAMPLES, 600).build(), data).neurons();
    List<NeuronRecord> sharing = new Trainer().train(b.set(PROBE_SAMPLES, 256).build(), data).neurons();
    List<NeuronRecord> own = new Trainer().train(b.set(PROBE_SAMPLES, 10).build(), data).neurons();
    assertEquals(whole.size(), sharing.size());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).dead(), sharing.get(i).dead(), "probe set of 256, neuron row " + i);
      assertEquals(whole.get(i).dead(), own.get(i).dead(), "probe set of 10, neuron row " + i);
      if (whole.get(i).dead()) {
        assertTrue(whole.get(i).maxPreact() <= 0 && own.get(i).maxPreact() <= 0, "neuron row " + i);
      }
    }
    assertTrue(whole.stream().anyMatch(NeuronRecord::dead) && whole.stream().anyMatch(n -> !n.dead()),
        "a bias of -0.5 kills some neurons and not others");
    assertTrue(java.util.stream.IntStream.range(0, whole.size()).anyMatch(
        i -> !own.get(i).dead() && own.get(i).maxPreact() <= 0 && !own.get(i).outputLayer()),
        "some neuron silent on the 10 probe rows is alive on the rest of the split");
  }

  @Test
  void theRowsOutsideEachProbeSetAreTheRestOfTheSplit() {
    assertEquals(List.of(List.of(0, 2, 4), List.of(1, 2, 3)), java.util.Arrays.stream(
        Trainer.complements(new int[][] {{1, 3}, {0, 4}}, 5)).map(r -> java.util.Arrays.stream(r).boxed().toList()).toList());
  }

  /** One feature: x in {-1, -0.75, ..., 0}, so z = w x has its maximum exactly 0 where w > 0. */
  private static Dataset endingAtZero() {
    double[][] x = new double[5][1];
    double[] y = new double[5];
    for (int i = 0; i < 5; i++) {
      x[i][0] = -1 + 0.25 * i;
      y[i] = i % 2;
    }
    return new Dataset("ending-at-zero", true, 2, x, y, new double[0][1], new double[0]);
  }

  @Test
  void aNeuronAtExactlyZeroIsDeadOnlyWhenReluHasZeroGradientThere() {
    for (int atZero = 0; atZero <= 1; atZero++) {
      TrialConfig c = TrialConfig.builder().set(HIDDEN, List.of(8)).set(STEPS, 1).set(PROBE_EVERY, 1).set(BATCH_SIZE, 5)
          .set(PROBE_SAMPLES, 5).set(LR, 0.5).set(INIT_BIAS, 0.0).set(RELU_GRAD_AT_ZERO, atZero).seed(2).build();
      TrialOutput out = new Trainer().train(c, endingAtZero());
      List<NeuronRecord> atInit = firstLayer(out);
      List<NeuronRecord> after = out.neurons().stream().filter(n -> n.layer() == 0 && n.step() == 1).toList();
      int touched = 0;
      for (NeuronRecord n : atInit) {
        if (n.maxPreact() != 0.0) {
          continue;
        }
        touched++;
        // its only non-negative row is x = 0, where the weight gradient is 0 but the bias's is not
        boolean learned = after.get(n.neuron()).bias() != n.bias();
        assertEquals(atZero == 0, n.dead(), "relu_grad_at_zero " + atZero + ", neuron " + n.neuron());
        assertEquals(atZero == 1, learned, "relu_grad_at_zero " + atZero + ": the bias of neuron "
            + n.neuron() + " moved from " + n.bias() + " to " + after.get(n.neuron()).bias());
      }
      assertTrue(touched > 0, "some neuron has w > 0, so its maximum is exactly z(0) = 0");
    }
  }

  /** The symmetric 1-D grid {-1, -0.5, 0.5, 1}: with zero biases, f(x) = |x| f(sign x). */
  private static Dataset symmetricGrid() {
    double[][] x = {{-1}, {-0.5}, {0.5}, {1}};
    return new Dataset("symmetric-grid", false, 1, x, new double[] {0, 0, 0, 0}, new double[0][1], new double[0]);
  }

  /**
   * With zero biases, a network's output on the grid is constant only if some hidden layer is
   * all-zero at x = +1 and some (possibly another) at x = -1. At one input, each layer is all-zero
   * with probability 2^-N given the layers before it are not (the signs of a symmetric layer's N
   * pre-activations are independent), so P(some layer all-zero at +1) = b = 1 - (1 - 2^-N)^H exactly.
   * Hence b bounds the collapsed fraction from above and 2b - 1 from below.
   */
  @Test
  void bornDeadFractionsStayWithinTheirClosedFormBoundsOver2000Networks() {
    int[][] cells = {{2, 10}, {5, 50}, {3, 20}};
    for (int[] cell : cells) {
      int width = cell[0];
      int depth = cell[1];
      int n = 2000;
      List<TrialConfig> trials = new java.util.ArrayList<>();
      for (int s = 0; s < n; s++) {
        trials.add(TrialConfig.builder().set(HIDDEN, java.util.Collections.nCopies(depth, width))
            .set(HEAD, org.deadrelu.model.config.HeadKind.LINEAR).set(DATA_SOURCE, DataSourceKind.FUNCTION).set(DATA_TASK, "regression").set(STEPS, 0)
            .set(PROBE_SAMPLES, 4).set(INIT_BIAS, 0.0).seed(s).build());
      }
      List<TrialOutput> out = new Trainer().train(trials, symmetricGrid());
      long collapsed = out.stream().filter(o -> o.summary().collapsedAtInit()).count();
      double share = (double) collapsed / n;
      double b = 1 - Math.pow(1 - Math.pow(2, -width), depth);
      double se = Math.sqrt(b * (1 - b) / n);
      String cellName = "width " + width + ", depth " + depth + ": " + collapsed + " of " + n;
      assertTrue(share <= b + 3 * se, cellName + " exceeds the bound " + b);
      assertTrue(share >= 2 * b - 1 - 3 * se, cellName + " is below the bound " + (2 * b - 1));
      for (TrialOutput o : out) {
        if (o.summary().zeroLayerAtInit() != null) {
          assertTrue(o.summary().collapsedAtInit(), "a layer zero on every row makes the output constant");
        }
      }
    }
  }

  @Test
  void aNetworkWithTinyButVaryingOutputIsNotCollapsedAndADeadOneIs() {
    double[][] x = new double[20][2];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i][0] = 1e-20 * (i - 9.5);
      x[i][1] = 1e-20 * ((i * 7) % 20 - 9.5);
    }
    Dataset tiny = new Dataset("tiny", false, 1, x, y, new double[0][2], new double[0]);
    TrialConfig.Builder b = TrialConfig.builder().set(HIDDEN, List.of(8, 8)).set(HEAD, org.deadrelu.model.config.HeadKind.LINEAR)
        .set(DATA_SOURCE, DataSourceKind.FUNCTION).set(DATA_TASK, "regression").set(STEPS, 0).set(PROBE_SAMPLES, 20).set(INIT_BIAS, 0.0).seed(1);
    TrialOutput varying = new Trainer().train(b.build(), tiny);
    assertFalse(varying.summary().collapsedAtInit(), "outputs of order 1e-20 that differ between rows");
    assertNull(varying.summary().zeroLayerAtInit());

    TrialOutput dead = new Trainer().train(b.set(INIT_BIAS, -50.0).build(), tiny);
    assertTrue(dead.summary().collapsedAtInit(), "every hidden neuron is dead: the output is the output bias");
    assertEquals(0, dead.summary().zeroLayerAtInit());
    assertNotEquals(0, dead.summary().bornDead());
  }
}
