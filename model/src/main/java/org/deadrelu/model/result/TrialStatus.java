package org.deadrelu.model.result;

/** How a trial ended. */
public enum TrialStatus {
  /** Trained for every step. */
  OK,
  /** Stopped early: a non-finite loss or parameter. Everything measured before stays. */
  DIVERGED,
  /** Threw an error (bad data, a bug); the error text is kept with the trial. */
  FAILED
}
