package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Parameter;

/** An update rule: moves every parameter against its gradient buffer, in place. */
public interface Optimizer {

  /** One update from the gradients now in the parameters' buffers. */
  void step(List<Parameter> parameters);

  double learningRate();

  static Optimizer of(TrialConfig c, List<Parameter> parameters) {
    return switch (c.optimizer()) {
      case SGD -> new Sgd(c.lr());
      case MOMENTUM -> new Momentum(c.lr(), c.momentum(), parameters);
      case ADAM -> new Adam(c.lr(), c.adamBeta1(), c.adamBeta2(), parameters);
    };
  }
}
