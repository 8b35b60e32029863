package org.deadrelu.model.net.head;

import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per network, the fraction of rows whose predicted class is the target, read off z [P, rows,
 * classes] in one copy: the prediction is the first class with the largest z above a floor. That is
 * the most probable class of a head whose probabilities increase with z (softmax: floor -inf; ReLU
 * normalization, where a row with no positive z has no distribution and predicts nothing: floor 0).
 * One copy for the whole population: reading each network's slice through ND4J instead cost more
 * than the rest of a checkpoint. Float arrays are read as floats, since widening them to double cost
 * more than the comparisons; a float compares with the floor as its double does, so either way gives
 * the same prediction.
 */
final class ArgmaxAccuracy {
  private final double floor;
  private final HostCopy logits = new HostCopy();
  private final HostCopy targets = new HostCopy();

  ArgmaxAccuracy(double floor) {
    this.floor = floor;
  }

  double[] of(INDArray z, INDArray y) {
    int networks = (int) z.size(0);
    int rows = (int) z.size(1);
    int classes = (int) z.size(2);
    boolean floats = z.dataType() == DataType.FLOAT && y.dataType() == DataType.FLOAT;
    float[] zf = floats ? logits.readFloats(z) : null;
    float[] yf = floats ? targets.readFloats(y) : null;
    double[] zd = floats ? null : logits.read(z);
    double[] yd = floats ? null : targets.read(y);
    double[] accuracy = new double[networks];
    for (int s = 0; s < networks; s++) {
      int right = 0;
      for (int r = 0; r < rows; r++) {
        int at = (s * rows + r) * classes;
        int best = floats ? argmax(zf, at, classes) : argmax(zd, at, classes);
        right += best >= 0 && (floats ? yf[at + best] : yd[at + best]) == 1.0 ? 1 : 0;
      }
      accuracy[s] = rows == 0 ? Double.NaN : (double) right / rows;
    }
    return accuracy;
  }

  /** The first of the row's classes with the largest z above the floor, or -1 (a NaN is never larger: a row of NaN predicts nothing). */
  private int argmax(float[] z, int at, int classes) {
    int best = -1;
    double bestZ = floor;
    for (int j = 0; j < classes; j++) {
      if (z[at + j] > bestZ) {
        best = j;
        bestZ = z[at + j];
      }
    }
    return best;
  }

  private int argmax(double[] z, int at, int classes) {
    int best = -1;
    double bestZ = floor;
    for (int j = 0; j < classes; j++) {
      if (z[at + j] > bestZ) {
        best = j;
        bestZ = z[at + j];
      }
    }
    return best;
  }
}
