package org.deadrelu.model.optim;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.net.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Heavy-ball momentum: v = mu * v + g, p -= lr * v (PyTorch's convention, v starts at 0). */
public final class Momentum implements Optimizer {
  private final double lr;
  private final double mu;
  private final List<INDArray> velocity = new ArrayList<>();

  public Momentum(double lr, double mu, List<Parameter> parameters) {
    this.lr = lr;
    this.mu = mu;
    for (Parameter p : parameters) {
      velocity.add(p.value().ulike().assign(0.0));
    }
  }

  @Override
  public void step(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      INDArray v = velocity.get(i).muli(mu).addi(p.gradient());
      p.value().subi(v.mul(lr));
    }
  }

  /** The velocity buffer of parameter i (revival strategies reset it for re-initialized neurons). */
  public INDArray velocity(int i) {
    return velocity.get(i);
  }

  @Override
  public double learningRate() {
    return lr;
  }
}
