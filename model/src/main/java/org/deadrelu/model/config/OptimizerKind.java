package org.deadrelu.model.config;

public enum OptimizerKind {
  SGD,
  MOMENTUM,
  ADAM
}
