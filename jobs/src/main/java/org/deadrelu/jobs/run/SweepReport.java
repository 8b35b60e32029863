package org.deadrelu.jobs.run;

import java.util.Map;

/**
 * What a sweep run did.
 *
 * @param planned trials the sweep file expands to
 * @param skipped trials already in the result folder, not run again
 * @param ran trials run now
 * @param byStatus trials run now, by status (ok, diverged, failed)
 * @param taskTimes the tasks' time, summed over the shards of the attempts kept
 * @param compactionSeconds the closing compaction's wall time (0 when no table needed it)
 */
public record SweepReport(String sweep, String folder, int planned, int skipped, int ran,
    Map<String, Integer> byStatus, double wallSeconds, TaskTimes taskTimes, double compactionSeconds) {

  public int count(String status) {
    return byStatus.getOrDefault(status, 0);
  }

  /** Every trial run now failed: nothing was learned, the run is an error. */
  public boolean allFailed() {
    return ran > 0 && count("failed") == ran;
  }
}
