package org.deadrelu.jobs.output;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;

/**
 * The tables of a sweep's result folder, for reading: every table with committed Parquet parts (the
 * files the ledger names, so a sweep writing the folder meanwhile is never half-read), read with its
 * pinned schema (so opening a folder runs no Spark job to infer one from the files).
 */
public final class ResultTables {
  private final SparkSession spark;
  private final String folder;
  private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();

  private ResultTables(SparkSession spark, String folder) {
    this.spark = spark;
    this.folder = folder;
  }

  /** Opens a result folder; it must hold a trials table. */
  public static ResultTables open(SparkSession spark, String folder) throws IOException {
    ResultTables r = new ResultTables(spark, folder);
    Path root = new Path(folder);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    // a sweep may be writing the folder: only the files its ledger has committed count, never a
    // wave's files moved into place before its manifest (and no lease is needed to read)
    Set<String> committed = ResultStore.committedFiles(fs, root);
    for (Table<?> t : Tables.all()) {
      Path p = new Path(folder, t.name());
      String[] files;
      if (!committed.isEmpty()) {
        files = committed.stream().filter(f -> f.startsWith(t.name() + "/")).sorted()
            .map(f -> new Path(root, f).toString()).toArray(String[]::new);
      } else if (fs.exists(p)) { // a folder of Parquet parts written without a ledger
        files = fs.listStatus(p, f -> f.getName().endsWith(".parquet")).length > 0 ? new String[] {p.toString()} : new String[0];
      } else {
        files = new String[0];
      }
      if (files.length > 0) {
        r.tables.put(t.name(), spark.read().schema(t.schema()).parquet(files));
      }
    }
    if (!r.tables.containsKey("trials")) {
      throw new UserInputException("result folder " + folder
          + ": holds no trials table; give a sweep's folder, e.g. results/quickstart");
    }
    return r;
  }

  public SparkSession spark() {
    return spark;
  }

  public String folder() {
    return folder;
  }

  /** The table, or null when the folder has none of it. */
  public Dataset<Row> table(String name) {
    return tables.get(name);
  }

  /** Names of the tables present, in {@link Tables#all()} order. */
  public List<String> names() {
    return List.copyOf(tables.keySet());
  }

  /** Registers each table as a Spark SQL view named after it; returns the view names. */
  public List<String> registerViews() {
    tables.forEach((name, df) -> df.createOrReplaceTempView(name));
    return names();
  }
}
