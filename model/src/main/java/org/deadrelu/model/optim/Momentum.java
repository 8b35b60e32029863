package org.deadrelu.model.optim;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.PerSlice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;

/** Heavy-ball momentum: v = mu * v + g, p -= lr * v (PyTorch's convention, v starts at 0). */
public final class Momentum implements Optimizer {
  private final PerSlice mu;
  private final List<INDArray> velocity = new ArrayList<>();

  public Momentum(PerSlice mu, List<Parameter> parameters) {
    this.mu = mu;
    for (Parameter p : parameters) {
      velocity.add(p.value().ulike().assign(0.0));
    }
  }

  @Override
  public void forget(int parameter, INDArrayIndex... entries) {
    velocity.get(parameter).get(entries).assign(0.0);
  }

  @Override
  public void step(List<Parameter> parameters, PerSlice lr) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      INDArray v = velocity.get(i);
      mu.multiply(v);
      v.addi(p.gradient());
      p.scratch().assign(v);
      lr.multiply(p.scratch());
      p.value().subi(p.scratch());
    }
  }
}
