package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same trials, run twice with different shard and wave layouts, give identical rows. */
class DeterminismTest {
  static final String SWEEP = """
      name: twice
      data: {source: spirals, samples: 200, noise: 0.1}
      model: {hidden: [5, 5]}
      train: {steps: 20, batch_size: 16, optimizer: adam, lr: 0.01}
      probe: {every: 10, samples: 40}
      seeds: 2
      grid:
        activation: [relu, prelu]
        l2: [0.0, 0.01]
      """;

  @TempDir Path a;
  @TempDir Path b;

  @Test
  void theSameTrialGivesIdenticalRowsAndIdsAcrossRuns() throws Exception {
    SweepSpec spec = SweepLoader.load("twice.yaml", SWEEP);
    List<TrialConfig> trials = spec.expand();
    SparkSession spark = SparkTestSession.get();
    new SweepRunner(spark, new PrintStream(System.out)).run("twice", trials, SweepOptions.of(a.toString(), 1, 3), SWEEP);
    // second run: other shard sizes, one wave, trials in reverse order
    List<TrialConfig> reversed = new java.util.ArrayList<>(SweepLoader.load("twice.yaml", SWEEP).expand());
    java.util.Collections.reverse(reversed);
    new SweepRunner(spark, new PrintStream(System.out)).run("twice", reversed, SweepOptions.of(b.toString(), 8, 100), SWEEP);

    for (String table : List.of("trials", "layers", "neurons", "curves")) {
      Dataset<Row> x = read(spark, a, table);
      Dataset<Row> y = read(spark, b, table);
      assertEquals(trials.size() > 0 ? x.count() : 0, y.count(), table);
      assertEquals(0, x.exceptAll(y).count(), table + ": rows only in the first run");
      assertEquals(0, y.exceptAll(x).count(), table + ": rows only in the second run");
    }
  }

  private static Dataset<Row> read(SparkSession spark, Path root, String table) {
    Dataset<Row> df = spark.read().parquet(root.resolve("twice").resolve(table).toString());
    // wall time is the one column that is not a function of the trial
    return table.equals("trials") ? df.drop("wall_ms") : df;
  }
}
