package org.deadrelu.model.probe;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe's per-neuron reductions (active rate, maximum pre-activation, mean and zero-ness of the
 * absolute activation, saturated rate), on hidden layers of several widths and on the output layer of
 * each head, against the same reductions written out element by element over the pass's arrays, read
 * one value at a time. Counts, maxima and zero-ness are equal to the last bit; the mean |activation|
 * is within the float rounding {@link ColumnReductions} allows (each of its group sums adds at most
 * {@code rows} floats, so a relative error below rows x 2^-24). The rows are enough that every
 * hidden layer's reductions run over several row groups, the last one partial.
 */
class ProbeReductionsTest {
  /** A wide and a narrow hidden layer, and an output layer of two units. */
  static final int[] SIZES = {3, 12, 5, 2};
  static final int ROWS = 300;
  static final int P = 3;
  static final double SATURATION_EPS = 0.05;

  @ParameterizedTest
  @CsvSource({"RELU, SOFTMAX", "TANH, SOFTMAX", "RELU, RELU_NORMALIZE", "LEAKY_RELU, SOFTMAX"})
  void everyReductionIsTheElementByElementOne(ActivationKind activation, HeadKind head) {
    SplittableRandom[] rngs = new SplittableRandom[P];
    List<TrialConfig> trials = new ArrayList<>();
    for (int s = 0; s < P; s++) {
      rngs[s] = new SplittableRandom(70 + s);
      trials.add(TrialConfig.builder().set(ACTIVATION, activation).set(HEAD, head).seed(s).build());
    }
    assertTrue(ColumnReductions.groupRows(ROWS, SIZES[1]) < ROWS / 2 && ROWS % ColumnReductions.groupRows(ROWS, SIZES[1]) != 0,
        "the wide layer's rows fall into several groups, the last one partial");
    PopulationNetwork net = PopulationNetwork.initialize(SIZES, trials, rngs, DataType.FLOAT);
    // network 1's second layer far below 0 on every row: a layer of zeros for relu, of saturated units for tanh
    net.bias(1).get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).assign(-50);
    SplittableRandom rng = new SplittableRandom(9);
    double[] x = new double[P * ROWS * SIZES[0]];
    double[] y = new double[P * ROWS * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * rng.nextGaussian();
    }
    for (int r = 0; r < P * ROWS; r++) {
      y[r * 2 + r % 2] = 1;
    }
    Pass pass = net.pass("probe", ROWS);
    pass.input().assign(Nd4j.create(x, new long[] {P, ROWS, SIZES[0]}, DataType.DOUBLE));
    INDArray targets = Nd4j.create(y, new long[] {P, ROWS, 2}, DataType.DOUBLE).castTo(DataType.FLOAT);
    NeuronProbe probe = new NeuronProbe(new double[] {0.1, 0.1, 0.1},
        Nd4j.zeros(DataType.FLOAT, P, 1, 1).addi(SATURATION_EPS));
    List<ProbeMeasurement> measured = probe.measure(0, net, pass, targets);

    int layers = SIZES.length - 1;
    for (int s = 0; s < P; s++) {
      for (int l = 0; l < layers; l++) {
        boolean output = l == layers - 1;
        LayerMeasures m = measured.get(s).layers().get(l);
        int width = SIZES[l + 1];
        boolean allZero = true;
        for (int i = 0; i < width; i++) {
          int active = 0;
          int saturated = 0;
          double max = Double.NEGATIVE_INFINITY;
          double absSum = 0;
          for (int r = 0; r < ROWS; r++) {
            double z = pass.z(l).getDouble(s, r, i);
            active += z > 0 ? 1 : 0;
            max = Math.max(max, z);
            double act = output ? (head == HeadKind.RELU_NORMALIZE ? Math.max(z, 0) : z) : pass.h(l).getDouble(s, r, i);
            absSum += Math.abs(act);
            allZero &= act == 0;
            if (!output && activation.saturates()) {
              saturated += Math.abs(pass.derivative(l).getDouble(s, r, i)) < (double) (float) SATURATION_EPS ? 1 : 0;
            }
          }
          String at = activation + "/" + head + " network " + s + " layer " + l + " neuron " + i;
          assertEquals((double) active / ROWS, m.activeRate()[i], 0.0, at + ": active rate");
          assertEquals(max, m.maxPreact()[i], 0.0, at + ": maximum");
          assertEquals(absSum / ROWS, m.meanAbsAct()[i], absSum / ROWS * ROWS * 0x1p-24, at + ": mean |activation|");
          if (!output && activation.saturates()) {
            assertEquals((double) saturated / ROWS, m.saturatedRate()[i], 0.0, at + ": saturated rate");
          }
        }
        if (!output) {
          assertEquals(allZero, m.allZero(), "network " + s + " layer " + l + ": all zero");
        }
      }
    }
    if (activation == ActivationKind.RELU) {
      assertTrue(measured.get(1).layers().get(1).allZero(), "the silenced layer is all zero");
    }
  }
}
