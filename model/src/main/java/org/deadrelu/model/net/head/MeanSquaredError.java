package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Identity output, loss = mean over rows and outputs of (z - y)^2. Computed in a loop over a Java
 * copy of z and y, in double, each network's slice on its own (see {@link SoftmaxCrossEntropy}: the
 * arrays are small and each ND4J op has a fixed cost of tens of microseconds). One instance per
 * network.
 */
public final class MeanSquaredError implements Head {
  private final HostCopy predictions = new HostCopy();
  private final HostCopy targets = new HostCopy();
  private final HostCopy gradient = new HostCopy();

  @Override
  public HeadKind kind() {
    return HeadKind.LINEAR;
  }

  @Override
  public double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    int networks = (int) z.size(0);
    int perNetwork = (int) (z.size(1) * z.size(2));
    double[] zs = predictions.read(z);
    double[] ys = targets.read(y);
    double[] g = gradient.buffer(dz);
    double[] loss = new double[networks];
    for (int s = 0; s < networks; s++) {
      double sum = 0;
      for (int i = s * perNetwork, end = i + perNetwork; i < end; i++) {
        double d = zs[i] - ys[i];
        sum += d * d;
        g[i] = 2 * d / perNetwork;
      }
      loss[s] = sum / perNetwork;
    }
    gradient.write(g, dz);
    return loss;
  }

  @Override
  public INDArray output(INDArray z) {
    return z.dup();
  }
}
