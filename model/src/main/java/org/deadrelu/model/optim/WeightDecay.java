package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.net.Parameter;
import org.deadrelu.model.net.ParameterKind;

/**
 * L2 weight decay: adds (lambda / 2) |p|^2 to the objective, so lambda * p to the gradient. Weights
 * are always decayed; biases and PReLU slopes only when {@code decayBias} is set (a swept choice,
 * because common code silently differs here).
 */
public final class WeightDecay {
  private final double lambda;
  private final boolean decayBias;

  public WeightDecay(double lambda, boolean decayBias) {
    this.lambda = lambda;
    this.decayBias = decayBias;
  }

  public boolean decays(Parameter p) {
    return lambda > 0 && (p.kind() == ParameterKind.WEIGHT || decayBias);
  }

  /** Adds lambda * p to each decayed parameter's gradient buffer. */
  public void addGradient(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (decays(p)) {
        p.gradient().addi(p.value().mul(lambda));
      }
    }
  }

  /** The regularization term of the objective. */
  public double penalty(List<Parameter> parameters) {
    double sum = 0;
    for (Parameter p : parameters) {
      if (decays(p)) {
        double norm = p.value().norm2Number().doubleValue();
        sum += norm * norm;
      }
    }
    return 0.5 * lambda * sum;
  }
}
