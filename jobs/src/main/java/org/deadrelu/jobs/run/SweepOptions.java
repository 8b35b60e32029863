package org.deadrelu.jobs.run;

/**
 * How a sweep runs (not what it computes: nothing here changes a trial's results).
 *
 * @param out folder under which the sweep's folder is created
 * @param maxShardTrials most trials in one Spark task
 * @param commitEvery trials per committed wave: a killed driver loses at most the wave in flight
 * @param progressSeconds interval of the progress line on the driver; 0 turns it off
 */
public record SweepOptions(String out, int maxShardTrials, int commitEvery, int progressSeconds) {

  public static SweepOptions defaults(String out) {
    return new SweepOptions(out, 8, 0, 5);
  }

  /** Trials per wave: the option, or enough to keep every core busy for a while. */
  public int commitEvery(int cores) {
    return commitEvery > 0 ? commitEvery : Math.max(64, cores * 16);
  }
}
