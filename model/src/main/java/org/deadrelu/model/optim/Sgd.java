package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.PerSlice;
import org.deadrelu.model.population.SliceAxpy;

/**
 * p -= lr * g, one BLAS axpy per network and parameter ({@link SliceAxpy}); ND4J's scale-then-subtract
 * where the arrays do not allow it.
 */
public final class Sgd implements Optimizer {

  @Override
  public void step(List<Parameter> parameters, PerSlice lr) {
    double[] minusLr = new double[lr.size()];
    for (int s = 0; s < minusLr.length; s++) {
      minusLr[s] = -lr.get(s);
    }
    for (Parameter p : parameters) {
      if (SliceAxpy.supports(p.gradient(), p.value())) {
        SliceAxpy.apply(p.gradient(), minusLr, p.value());
      } else {
        lr.multiply(p.gradient());
        p.value().subi(p.gradient());
      }
    }
  }
}
