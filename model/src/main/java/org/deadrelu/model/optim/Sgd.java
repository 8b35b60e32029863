package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.net.Parameter;
import org.deadrelu.model.net.PerSlice;
import org.nd4j.linalg.factory.Nd4j;

/**
 * p -= lr * g. With one learning rate for the whole population this is a single BLAS axpy per
 * parameter: 0.5-21 us against 45-115 us for ND4J's scale-then-subtract on the reference shapes.
 */
public final class Sgd implements Optimizer {

  @Override
  public void step(List<Parameter> parameters, PerSlice lr) {
    for (Parameter p : parameters) {
      if (lr.uniform()) {
        Nd4j.getBlasWrapper().level1().axpy(p.value().length(), -lr.get(0), p.gradient(), p.value());
      } else {
        lr.multiply(p.gradient());
        p.value().subi(p.gradient());
      }
    }
  }
}
