package org.deadrelu.model.config;

/** Weight initializers; the initial bias is a separate constant. */
public enum InitKind {
  HE_NORMAL,
  HE_UNIFORM,
  XAVIER_NORMAL,
  XAVIER_UNIFORM,
  LECUN_NORMAL,
  /**
   * Randomized asymmetric initialization (Lu et al. 2019): He normal, except that for each neuron
   * one randomly chosen entry of its incoming weights and bias is drawn from Beta(2, 1), positive.
   */
  RAI
}
