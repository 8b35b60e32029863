package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables are the analysts' contract: the columns, types and nullability of the files a sweep
 * writes are pinned here, read by DuckDB (not by the code that writes them). A change to a schema
 * is deliberate: update the file under src/test/resources/schema, the columns in docs/tables.md, and
 * the engine version if values change meaning.
 */
class SchemaPinTest {
  @TempDir static Path tmp;
  static Path folder;

  @BeforeAll
  static void sweep() throws Exception {
    SparkTestSession.get();
    // a cure so that events has rows; two activations so alpha and slope are both null and not
    Path file = tmp.resolve("pins.yaml");
    Files.writeString(file, "name: pins\n"
        + "data: {source: blobs, samples: 120, classes: 2, features: 3}\n"
        + "model: {hidden: [4, 3]}\n"
        + "train: {steps: 6, batch_size: 16, lr: 0.5}\n"
        + "probe: {every: 3, samples: 20}\n"
        + "revival: {strategy: kick, every: 2, target: dormant}\n"
        + "seeds: 1\n"
        + "grid: {activation: [relu, prelu]}\n");
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
        "sweep", file.toString(), "--out", tmp.resolve("results").toString(), "--progress", "0");
    assertEquals(0, code, err.toString());
    folder = tmp.resolve("results/pins");
  }

  /** DuckDB's type of a column, spelled as the pin files spell Spark's simple types. */
  private static String sparkName(String duckType) {
    return switch (duckType) {
      case "INTEGER" -> "int";
      case "BIGINT" -> "bigint";
      case "DOUBLE" -> "double";
      case "VARCHAR" -> "string";
      case "BOOLEAN" -> "boolean";
      case "DOUBLE[]" -> "array<double>";
      default -> throw new AssertionError("a type the tables never use: " + duckType);
    };
  }

  /** "name type[ null]" per column of the table's files, in file order, as DuckDB reads them. */
  private static String written(DuckDb duck, String table) throws Exception {
    String files = folder.resolve(table) + "/*.parquet";
    // nullability is the Parquet repetition of each top-level field (OPTIONAL or REQUIRED)
    Map<String, String> repetition = new HashMap<>();
    for (List<Object> row : duck.query("SELECT name, repetition_type FROM parquet_schema('" + files + "')"
        + " WHERE file_name = (SELECT min(file_name) FROM parquet_schema('" + files + "'))")) {
      repetition.putIfAbsent((String) row.get(0), (String) row.get(1));
    }
    StringBuilder s = new StringBuilder();
    for (List<Object> row : duck.query("DESCRIBE SELECT * FROM read_parquet('" + files + "')")) {
      String name = (String) row.get(0);
      s.append(name).append(' ').append(sparkName((String) row.get(1)))
          .append("OPTIONAL".equals(repetition.get(name)) ? " null" : "").append('\n');
    }
    return s.toString();
  }

  @Test
  void everyWrittenTableHasThePinnedColumnsTypesAndNullability() throws Exception {
    List<String> tables = new ArrayList<>();
    try (DuckDb duck = new DuckDb()) {
      for (Table<?> t : Tables.all()) {
        String pinned = Files.readString(Path.of("src/test/resources/schema", t.name() + ".txt"));
        assertEquals(pinned, written(duck, t.name()), "the files of " + t.name());
        tables.add(t.name());
      }
    }
    assertEquals(List.of("neurons", "layers", "curves", "events", "trials"), tables);
  }

  @Test
  void everyWrittenTableStartsWithSweepAndTrialIdAndHasRows() throws Exception {
    try (DuckDb duck = new DuckDb(folder)) {
      for (Table<?> t : Tables.all()) {
        List<List<Object>> columns = duck.query("DESCRIBE " + t.name());
        assertEquals("sweep", columns.get(0).get(0), t.name());
        assertEquals("trial_id", columns.get(1).get(0), t.name());
        assertTrue(duck.count("SELECT count(*) FROM " + t.name()) > 0, t.name() + " has rows");
      }
    }
  }
}
