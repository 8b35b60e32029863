package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-stationary sweeps through Spark local mode, their tables read back by DuckDB: a slowly-changing
 * stream and the digits with and without permuted pixels write the task and the online error at
 * every window, sparse checkpoints, and death over every task seen beside death on the current one.
 */
class NonStationaryEndToEndTest {
  // period 20, 100 steps: tasks 0..4; windows of 10 steps; checkpoints 0, 10, 20, 40, 80, 100
  static final String STREAM = """
      name: stream
      data: {source: slowly_changing, period: 20}
      model: {hidden: [6]}
      train: {steps: 100, batch_size: 1}
      probe: {every: 10, schedule: geometric, error_window: 10}
      seeds: 2
      grid:
        lr: [0.01, 0.001]
      """;
  // tasks of 30 steps, 75 steps: tasks 0, 1, 2; windows of 25 steps; checkpoints every 30 and 75
  static final String DIGITS = """
      name: digits
      data: {source: digits}
      shift: {every: 30}
      model: {hidden: [8]}
      train: {steps: 75, batch_size: 4, lr: 0.05}
      probe: {every: 30, error_window: 25, samples: 64}
      grid:
        kind: [none, permute_inputs]
      """;

  @TempDir static Path out;
  static SparkSession spark;

  @BeforeAll
  static void runSweeps() throws Exception {
    spark = SparkTestSession.get();
    for (String yaml : List.of(STREAM, DIGITS)) {
      SweepSpec spec = SweepLoader.load(yaml.lines().findFirst().orElseThrow().substring(6) + ".yaml", yaml);
      SweepReport report = new SweepRunner(spark, new PrintStream(System.out))
          .run(spec.name(), spec.expand(), SweepOptions.of(out.toString(), 2, 3), yaml);
      assertEquals(spec.expand().size(), report.ran());
    }
  }

  @Test
  void aStreamWritesItsTaskAndOnlineLossAtEveryWindowAndCheckpointsGeometrically() throws Exception {
    try (DuckDb duck = new DuckDb(out.resolve("stream"))) {
      assertEquals(4, duck.count("SELECT count(*) FROM trials WHERE status = 'ok'"));
      // per trial: windows at 10, 20, ..., 100 and checkpoints at 0, 10, 20, 40, 80, 100: rows at 0 and the ten windows
      assertEquals(4 * 11, duck.count("SELECT count(*) FROM curves"));
      List<List<Object>> rows = duck.query("SELECT step, task, online_loss, online_error, probe_loss FROM curves"
          + " WHERE trial_id = (SELECT min(trial_id) FROM trials) ORDER BY step");
      List<Integer> checkpoints = List.of(0, 10, 20, 40, 80, 100);
      for (int i = 0; i < rows.size(); i++) {
        int step = ((Number) rows.get(i).get(0)).intValue();
        assertEquals(10 * i, step);
        // the task of the last step trained, steps [20k, 20k + 20) being task k
        assertEquals(step == 0 ? 0 : (step - 1) / 20, ((Number) rows.get(i).get(1)).intValue(), "task at " + step);
        assertEquals(step > 0, rows.get(i).get(2) != null, "online loss at " + step);
        assertEquals(null, rows.get(i).get(3), "no error rate for regression");
        assertEquals(checkpoints.contains(step), rows.get(i).get(4) != null, "probe loss at " + step);
      }
      assertEquals(4 * 6 * (6 + 1), duck.count("SELECT count(*) FROM neurons"));
      assertEquals(0, duck.count("SELECT count(*) FROM neurons WHERE dead_global IS NULL"));
      assertEquals(0, duck.count("SELECT count(*) FROM neurons WHERE dead_global AND NOT dead"));
      assertEquals(List.of(List.of("current-task(32)", 32, 32)),
          duck.query("SELECT DISTINCT probe_set, train_rows, death_set_size FROM trials"));
      assertEquals(0, duck.count("SELECT count(*) FROM trials WHERE test_fraction IS NOT NULL"
          + " OR probe_samples IS NOT NULL OR final_test_loss IS NOT NULL"));
      assertEquals(1, duck.count("SELECT count(DISTINCT data_period) FROM trials WHERE data_period = 20"));
    }
  }

  @Test
  void permutedDigitsWriteTheOnlineErrorAndDeathOnEveryPermutationSeen() throws Exception {
    try (DuckDb duck = new DuckDb(out.resolve("digits"))) {
      // windows at 25, 50, 75; checkpoints at 0, 30, 60, 75
      List<List<Object>> rows = duck.query("SELECT c.step, c.task, c.online_error, c.probe_loss IS NOT NULL"
          + " FROM curves c JOIN trials t USING (trial_id) WHERE t.shift_kind = 'permute_inputs' ORDER BY c.step");
      assertEquals(List.of(0, 25, 30, 50, 60, 75), rows.stream().map(r -> ((Number) r.get(0)).intValue()).toList());
      assertEquals(List.of(0, 0, 0, 1, 1, 2), rows.stream().map(r -> ((Number) r.get(1)).intValue()).toList());
      assertEquals(List.of(false, true, false, true, false, true), rows.stream().map(r -> r.get(2) != null).toList());
      assertEquals(List.of(true, false, true, false, true, true), rows.stream().map(r -> (Boolean) r.get(3)).toList());
      for (List<Object> r : rows) {
        if (r.get(2) != null) {
          double error = ((Number) r.get(2)).doubleValue();
          assertTrue(error >= 0 && error <= 1, "an error rate: " + error);
        }
      }
      assertEquals(0, duck.count("SELECT count(*) FROM curves c JOIN trials t USING (trial_id)"
          + " WHERE t.shift_kind = 'none' AND c.task <> 0"));
      assertEquals(0, duck.count("SELECT count(*) FROM neurons n JOIN trials t USING (trial_id)"
          + " WHERE (t.shift_kind = 'none') <> (n.dead_global IS NULL)"));
      assertEquals(0, duck.count("SELECT count(*) FROM neurons WHERE dead_global AND NOT dead"));
      assertEquals(List.of(List.of("none"), List.of("permute_inputs")),
          duck.query("SELECT shift_kind FROM trials ORDER BY shift_kind"));
      assertEquals(1, duck.count("SELECT count(*) FROM trials WHERE shift_every = 30"));
    }
  }
}
