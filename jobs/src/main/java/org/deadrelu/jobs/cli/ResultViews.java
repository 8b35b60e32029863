package org.deadrelu.jobs.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.Tables;

/** Registers each table of a sweep's result folder as a Spark SQL view named after it. */
final class ResultViews {
  private ResultViews() {}

  static List<String> register(SparkSession spark, String folder) throws IOException {
    List<String> views = new ArrayList<>();
    for (Table<?> t : Tables.all()) {
      Path p = new Path(folder, t.name());
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p) && fs.listStatus(p, f -> f.getName().endsWith(".parquet")).length > 0) {
        spark.read().parquet(p.toString()).createOrReplaceTempView(t.name());
        views.add(t.name());
      }
    }
    if (!views.contains("trials")) {
      throw new UserInputException("result folder " + folder
          + ": holds no trials table; give a sweep's folder, e.g. results/quickstart");
    }
    return views;
  }
}
