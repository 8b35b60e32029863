package org.deadrelu.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Where a report's outputs go: small Parquet tables, summary.csv and report.html, under one folder. */
final class ReportFiles {
  private final SparkSession spark;
  private final String out;
  private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "report-writer");
    t.setDaemon(true);
    return t;
  });
  private final List<CompletableFuture<Void>> writes = new ArrayList<>();

  ReportFiles(SparkSession spark, String out) {
    this.spark = spark;
    this.out = out;
  }

  /**
   * A table of rows computed on the driver, as one Parquet file in the folder {@code name}. Written
   * in the background, beside the report's other work: a Spark write of a few rows is mostly fixed
   * cost on the driver. {@link #finish()} waits for every write.
   */
  void parquet(String name, StructType schema, List<Row> rows) {
    writes.add(CompletableFuture.runAsync(() -> spark.createDataFrame(rows, schema).coalesce(1).write()
        .mode(SaveMode.Overwrite).parquet(new Path(out, name).toString()), pool));
  }

  /** Waits for the Parquet writes; rethrows the first failure. */
  void finish() {
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      pool.shutdown();
    }
  }

  void csv(String name, StructType schema, List<Row> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", schema.fieldNames())).append('\n');
    for (Row r : rows) {
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object v = r.get(i);
        if (v != null) {
          String s = String.valueOf(v);
          sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
      }
      sb.append('\n');
    }
    text(name, sb.toString());
  }

  /** Writes a text file; returns its path. */
  String text(String name, String text) throws IOException {
    Path p = new Path(out, name);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream os = fs.create(p, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out + "/" + name;
  }

  /** A schema from "name:type" pairs (string, int, long, anything else double), every field nullable. */
  static StructType schema(String... fields) {
    List<StructField> out = new ArrayList<>();
    for (String f : fields) {
      String[] nt = f.split(":");
      DataType t = switch (nt[1]) {
        case "string" -> DataTypes.StringType;
        case "int" -> DataTypes.IntegerType;
        case "long" -> DataTypes.LongType;
        default -> DataTypes.DoubleType;
      };
      out.add(DataTypes.createStructField(nt[0], t, true));
    }
    return DataTypes.createStructType(out);
  }

  /** NaN as null: a missing value in the tables. */
  static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
