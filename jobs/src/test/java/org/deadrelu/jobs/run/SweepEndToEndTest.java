package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.EngineVersion;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sweep through Spark local mode, its tables read back by Spark and by DuckDB. */
class SweepEndToEndTest {
  static final String SWEEP = """
      name: e2e
      data: {source: blobs, samples: 300, classes: 3, features: 4, noise: 1.0}
      model: {hidden: [6, 5]}
      train: {steps: 30, batch_size: 32, lr: 0.1}
      probe: {every: 10, samples: 64}
      seeds: 2
      grid:
        activation: [relu, leaky_relu]
        init_bias: [0.0, 0.1]
      """;
  // 2 activations x 2 biases x 2 seeds; checkpoints 0, 10, 20, 30; layers 6, 5 and the 3 outputs
  static final int TRIALS = 8;
  static final int CHECKPOINTS = 4;
  static final int LAYERS = 3;
  static final int NEURONS = 6 + 5 + 3;

  @TempDir static Path out;
  static SweepReport report;
  static List<TrialConfig> planned;
  static SparkSession spark;

  @BeforeAll
  static void runSweep() throws Exception {
    spark = SparkTestSession.get();
    SweepSpec spec = SweepLoader.load("e2e.yaml", SWEEP);
    planned = spec.expand();
    report = new SweepRunner(spark, new PrintStream(System.out))
        .run(spec.name(), planned, SweepOptions.of(out.toString(), 2, 3), SWEEP);
  }

  private static Path folder() {
    return out.resolve("e2e");
  }

  private static long sparkCount(String table) {
    return spark.read().parquet(folder().resolve(table).toString()).count();
  }

  @Test
  void everyTableHasExactlyTheExpectedRows() {
    assertEquals(TRIALS, planned.size());
    assertEquals(TRIALS, report.ran());
    assertEquals(TRIALS, sparkCount("trials"));
    assertEquals(TRIALS * CHECKPOINTS * LAYERS, sparkCount("layers"));
    assertEquals(TRIALS * CHECKPOINTS * NEURONS, sparkCount("neurons"));
    assertEquals(TRIALS * CHECKPOINTS, sparkCount("curves"));
    assertEquals(0, sparkCount("events"));
  }

  @Test
  void trialsTableHoldsEachPlannedTrialOnce() {
    List<Row> ids = spark.read().parquet(folder().resolve("trials").toString()).select("trial_id").collectAsList();
    Set<String> written = ids.stream().map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = planned.stream().map(TrialConfig::trialId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(TRIALS, ids.size());
    assertEquals(expected, written);
  }

  @Test
  void duckDbReadsTheSameRowsAndAggregatesAsSpark() throws Exception {
    try (DuckDb duck = new DuckDb(folder())) {
      for (String t : List.of("trials", "layers", "neurons", "curves")) {
        assertEquals(sparkCount(t), duck.count("SELECT count(*) FROM " + t), t);
      }
      String byActivation = "SELECT activation, count(*), avg(dead_fraction), sum(born_dead) "
          + "FROM trials GROUP BY activation ORDER BY activation";
      List<List<Object>> d = duck.query(byActivation);
      spark.read().parquet(folder().resolve("trials").toString()).createOrReplaceTempView("trials_e2e");
      List<Row> s = spark.sql(byActivation.replace("FROM trials", "FROM trials_e2e")).collectAsList();
      assertEquals(s.size(), d.size());
      for (int i = 0; i < s.size(); i++) {
        assertEquals(s.get(i).getString(0), d.get(i).get(0));
        assertEquals(s.get(i).getLong(1), ((Number) d.get(i).get(1)).longValue());
        assertEquals(s.get(i).getDouble(2), ((Number) d.get(i).get(2)).doubleValue(), 1e-12);
        assertEquals(s.get(i).getLong(3), ((Number) d.get(i).get(3)).longValue());
      }
      String neurons = "SELECT sum(active_rate), sum(CASE WHEN dead THEN 1 ELSE 0 END), max(step) FROM neurons";
      spark.read().parquet(folder().resolve("neurons").toString()).createOrReplaceTempView("neurons_e2e");
      Row sn = spark.sql(neurons.replace("FROM neurons", "FROM neurons_e2e")).first();
      List<Object> dn = duck.query(neurons).get(0);
      assertEquals(sn.getDouble(0), ((Number) dn.get(0)).doubleValue(), 1e-9);
      assertEquals(sn.getLong(1), ((Number) dn.get(1)).longValue());
      assertEquals(30, ((Number) dn.get(2)).intValue());
    }
  }

  @Test
  void eachNeuronsFileIsSortedByTrialStepLayerNeuronForPushDown() throws Exception {
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.list(folder().resolve("neurons"))) {
      files = s.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    assertTrue(!files.isEmpty());
    try (DuckDb duck = new DuckDb(folder())) {
      for (Path f : files) {
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT file_row_number, row_number() OVER "
            + "(ORDER BY trial_id, step, layer, neuron) - 1 AS sorted_position FROM read_parquet('" + f
            + "', file_row_number = true)) WHERE file_row_number <> sorted_position"), f.toString());
      }
    }
  }

  @Test
  void everyTrialsRowCarriesTheEngineVersionTheBuildDerived() throws Exception {
    try (DuckDb duck = new DuckDb(folder())) {
      assertEquals(List.of(List.of(EngineVersion.current())), duck.query("SELECT DISTINCT engine_version FROM trials"));
    }
    assertTrue(EngineVersion.current().matches("[0-9a-f]{12}"), EngineVersion.current());
  }

  @Test
  void leakyReluHasNoDeadNeuronsInTheTables() throws Exception {
    try (DuckDb duck = new DuckDb(folder())) {
      assertEquals(0, duck.count("SELECT count(*) FROM neurons n JOIN trials t USING (trial_id) "
          + "WHERE t.activation = 'leaky_relu' AND n.dead"));
      assertEquals(0, duck.count("SELECT count(*) FROM trials WHERE activation = 'leaky_relu' AND alpha IS NULL"));
      assertEquals(0, duck.count("SELECT count(*) FROM trials WHERE activation = 'relu' AND alpha IS NOT NULL"));
    }
  }

  @Test
  void rerunningTheSameSweepSkipsEveryTrial() throws Exception {
    SweepSpec spec = SweepLoader.load("e2e.yaml", SWEEP);
    SweepReport again = new SweepRunner(spark, new PrintStream(System.out))
        .run(spec.name(), spec.expand(), SweepOptions.of(out.toString(), 2, 3), SWEEP);
    assertEquals(TRIALS, again.skipped());
    assertEquals(0, again.ran());
    assertEquals(TRIALS, sparkCount("trials"));
    assertTrue(Files.exists(folder().resolve("_deadrelu/waves")));
  }
}
