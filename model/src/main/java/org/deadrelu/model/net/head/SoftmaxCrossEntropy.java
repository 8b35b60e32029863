package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * p = softmax(z), loss = -log p_y. Finite for finite z: every class keeps a positive probability.
 *
 * <p>Computed in a loop over a Java copy of z and y, in double: [P, rows, classes] is small, and
 * as a chain of ND4J ops (a log-softmax, a product, a sum, an exp, three element-wise updates) each
 * op's fixed cost made the head a large share of a small network's step (docs/design.md). Each
 * network's slice is computed on its own, so its loss and gradient do not depend on its
 * neighbours. One instance per network (it keeps its copies).
 */
public final class SoftmaxCrossEntropy implements Head {
  private final HostCopy logits = new HostCopy();
  private final HostCopy targets = new HostCopy();
  private final HostCopy gradient = new HostCopy();
  private final ArgmaxAccuracy accuracy = new ArgmaxAccuracy(Double.NEGATIVE_INFINITY);

  @Override
  public HeadKind kind() {
    return HeadKind.SOFTMAX;
  }

  @Override
  public double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    return loss(z, y, dz, true, null);
  }

  /** The same losses, bit for bit, without the gradient (a quarter of the loop) or its copy back. */
  @Override
  public double[] loss(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    return loss(z, y, dz, false, null);
  }

  /** The loss loop scores each row too: one copy of z and y, not two. */
  @Override
  public Scores lossGradientAndAccuracy(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    double[] accuracy = new double[(int) z.size(0)];
    return new Scores(loss(z, y, dz, true, accuracy), accuracy);
  }

  @Override
  public Scores lossAndAccuracy(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    double[] accuracy = new double[(int) z.size(0)];
    return new Scores(loss(z, y, dz, false, accuracy), accuracy);
  }

  /**
   * The losses, with the gradient written to dz if asked, and where {@code accuracy} is given each
   * network's accuracy in it, as {@link ArgmaxAccuracy} defines it: the first class with the largest
   * z above -infinity (a NaN is never larger) is the prediction.
   */
  private double[] loss(INDArray z, INDArray y, INDArray dz, boolean withGradient, double[] accuracy) {
    int networks = (int) z.size(0);
    int rows = (int) z.size(1);
    int classes = (int) z.size(2);
    double[] zs = logits.read(z);
    double[] ys = targets.read(y);
    double[] g = gradient.buffer(dz); // the exponentials, then (with the gradient) dz
    double[] loss = new double[networks];
    for (int s = 0; s < networks; s++) {
      double sum = 0;
      int right = 0;
      for (int r = 0; r < rows; r++) {
        int at = (s * rows + r) * classes;
        double max = Double.NEGATIVE_INFINITY;
        int best = -1;
        double bestZ = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
          max = Math.max(max, zs[at + j]); // NaN propagates: a diverged network's loss is NaN
          if (zs[at + j] > bestZ) {
            best = j;
            bestZ = zs[at + j];
          }
        }
        right += best >= 0 && ys[at + best] == 1.0 ? 1 : 0;
        double total = 0;
        for (int j = 0; j < classes; j++) {
          double d = zs[at + j] - max;
          // one exp per element is most of the loop's time; the largest logit's is exp(0), exactly 1
          g[at + j] = d == 0 ? 1.0 : Math.exp(d);
          total += g[at + j];
        }
        double logTotal = max + Math.log(total); // log sum exp, stable for large logits
        for (int j = 0; j < classes; j++) {
          if (ys[at + j] != 0) {
            sum -= ys[at + j] * (zs[at + j] - logTotal);
          }
        }
        if (withGradient) {
          for (int j = 0; j < classes; j++) {
            g[at + j] = (g[at + j] / total - ys[at + j]) / rows;
          }
        }
      }
      loss[s] = sum / rows;
      if (accuracy != null) {
        accuracy[s] = rows == 0 ? Double.NaN : (double) right / rows;
      }
    }
    if (withGradient) {
      gradient.write(g, dz);
    }
    return loss;
  }

  /** Softmax is increasing in z: the most probable class is the largest z. */
  @Override
  public double[] accuracy(INDArray z, INDArray y) {
    return accuracy.of(z, y);
  }

  @Override
  public INDArray output(INDArray z) {
    return Nd4j.exec(new SoftMax(z, z.ulike(), -1))[0];
  }
}
