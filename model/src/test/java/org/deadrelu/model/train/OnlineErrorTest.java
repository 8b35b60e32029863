package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.ERROR_WINDOW;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.TrialOutput;
import org.junit.jupiter.api.Test;

/**
 * The online loss and error over windows, against hand computations on networks whose output is
 * known: one hidden ReLU neuron with a bias of -100 is dead on inputs in [0, 2] (|w| is far below 50),
 * so the network's output is its output bias, which starts at 0 and alone learns. With every row in
 * every batch, each step's loss does not depend on the rows' order.
 */
class OnlineErrorTest {

  private static TrialConfig.Builder constantNetwork() {
    return TrialConfig.builder().set(HIDDEN, List.of(1)).set(ACTIVATION, ActivationKind.RELU).set(INIT_BIAS, -100.0)
        .set(PROBE_EVERY, 100).seed(2);
  }

  /**
   * Regression on rows (x, y) = (0, 1), (1, 3), mean squared error, lr 0.25: the bias gradient is
   * 2 (b - 2), so b = 0, 1, 1.5, 1.75, 1.875 at steps 0 to 4, and the loss, mean((b - 1)^2, (b - 3)^2) =
   * (b - 2)^2 + 1, is 5, 2, 1.25, 1.0625, 1.015625. Windows of 2 steps end at steps 2 and 4 with
   * means 3.5 and 1.15625; the last step closes a window of one step, 1.015625.
   */
  @Test
  void regressionLossBinnedOverWindowsOfTwoSteps() {
    Dataset data = new Dataset("two-rows", false, 1, new double[][] {{0}, {1}}, new double[] {1, 3},
        new double[0][1], new double[0]);
    TrialConfig c = constantNetwork().set(DATA_SOURCE, DataSourceKind.TEACHER).set(DATA_TASK, "regression")
        .set(HEAD, HeadKind.LINEAR).set(STEPS, 5).set(BATCH_SIZE, 2).set(PROBE_SAMPLES, 2).set(LR, 0.25)
        .set(ERROR_WINDOW, 2).build();
    List<CurvePoint> curves = new Trainer().train(c, data).curves();
    assertEquals(List.of(0, 2, 4, 5), curves.stream().map(CurvePoint::step).toList());
    assertNull(curves.get(0).onlineLoss(), "no window ends at step 0");
    assertEquals(3.5, curves.get(1).onlineLoss(), 1e-6);
    assertEquals(1.15625, curves.get(2).onlineLoss(), 1e-6);
    assertEquals(1.015625, curves.get(3).onlineLoss(), 1e-6);
    // steps 2 and 4 are windows only; 0 and 5 checkpoints
    assertNull(curves.get(1).probeLoss());
    assertNull(curves.get(2).trainLoss());
    assertNotNull(curves.get(3).probeLoss());
    // the probe at step 5 sees b = 1.9375: (b - 2)^2 + 1
    assertEquals(1.00390625, curves.get(3).probeLoss(), 1e-6);
    for (CurvePoint p : curves) {
      assertNull(p.onlineError(), "no error rate for regression");
      assertEquals(0, p.task());
    }
  }

  /**
   * Classification of rows x = 0, 1, 2 with classes 0, 1, 1, softmax, lr 0.5. At step 0 both logits
   * are 0 and the first class is predicted: 2 of 3 wrong, loss ln 2. The output-bias gradient is the
   * mean of p - y, (1/6, -1/6), so after it the logits are (-1/12, 1/12) and class 1 wins for good:
   * 1 of 3 wrong, loss -(1/3) ln p0 - (2/3) ln p1 with p1 = 1 / (1 + e^(-1/6)). Windows of 2 steps:
   * error (2/3 + 1/3) / 2 = 1/2 at step 2, 1/3 at step 4.
   */
  @Test
  void classificationErrorRateBinnedOverWindowsOfTwoSteps() {
    Dataset data = new Dataset("three-rows", true, 2, new double[][] {{0}, {1}, {2}}, new double[] {0, 1, 1},
        new double[0][1], new double[0]);
    TrialConfig c = constantNetwork().set(STEPS, 4).set(BATCH_SIZE, 3).set(PROBE_SAMPLES, 3).set(LR, 0.5)
        .set(ERROR_WINDOW, 2).build();
    List<CurvePoint> curves = new Trainer().train(c, data).curves();
    assertEquals(List.of(0, 2, 4), curves.stream().map(CurvePoint::step).toList());
    assertEquals(0.5, curves.get(1).onlineError(), 1e-6);
    assertEquals(1.0 / 3, curves.get(2).onlineError(), 1e-6);
    double p1 = 1 / (1 + Math.exp(-1.0 / 6));
    double second = -(Math.log(1 - p1) + 2 * Math.log(p1)) / 3;
    assertEquals((Math.log(2) + second) / 2, curves.get(1).onlineLoss(), 1e-6);
  }

  /**
   * A geometric schedule probes at 0, every, 2 every, 4 every, ... and the last step, while a window
   * closes every error_window steps: steps 100, every 10, windows of 25 give checkpoints 0, 10, 20,
   * 40, 80, 100 and windows at 25, 50, 75, 100.
   */
  @Test
  void aGeometricScheduleProbesSparselyWhileEveryWindowIsRecorded() {
    TrialConfig c = TrialConfig.builder().set(HIDDEN, List.of(4)).set(STEPS, 100).set(PROBE_EVERY, 10)
        .set(PROBE_SCHEDULE, "geometric").set(ERROR_WINDOW, 25).set(BATCH_SIZE, 8).set(PROBE_SAMPLES, 16).seed(1).build();
    TrialOutput out = new Trainer().train(c, TestData.twoClasses(100, 3, 5));
    assertEquals(List.of(0, 10, 20, 25, 40, 50, 75, 80, 100), out.curves().stream().map(CurvePoint::step).toList());
    assertEquals(List.of(0, 10, 20, 40, 80, 100),
        out.curves().stream().filter(CurvePoint::isCheckpoint).map(CurvePoint::step).toList());
    assertEquals(List.of(25, 50, 75, 100),
        out.curves().stream().filter(p -> p.onlineLoss() != null).map(CurvePoint::step).toList());
    assertEquals(List.of(0, 10, 20, 40, 80, 100), out.neurons().stream().map(n -> n.step()).distinct().toList());
    assertEquals(6, out.summary().checkpoints());
  }
}
