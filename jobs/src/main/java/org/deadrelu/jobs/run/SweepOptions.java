package org.deadrelu.jobs.run;

import org.deadrelu.jobs.output.ResultLease;

/**
 * How a sweep runs (not what it computes: nothing here changes a trial's results).
 *
 * @param out folder under which the sweep's folder is created
 * @param maxShardTrials most trials in one Spark task (trained as populations of what fits the cache)
 * @param memoryBudgetMb most native memory, estimated, one shard's population may use
 * @param commitEvery trials per committed wave: a killed driver loses at most the wave in flight
 * @param progressSeconds interval of the progress line on the driver; 0 turns it off
 * @param compactMinFiles a table written in several waves is compacted at the end once it has this
 *     many files (or {@link org.deadrelu.jobs.output.Compaction#MIN_BYTES} of them)
 * @param wavesInFlight waves whose tasks are submitted at once: more than 1 queues the next waves'
 *     tasks while a wave runs, so no core waits for a wave's slowest shard; 1 runs waves in lockstep
 * @param lease the result folder's lease: how long it lives unrenewed, and whether to take it over
 */
public record SweepOptions(String out, int maxShardTrials, long memoryBudgetMb, int commitEvery,
    int progressSeconds, int compactMinFiles, int wavesInFlight, ResultLease.Settings lease) {
  public static final int DEFAULT_MAX_SHARD_TRIALS = 64;
  public static final long DEFAULT_MEMORY_BUDGET_MB = 512;
  /** Below this many files, a reader's cost of opening them is small beside a rewrite's. */
  public static final int DEFAULT_COMPACT_MIN_FILES = 64;
  /**
   * Three: with two, a wave of few shards of unequal cost still left a core idle while the driver
   * committed the wave before (8-10% of the cores on a sweep of mixed costs, 0.2-1.6% with three).
   */
  public static final int DEFAULT_WAVES_IN_FLIGHT = 3;

  public SweepOptions {
    if (wavesInFlight < 1) {
      throw new IllegalArgumentException("waves in flight must be at least 1, got " + wavesInFlight);
    }
  }

  public SweepOptions(String out, int maxShardTrials, long memoryBudgetMb, int commitEvery, int progressSeconds,
      int compactMinFiles) {
    this(out, maxShardTrials, memoryBudgetMb, commitEvery, progressSeconds, compactMinFiles, DEFAULT_WAVES_IN_FLIGHT,
        ResultLease.Settings.defaults());
  }

  public SweepOptions(String out, int maxShardTrials, long memoryBudgetMb, int commitEvery, int progressSeconds) {
    this(out, maxShardTrials, memoryBudgetMb, commitEvery, progressSeconds, DEFAULT_COMPACT_MIN_FILES);
  }

  /** The defaults with a shard size and a wave size (tests use small ones). */
  public static SweepOptions of(String out, int maxShardTrials, int commitEvery) {
    return new SweepOptions(out, maxShardTrials, DEFAULT_MEMORY_BUDGET_MB, commitEvery, 0);
  }

  /** The same, compacting a table from {@code files} files on. */
  public SweepOptions compactingFrom(int files) {
    return new SweepOptions(out, maxShardTrials, memoryBudgetMb, commitEvery, progressSeconds, files, wavesInFlight, lease);
  }

  /** The same, with {@code n} waves' tasks submitted at once. */
  public SweepOptions withWavesInFlight(int n) {
    return new SweepOptions(out, maxShardTrials, memoryBudgetMb, commitEvery, progressSeconds, compactMinFiles, n, lease);
  }

  /** The same, with these lease settings. */
  public SweepOptions withLease(ResultLease.Settings l) {
    return new SweepOptions(out, maxShardTrials, memoryBudgetMb, commitEvery, progressSeconds, compactMinFiles,
        wavesInFlight, l);
  }

  public long memoryBudgetBytes() {
    return memoryBudgetMb << 20;
  }

  /** A default wave holds about this much work per core, by the planner's estimate. */
  public static final double WAVE_SECONDS_PER_CORE = 60;
  /** ... and at most this many trials, which bounds what the driver holds and commits at once. */
  public static final int MAX_WAVE_TRIALS = 4096;

  /** Trials per wave: the option, or enough to keep every core busy for a while. */
  public int commitEvery(int cores) {
    return commitEvery(cores, Double.NaN);
  }

  /**
   * Trials per wave: the option; else about {@link #WAVE_SECONDS_PER_CORE} of work on every core
   * (tiny trials in waves of 64 spent more on committing, small files and compacting them than on
   * training), and at least max(64, 16 x cores) trials, at most {@link #MAX_WAVE_TRIALS}.
   *
   * @param secondsPerTrial the planner's core-seconds per trial; NaN when unknown
   */
  public int commitEvery(int cores, double secondsPerTrial) {
    if (commitEvery > 0) {
      return commitEvery;
    }
    int floor = Math.max(64, cores * 16);
    if (!(secondsPerTrial > 0)) {
      return floor;
    }
    return (int) Math.max(floor, Math.min(MAX_WAVE_TRIALS, WAVE_SECONDS_PER_CORE * cores / secondsPerTrial));
  }
}
