package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and Parquet data sets at a Hadoop path, good and bad. */
class CliDataFilesTest {
  @TempDir static Path tmp;
  static Path csv;
  static Path parquet;

  @BeforeAll
  static void files() throws Exception {
    StringBuilder s = new StringBuilder("a,b,target\n");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      double a = Math.sin(i);
      double b = Math.cos(3 * i);
      int y = a + b > 0 ? 1 : 0;
      s.append(a).append(',').append(b).append(',').append(y).append('\n');
      rows.add(RowFactory.create(a, b, y));
    }
    csv = tmp.resolve("data.csv");
    Files.writeString(csv, s);
    SparkSession spark = SparkTestSession.get();
    StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
        .add("target", DataTypes.IntegerType);
    parquet = tmp.resolve("data.parquet");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
  }

  static Path sweep(String name, String data) throws Exception {
    Path p = tmp.resolve(name + ".yaml");
    Files.writeString(p, "name: " + name + "\ndata: " + data + "\nmodel: {hidden: [3]}\n"
        + "train: {steps: 4, batch_size: 8}\nprobe: {every: 2, samples: 16}\n");
    return p;
  }

  @Test
  void csvAndParquetFilesAtAHadoopPathTrain() throws Exception {
    for (String kind : List.of("csv", "parquet")) {
      Path data = kind.equals("csv") ? csv : parquet;
      Path out = tmp.resolve("out-" + kind);
      CliRun r = CliRun.of("sweep", sweep("file-" + kind, "{source: " + kind + ", path: 'file://" + data
          + "', label: target}").toString(), "--out", out.toString(), "--progress", "0");
      assertEquals(0, r.code(), r.out() + r.err());
      try (DuckDb duck = new DuckDb(out.resolve("file-" + kind))) {
        assertEquals(1, duck.count("SELECT count(*) FROM trials WHERE status = 'ok' AND dataset LIKE '%data." + kind + "'"));
        // 2 features in, 2 classes out: 3 hidden + 2 output neurons at checkpoints 0, 2, 4
        assertEquals(3 * 5, duck.count("SELECT count(*) FROM neurons"));
      }
    }
  }

  @Test
  void aMissingDataFileIsAnInputErrorAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out-missing");
    CliRun r = CliRun.of("sweep", sweep("missing", "{source: csv, path: '" + tmp.resolve("nope.csv")
        + "'}").toString(), "--out", out.toString());
    assertEquals(Main.EXIT_INVALID_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("nope.csv"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aDataFileWithoutTheLabelColumnNamesTheColumnsItHas() throws Exception {
    Path out = tmp.resolve("out-nolabel");
    CliRun r = CliRun.of("sweep", sweep("nolabel", "{source: csv, path: '" + csv + "', label: y}").toString(),
        "--out", out.toString());
    assertEquals(Main.EXIT_INVALID_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("has no label column 'y'"), r.err());
    assertTrue(r.err().contains("[a, b, target]"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void nonNumericAndRaggedCsvFilesAreInputErrors() throws Exception {
    Path text = tmp.resolve("text.csv");
    Files.writeString(text, "a,label\n1.0,0\nhello,1\n");
    CliRun r = CliRun.of("validate", sweep("text", "{source: csv, path: '" + text + "'}").toString());
    assertEquals(Main.EXIT_INVALID_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("column 'a' is not numeric"), r.err());

    Path ragged = tmp.resolve("ragged.csv");
    Files.writeString(ragged, "a,b,label\n1.0,2.0,0\n3.0,1\n");
    CliRun rr = CliRun.of("validate", sweep("ragged", "{source: csv, path: '" + ragged + "'}").toString());
    assertEquals(Main.EXIT_INVALID_INPUT, rr.code(), rr.err());
    assertTrue(rr.err().contains("ragged.csv"), rr.err());
  }
}
