package org.deadrelu.model.optim;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.net.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (Kingma and Ba 2015) with bias correction; epsilon 1e-8 outside the square root. */
public final class Adam implements Optimizer {
  private static final double EPSILON = 1e-8;
  private final double lr;
  private final double beta1;
  private final double beta2;
  private final List<INDArray> m = new ArrayList<>();
  private final List<INDArray> v = new ArrayList<>();
  private int t;

  public Adam(double lr, double beta1, double beta2, List<Parameter> parameters) {
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    for (Parameter p : parameters) {
      m.add(p.value().ulike().assign(0.0));
      v.add(p.value().ulike().assign(0.0));
    }
  }

  @Override
  public void step(List<Parameter> parameters) {
    t++;
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < parameters.size(); i++) {
      INDArray g = parameters.get(i).gradient();
      INDArray mi = m.get(i).muli(beta1).addi(g.mul(1 - beta1));
      INDArray vi = v.get(i).muli(beta2).addi(g.mul(g).muli(1 - beta2));
      INDArray denom = Transforms.sqrt(vi.div(correction2), false).addi(EPSILON);
      parameters.get(i).value().subi(mi.div(correction1).divi(denom).muli(lr));
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }
}
