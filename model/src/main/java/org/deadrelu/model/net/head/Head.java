package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An output head and its loss, on the output layer's pre-activation z [P, rows, outputs] of a
 * population. Targets y are one-hot rows for classifiers and values for regression. Losses are
 * means over rows, one per network.
 */
public interface Head {

  HeadKind kind();

  /**
   * Each network's mean loss (+infinity where a target gets probability 0, never an exception), and
   * dz = d(mean loss)/dz written into {@code dz}.
   *
   * @param scratch a buffer shaped like z
   * @param perSlice a [P] buffer
   */
  double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice);

  /**
   * Each network's mean loss, as {@link #lossAndGradient} gives it, for rows evaluated and never
   * learned from: a head may skip forming the gradient (dz may be overwritten or left as it is).
   */
  default double[] loss(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    return lossAndGradient(z, y, scratch, dz, perSlice);
  }

  /** Per network, its mean loss and its accuracy (NaN for regression). */
  record Scores(double[] loss, double[] accuracy) {}

  /** {@link #lossAndGradient} and {@link #accuracy} on the same rows; a head may read z once for both. */
  default Scores lossGradientAndAccuracy(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    return new Scores(lossAndGradient(z, y, scratch, dz, perSlice), accuracy(z, y));
  }

  /** {@link #loss} and {@link #accuracy} on the same rows, for rows evaluated and never learned from. */
  default Scores lossAndAccuracy(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    return new Scores(loss(z, y, scratch, dz, perSlice), accuracy(z, y));
  }

  /** What each network outputs per row: class probabilities, or the prediction for regression. */
  INDArray output(INDArray z);

  /** Per network, the fraction of rows whose most probable class is the target; NaN for regression. */
  default double[] accuracy(INDArray z, INDArray y) {
    double[] acc = new double[(int) z.size(0)];
    java.util.Arrays.fill(acc, Double.NaN);
    return acc;
  }

  static Head of(HeadKind kind) {
    return switch (kind) {
      case SOFTMAX -> new SoftmaxCrossEntropy();
      case RELU_NORMALIZE -> new ReluNormalizeCrossEntropy();
      case LINEAR -> new MeanSquaredError();
    };
  }
}
