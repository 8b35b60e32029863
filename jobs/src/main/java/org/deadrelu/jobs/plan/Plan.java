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
    return coreSeconds / busyCores(cores);
  }

  /** The one-time start-up of a fresh application's executor cores that get a shard, in core-seconds. */
  public double startupCoreSeconds(int cores) {
    return shards.isEmpty() ? 0 : busyCores(cores) * CostModel.COLD_START_SECONDS;
  }

  private int busyCores(int cores) {
    return Math.max(1, Math.min(cores, shards.size()));
  }
}
