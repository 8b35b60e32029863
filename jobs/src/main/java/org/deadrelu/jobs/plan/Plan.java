package org.deadrelu.jobs.plan;

import java.util.List;

/**
 * Trials grouped into shards, with an estimate of their cost.
 *
 * @param coreSeconds estimated total training time on one core
 */
public record Plan(List<Shard> shards, int trials, double coreSeconds) {

  /** Estimated wall time on {@code cores} cores, assuming the shards keep them all busy. */
  public double wallSeconds(int cores) {
    return coreSeconds / Math.max(1, Math.min(cores, shards.size()));
  }
}
