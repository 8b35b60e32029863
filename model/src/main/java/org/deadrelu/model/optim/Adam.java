package org.deadrelu.model.optim;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.PerSlice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba 2015): m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + 1e-8).
 */
public final class Adam implements Optimizer {
  private static final double EPSILON = 1e-8;
  private final PerSlice beta1;
  private final PerSlice beta2;
  private final PerSlice oneMinusBeta1;
  private final PerSlice oneMinusBeta2;
  private final PerSlice invCorrection1;
  private final PerSlice invCorrection2;
  private final List<INDArray> m = new ArrayList<>();
  private final List<INDArray> v = new ArrayList<>();
  private int t;

  public Adam(double[] beta1, double[] beta2, List<Parameter> parameters, DataType dtype) {
    this.beta1 = new PerSlice(beta1, dtype);
    this.beta2 = new PerSlice(beta2, dtype);
    this.oneMinusBeta1 = new PerSlice(oneMinus(beta1), dtype);
    this.oneMinusBeta2 = new PerSlice(oneMinus(beta2), dtype);
    this.invCorrection1 = new PerSlice(new double[beta1.length], dtype);
    this.invCorrection2 = new PerSlice(new double[beta1.length], dtype);
    for (Parameter p : parameters) {
      m.add(p.value().ulike().assign(0.0));
      v.add(p.value().ulike().assign(0.0));
    }
  }

  @Override
  public void forget(int parameter, INDArrayIndex... entries) {
    m.get(parameter).get(entries).assign(0.0);
    v.get(parameter).get(entries).assign(0.0);
  }

  @Override
  public void step(List<Parameter> parameters, PerSlice lr) {
    t++;
    for (int s = 0; s < invCorrection1.size(); s++) {
      invCorrection1.set(s, 1 / (1 - Math.pow(beta1.get(s), t)));
      invCorrection2.set(s, 1 / (1 - Math.pow(beta2.get(s), t)));
    }
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      INDArray g = p.gradient();
      INDArray scratch = p.scratch();
      INDArray mi = m.get(i);
      INDArray vi = v.get(i);
      beta1.multiply(mi);
      scratch.assign(g);
      oneMinusBeta1.multiply(scratch);
      mi.addi(scratch);
      beta2.multiply(vi);
      scratch.assign(g).muli(g);
      oneMinusBeta2.multiply(scratch);
      vi.addi(scratch);
      // scratch = lr (m / c1) / (sqrt(v / c2) + eps)
      scratch.assign(vi);
      invCorrection2.multiply(scratch);
      Transforms.sqrt(scratch, false).addi(EPSILON).rdivi(mi);
      invCorrection1.multiply(scratch);
      lr.multiply(scratch);
      p.value().subi(scratch);
    }
  }

  private static double[] oneMinus(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 1 - x[i];
    }
    return y;
  }
}
