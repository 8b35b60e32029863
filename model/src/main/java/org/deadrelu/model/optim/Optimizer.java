package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.PerSlice;
import org.nd4j.linalg.indexing.INDArrayIndex;

/** An update rule: moves every parameter against its gradient, in place, each network at its own rate. */
public interface Optimizer {

  /** One update from the gradients now in the parameters' buffers (which it may overwrite). */
  void step(List<Parameter> parameters, PerSlice lr);

  /** Forgets the state (velocity, moments) of some entries of parameter i, as if they were new. */
  default void forget(int parameter, INDArrayIndex... entries) {}
}
