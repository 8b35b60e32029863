package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.net.Parameter;
import org.deadrelu.model.net.PerSlice;

/** p -= lr * g. */
public final class Sgd implements Optimizer {

  @Override
  public void step(List<Parameter> parameters, PerSlice lr) {
    for (Parameter p : parameters) {
      lr.multiply(p.gradient());
      p.value().subi(p.gradient());
    }
  }
}
