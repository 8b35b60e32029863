package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.net.Parameter;

/** p -= lr * g. */
public final class Sgd implements Optimizer {
  private final double lr;

  public Sgd(double lr) {
    this.lr = lr;
  }

  @Override
  public void step(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      p.value().subi(p.gradient().mul(lr));
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }
}
