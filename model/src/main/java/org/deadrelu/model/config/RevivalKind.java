package org.deadrelu.model.config;

/** A cure applied during training to neurons that died (positive initial biases and RAI are initializers). */
public enum RevivalKind {
  /** No intervention. */
  NONE,
  /** Bias warming: a positive offset on every hidden bias from step 0, held, then annealed to 0. */
  WARMING,
  /** Thermal kick: Gaussian noise on the incoming weights and bias of dead (or dormant) neurons. */
  KICK,
  /** Re-initialization (ReDo, Sokar et al. 2023): fresh incoming weights, zero outgoing weights. */
  REDO;

  /** Whether the cure intervenes at intervals (kick and redo), rather than all along (warming) or never. */
  public boolean intervenes() {
    return this == KICK || this == REDO;
  }
}
