package org.deadrelu.jobs.output;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

/**
 * How a table's rows become Parquet files: sorted within each file by the table's sort columns and
 * cut into row groups of 16 MiB, so the row-group statistics on {@code trial_id}, {@code step} and
 * {@code layer} let a reader such as DuckDB skip most of a large table for a predicate on them.
 */
public final class TableFiles {
  /** Parquet row groups of 16 MiB: fine-grained enough for predicate push-down on sorted columns. */
  public static final int ROW_GROUP_BYTES = 16 << 20;

  private TableFiles() {}

  /** Appends {@code rows} (in the table's schema) to the Parquet folder {@code path}, as {@code files} files. */
  public static void append(Table<?> table, Dataset<Row> rows, String path, int files) {
    rows.coalesce(files)
        .sortWithinPartitions(Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new))
        .write()
        .option("parquet.block.size", ROW_GROUP_BYTES)
        .mode(SaveMode.Append)
        .parquet(path);
  }
}
