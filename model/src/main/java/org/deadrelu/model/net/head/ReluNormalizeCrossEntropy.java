package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The broken head: h = relu(z), p = h / sum(h), loss = -log p_y. A class whose output unit is not
 * positive gets probability exactly 0, so its loss is +infinity (and a row with no positive unit has
 * no distribution at all, also +infinity). The gradient uses relu'(0) = 0. Rarely on a hot path, so
 * it allocates its temporaries.
 */
public final class ReluNormalizeCrossEntropy implements Head {
  /** Only a positive z gets probability; a row without one predicts nothing. */
  private final ArgmaxAccuracy accuracy = new ArgmaxAccuracy(0.0);

  @Override
  public HeadKind kind() {
    return HeadKind.RELU_NORMALIZE;
  }

  @Override
  public double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    long p = z.size(0);
    long rows = z.size(1);
    Nd4j.exec(new Step(z, scratch, 0.0)); // relu'(z)
    INDArray h = scratch.mul(z);
    INDArray sum = h.sum(true, 2); // [P, rows, 1]
    INDArray hy = h.mul(y).sum(true, 2);
    double[] loss = new double[(int) p];
    double[] s = sum.reshape(p * rows).toDoubleVector();
    double[] t = hy.reshape(p * rows).toDoubleVector();
    for (int k = 0; k < p; k++) {
      double total = 0;
      for (int r = 0; r < rows; r++) {
        int i = (int) (k * rows + r);
        total += t[i] > 0 ? Math.log(s[i]) - Math.log(t[i]) : Double.POSITIVE_INFINITY;
      }
      loss[k] = total / rows;
    }
    // dL/dh_j = (1/S - [j = y] / h_y) / rows, then through relu'
    INDArray dh = y.mul(hy.rdiv(1.0)).negi().addi(sum.rdiv(1.0)).divi(rows);
    dz.assign(dh.muli(scratch));
    return loss;
  }

  @Override
  public double[] accuracy(INDArray z, INDArray y) {
    return accuracy.of(z, y);
  }

  @Override
  public INDArray output(INDArray z) {
    INDArray h = Nd4j.exec(new Step(z, z.ulike(), 0.0)).muli(z);
    return h.divi(h.sum(true, 2));
  }
}
