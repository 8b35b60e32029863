package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An output head and its loss, on the output layer's pre-activation z [rows, outputs]. Targets y are
 * one-hot rows for classifiers and values [rows, 1] for regression. Losses are means over rows.
 */
public interface Head {

  HeadKind kind();

  /** Mean loss; +infinity when a target gets probability 0 (never an exception). */
  double loss(INDArray z, INDArray y);

  /** dz = d(mean loss)/dz, written into {@code dz}. */
  void gradient(INDArray z, INDArray y, INDArray dz);

  /** What the network outputs for each row: probabilities for classifiers, predictions for regression. */
  INDArray output(INDArray z);

  /** Fraction of rows whose highest-probability class is the target; NaN for regression. */
  default double accuracy(INDArray z, INDArray y) {
    if (!kind().classifies()) {
      return Double.NaN;
    }
    double[][] p = output(z).toDoubleMatrix();
    double[][] t = y.toDoubleMatrix();
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      int best = -1;
      double bestP = 0;
      for (int j = 0; j < p[i].length; j++) {
        if (p[i][j] > bestP) { // a row of zero probabilities predicts nothing
          best = j;
          bestP = p[i][j];
        }
      }
      if (best >= 0 && t[i][best] == 1.0) {
        right++;
      }
    }
    return p.length == 0 ? Double.NaN : (double) right / p.length;
  }

  static Head of(HeadKind kind) {
    return switch (kind) {
      case SOFTMAX -> new SoftmaxCrossEntropy();
      case RELU_NORMALIZE -> new ReluNormalizeCrossEntropy();
      case LINEAR -> new MeanSquaredError();
    };
  }
}
