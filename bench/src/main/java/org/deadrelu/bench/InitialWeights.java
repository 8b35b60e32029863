package org.deadrelu.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.PopulationNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * deadrelu's initial weights for a trial, drawn by the engine itself (a population of one), so every
 * variant starts where deadrelu's own trial with that seed starts. Layer l: w[l] [in][out], b[l] [out].
 */
final class InitialWeights {
  final double[][][] w;
  final double[][] b;

  private InitialWeights(double[][][] w, double[][] b) {
    this.w = w;
    this.b = b;
  }

  /** The init stream as {@code Trainer} derives it: the first split of the trial's seed. */
  static RandomGenerator initStream(TrialConfig t) {
    return new SplittableRandom(t.seed()).split();
  }

  static InitialWeights of(int[] sizes, TrialConfig trial) {
    PopulationNetwork net = PopulationNetwork.initialize(sizes, List.of(trial),
        new RandomGenerator[] {initStream(trial)}, DataType.FLOAT);
    int layers = sizes.length - 1;
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      // [in, out]; the first `in` rows also if a layout keeps the bias as an extra last row
      w[l] = java.util.Arrays.copyOf(net.weights(l).slice(0).toDoubleMatrix(), sizes[l]);
      b[l] = net.bias(l).slice(0).toDoubleVector(); // [1, out]
      if (b[l].length != sizes[l + 1]) {
        throw new IllegalStateException("bias of layer " + l + " has " + b[l].length + " values, expected " + sizes[l + 1]);
      }
    }
    return new InitialWeights(w, b);
  }
}
