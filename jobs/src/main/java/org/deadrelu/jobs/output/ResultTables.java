package org.deadrelu.jobs.output;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;

/**
 * The tables of a sweep's result folder, for reading: every table with committed Parquet parts,
 * read with its pinned schema (so opening a folder runs no Spark job to infer one from the files).
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
    for (Table<?> t : Tables.all()) {
      Path p = new Path(folder, t.name());
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p) && fs.listStatus(p, f -> f.getName().endsWith(".parquet")).length > 0) {
        r.tables.put(t.name(), spark.read().schema(t.schema()).parquet(p.toString()));
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
