package org.deadrelu.jobs.output;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * How a table's rows become Parquet files: sorted within each file by the table's sort columns and
 * cut into row groups of 16 MiB, so the row-group statistics on {@code trial_id}, {@code step} and
 * {@code layer} let a reader such as DuckDB skip most of a large table for a predicate on them. A
 * shard's task writes its rows this way, one file per table, where it trained them.
 */
public final class TableFiles {
  /** Parquet row groups of 16 MiB: fine-grained enough for predicate push-down on sorted columns. */
  public static final int ROW_GROUP_BYTES = 16 << 20;
  /** Parquet's default page size, which the compressors' buffers are sized for. */
  static final int PAGE_BYTES = ParquetProperties.DEFAULT_PAGE_SIZE;

  private TableFiles() {}

  /**
   * Writes {@code rows} (in the table's schema), sorted by its sort columns, as one snappy-compressed
   * Parquet file at {@code file}; fails if the file exists. An empty list gives a file with the
   * schema and no rows.
   */
  public static void write(Table<?> table, List<Row> rows, Path file, Configuration conf) throws IOException {
    StructType schema = table.schema();
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(order(table, schema));
    Builder builder = new Builder(outputFile(file, conf), schema)
        .withConf(conf)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        // pages compressed buffer to buffer: the default factory opens a Hadoop compressor stream and
        // allocates its buffers for every page, a fifth of writing a shard's tables (JFR); the writer
        // releases the factory when it closes
        .withCodecFactory(CodecFactory.createDirectCodecFactory(conf, new DirectByteBufferAllocator(), PAGE_BYTES))
        .withRowGroupSize(ROW_GROUP_BYTES);
    for (String column : measureColumns(schema)) {
      builder = builder.withDictionaryEncoding(column, false);
    }
    try (ParquetWriter<Row> w = builder.build()) {
      for (Row r : sorted) {
        w.write(r);
      }
    }
  }

  /**
   * The double columns (lists' elements included), by their Parquet paths in the file's layout:
   * measured values, nearly all distinct, for which a dictionary is built value by value and then
   * thrown away as larger than the values themselves (it was a tenth of a small trial's time).
   * Integers, strings and booleans keep their dictionaries.
   */
  static List<String> measureColumns(StructType schema) {
    List<String> out = new ArrayList<>();
    for (ColumnDescriptor c : ParquetLayout.of(schema).getColumns()) {
      if (c.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE) {
        out.add(String.join(".", c.getPath()));
      }
    }
    return out;
  }

  /**
   * The file to write. On the local file system, written directly: Hadoop's local file system sets
   * each new file's permissions by running {@code chmod} in a child process (when its native library
   * is absent, as it is here), which cost more than writing a small shard's rows.
   */
  static OutputFile outputFile(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(file).toUri());
      Files.createDirectories(local.getParent());
      return new LocalOutputFile(local);
    }
    return HadoopOutputFile.fromPath(file, conf);
  }

  /** The table's sort columns, compared in turn (strings and integers, never null). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Row> order(Table<?> table, StructType schema) {
    int[] keys = Arrays.stream(table.sortColumns()).mapToInt(schema::fieldIndex).toArray();
    return (a, b) -> {
      for (int k : keys) {
        int c = ((Comparable) a.get(k)).compareTo(b.get(k));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final StructType schema;

    Builder(OutputFile file, StructType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }
}
