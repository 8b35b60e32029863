package org.deadrelu.jobs.run;

/**
 * How a sweep runs (not what it computes: nothing here changes a trial's results).
 *
 * @param out folder under which the sweep's folder is created
 * @param maxShardTrials most trials in one Spark task (trained as populations of what fits the cache)
 * @param memoryBudgetMb most native memory, estimated, one shard's population may use
 * @param commitEvery trials per committed wave: a killed driver loses at most the wave in flight
 * @param progressSeconds interval of the progress line on the driver; 0 turns it off
 */
public record SweepOptions(String out, int maxShardTrials, long memoryBudgetMb, int commitEvery,
    int progressSeconds) {
  public static final int DEFAULT_MAX_SHARD_TRIALS = 64;
  public static final long DEFAULT_MEMORY_BUDGET_MB = 512;

  /** The defaults with a shard size and a wave size (tests use small ones). */
  public static SweepOptions of(String out, int maxShardTrials, int commitEvery) {
    return new SweepOptions(out, maxShardTrials, DEFAULT_MEMORY_BUDGET_MB, commitEvery, 0);
  }

  public long memoryBudgetBytes() {
    return memoryBudgetMb << 20;
  }

  /** Trials per wave: the option, or enough to keep every core busy for a while. */
  public int commitEvery(int cores) {
    return commitEvery > 0 ? commitEvery : Math.max(64, cores * 16);
  }
}
