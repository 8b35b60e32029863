package org.deadrelu.jobs.stats;

/** The sign a claim predicts for treated minus baseline (on the comparison's scale). */
public enum Direction {
  INCREASE,
  DECREASE
}
