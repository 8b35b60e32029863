package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;

/** Builds the activation a trial names. */
public final class Activations {
  private Activations() {}

  public static Activation of(ActivationKind kind, int reluGradAtZero) {
    return switch (kind) {
      case RELU -> new Relu(reluGradAtZero);
      case LEAKY_RELU -> new LeakyRelu();
      case PRELU -> new PRelu();
      case ELU -> new Elu();
      case SIGMOID -> new Sigmoid();
      case TANH -> new Tanh();
      case SOFTPLUS -> new Softplus();
      case IDENTITY -> new Identity();
    };
  }
}
