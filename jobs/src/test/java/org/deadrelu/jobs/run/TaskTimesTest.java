package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tasks' own timers: their four parts add up to the tasks' time, and each is there. */
class TaskTimesTest {
  @TempDir Path out;

  @Test
  void theTimeSplitAddsUpToTheTasksWallTimeWithinFivePercent() throws Exception {
    String sweep = """
        name: times
        data: {source: spirals, samples: 600, noise: 0.2}
        model: {hidden: [16, 16]}
        train: {steps: 200, batch_size: 32, lr: 0.1}
        probe: {every: 20, samples: 128}
        seeds: 8
        grid: {activation: [relu, leaky_relu]}
        """;
    SweepSpec spec = SweepLoader.load("times.yaml", sweep);
    SweepReport r = new SweepRunner(SparkTestSession.get(), new PrintStream(System.out))
        .run(spec.name(), spec.expand(), SweepOptions.of(out.toString(), 4, 100), sweep);
    TaskTimes t = r.taskTimes();
    assertEquals(16, r.ran());
    long parts = t.trainingNanos() + t.measuringNanos() + t.rowsNanos() + t.writingNanos();
    assertTrue(Math.abs(parts - t.wallNanos()) <= 0.05 * t.wallNanos(), t.describe() + "; parts " + parts / 1e9 + " s");
    assertTrue(t.trainingNanos() > 0 && t.measuringNanos() > 0 && t.rowsNanos() > 0 && t.writingNanos() > 0, t.describe());
    // 4 shards of 4 trials, each task timed from its start: their sum is at least the training alone
    assertTrue(t.wallNanos() > t.trainingNanos());
  }
}
