package org.deadrelu.model.train;

/** The failure a trial with {@code train.fault_at_step} raises on purpose, to test failure handling. */
public final class InjectedFault extends RuntimeException {
  public InjectedFault(int step) {
    super("injected fault at step " + step + " (train.fault_at_step)");
  }
}
