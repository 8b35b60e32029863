package org.deadrelu.model.config;

/**
 * A cure applied during training (positive initial biases and RAI are initializers): warming, kick
 * and ReDo aim at neurons that died; shrink and perturb and continual backprop at plasticity in
 * general, acting after every update.
 */
public enum RevivalKind {
  /** No intervention. */
  NONE,
  /** Bias warming: a positive offset on every hidden bias from step 0, held, then annealed to 0. */
  WARMING,
  /** Thermal kick: Gaussian noise on the incoming weights and bias of dead (or dormant) neurons. */
  KICK,
  /** Re-initialization (ReDo, Sokar et al. 2023): fresh incoming weights, zero outgoing weights. */
  REDO,
  /**
   * Shrink and perturb (Ash and Adams 2020), every step as Dohare et al. (2024) use it: after each
   * update every weight and bias is scaled by 1 - shrink and gets Gaussian noise of scale perturb.
   */
  SHRINK_PERTURB,
  /**
   * Continual backprop (Dohare et al. 2024): after each update, per hidden layer, the mature neurons
   * of least contribution utility are re-initialized at a steady rate, outgoing weights 0.
   */
  CBP;

  /** Whether the cure intervenes at intervals (kick and redo), rather than all along (warming) or never. */
  public boolean intervenes() {
    return this == KICK || this == REDO;
  }

  /**
   * Whether {@code revival.washout} stops the cure in the last steps: every cure that acts during
   * training except warming, whose own schedule ends it.
   */
  public boolean washesOut() {
    return intervenes() || this == SHRINK_PERTURB || this == CBP;
  }
}
