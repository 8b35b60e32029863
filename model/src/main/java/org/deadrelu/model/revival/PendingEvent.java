package org.deadrelu.model.revival;

/**
 * An intervention on one neuron as it happens; its outcome (revived, steps survived) is settled at
 * the end of training from the neuron's later checkpoints, and the loss after it at the next step.
 */
public final class PendingEvent {
  public final int step;
  public final int layer;
  public final int neuron;
  public final String kind;
  public final double magnitude;
  public final Double lossBefore;
  public Double lossAfter;

  public PendingEvent(int step, int layer, int neuron, String kind, double magnitude, Double lossBefore) {
    this.step = step;
    this.layer = layer;
    this.neuron = neuron;
    this.kind = kind;
    this.magnitude = magnitude;
    this.lossBefore = lossBefore;
  }
}
