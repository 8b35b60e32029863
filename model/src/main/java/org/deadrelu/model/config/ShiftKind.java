package org.deadrelu.model.config;

/** How the task changes every {@code shift.every} steps, on a source that does not change by itself. */
public enum ShiftKind {
  /** The data stay the same: one task. */
  NONE,
  /** Each task feeds every row's features in a fresh random order (Online Permuted MNIST). */
  PERMUTE_INPUTS,
  /** Each task gives the classes fresh random names: the label of class c is sigma(c). */
  PERMUTE_LABELS
}
