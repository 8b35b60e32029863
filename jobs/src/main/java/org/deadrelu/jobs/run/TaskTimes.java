package org.deadrelu.jobs.run;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where a shard's task spent its time, measured inside the task: training, measuring (checkpoints:
 * the death scan, the probe, held-out evaluation), turning outputs into table rows, writing the
 * Parquet files. {@code wall} is the whole task body; the four parts add up to it, less the little
 * between them. Summed over tasks they are core-seconds.
 */
public record TaskTimes(long wallNanos, long trainingNanos, long measuringNanos, long rowsNanos, long writingNanos)
    implements Serializable {

  public static final TaskTimes NONE = new TaskTimes(0, 0, 0, 0, 0);

  public TaskTimes plus(TaskTimes o) {
    return new TaskTimes(wallNanos + o.wallNanos, trainingNanos + o.trainingNanos, measuringNanos + o.measuringNanos,
        rowsNanos + o.rowsNanos, writingNanos + o.writingNanos);
  }

  /** "task time 12.3 s: training 8.1 s (66%), measuring ..." */
  public String describe() {
    double wall = wallNanos / 1e9;
    return String.format(Locale.ROOT, "task time %.1f s: training %s, measuring %s, building rows %s, writing Parquet %s",
        wall, part(trainingNanos), part(measuringNanos), part(rowsNanos), part(writingNanos));
  }

  private String part(long nanos) {
    return String.format(Locale.ROOT, "%.1f s (%.0f%%)", nanos / 1e9, wallNanos == 0 ? 0.0 : 100.0 * nanos / wallNanos);
  }
}
