package org.deadrelu.jobs.output;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

/**
 * A table's rows through Spark's own Parquet writer, with the sort and row groups of
 * {@link TableFiles}: the reference a task's files are compared with, and a quick way to write
 * synthetic waves.
 */
public final class SparkTableFiles {
  private SparkTableFiles() {}

  /** Appends {@code rows} (in the table's schema) to the Parquet folder {@code path}, as {@code files} files. */
  public static void append(Table<?> table, Dataset<Row> rows, String path, int files) {
    rows.coalesce(files)
        .sortWithinPartitions(Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new))
        .write()
        .option("parquet.block.size", TableFiles.ROW_GROUP_BYTES)
        .mode(SaveMode.Append)
        .parquet(path);
  }
}
