package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A task's own Parquet file ({@link TableFiles#write}) against Spark's writer on the same rows, for
 * every table. DuckDB is the judge: it reads the same rows, with the same column types, from both;
 * the task's file is in the table's sort order. Spark reads the task's file back with the table's
 * types.
 */
class TaskFileTest {
  static final int ROWS = 500;

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  /**
   * Rows for any of the tables' schemas: five trials in shuffled order, small step/layer/neuron
   * numbers (so the sort has work to do, ties included), every third nullable value null, NaN and
   * infinities among the doubles, lists of zero to three elements, text beyond ASCII.
   */
  static List<Row> rows(StructType schema, long seed) {
    Random r = new Random(seed);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Object[] v = new Object[schema.size()];
      for (int c = 0; c < v.length; c++) {
        StructField f = schema.fields()[c];
        if (f.name().equals("trial_id")) {
          v[c] = "trial-" + r.nextInt(5);
        } else if (f.nullable() && r.nextInt(3) == 0) {
          v[c] = null;
        } else {
          v[c] = value(f.dataType(), r);
        }
      }
      out.add(RowFactory.create(v));
    }
    return out;
  }

  private static Object value(DataType t, Random r) {
    if (t instanceof ArrayType a) {
      List<Object> xs = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        xs.add(value(a.elementType(), r));
      }
      return CollectionConverters.asScala(xs).toSeq();
    }
    if (t.equals(DataTypes.StringType)) {
      return "s\u00e9-" + r.nextInt(7);
    }
    if (t.equals(DataTypes.IntegerType)) {
      return r.nextInt(4);
    }
    if (t.equals(DataTypes.LongType)) {
      return r.nextLong();
    }
    if (t.equals(DataTypes.BooleanType)) {
      return r.nextBoolean();
    }
    double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
    return r.nextInt(10) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian();
  }

  private static List<String> strings(DuckDb duck, String sql) throws java.sql.SQLException {
    return duck.query(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
  }

  private static Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  @Test
  void duckDbReadsTheSameRowsAndTypesAsFromSparksOwnWriter() throws Exception {
    for (Table<?> t : Tables.all()) {
      List<Row> rows = rows(t.schema(), t.name().hashCode());
      Path bySpark = dir.resolve("spark-" + t.name());
      SparkTableFiles.append(t, spark.createDataFrame(rows, t.schema()), bySpark.toString(), 1);
      Path byTask = dir.resolve("task-" + t.name() + ".parquet");
      TableFiles.write(t, rows, new org.apache.hadoop.fs.Path(byTask.toString()), conf());
      try (DuckDb duck = new DuckDb()) {
        String a = "read_parquet('" + bySpark + "/*.parquet')";
        String b = "read_parquet('" + byTask + "')";
        assertEquals(ROWS, duck.count("SELECT count(*) FROM " + b), t.name());
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")"),
            t.name() + ": rows only Spark's file has");
        assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")"),
            t.name() + ": rows only the task's file has");
        assertEquals(strings(duck, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM " + a + ")"),
            strings(duck, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM " + b + ")"), t.name());
        String layout = "SELECT concat_ws(' ', name, type, repetition_type, converted_type, logical_type, num_children)"
            + " FROM parquet_schema('%s')";
        assertEquals(strings(duck, String.format(layout, bySpark + "/*.parquet")),
            strings(duck, String.format(layout, byTask)), t.name() + ": the Parquet layout");
      }
    }
  }

  @Test
  void measuredDoublesAreWrittenWithoutADictionaryAndKeysWithOne() throws Exception {
    for (Table<?> t : List.of(NeuronsTable.TABLE, TrialsTable.TABLE)) {
      Path file = dir.resolve("encodings-" + t.name() + ".parquet");
      // doubles of few distinct values, which Parquet would keep in a dictionary were one enabled
      TableFiles.write(t, rows(t.schema(), 11).stream().map(TaskFileTest::roundedDoubles).toList(),
          new org.apache.hadoop.fs.Path(file.toString()), conf());
      // the double columns by the schema, a list's elements under DuckDB's name for them
      List<String> doubles = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        if (f.dataType().equals(DataTypes.DoubleType)) {
          doubles.add(f.name());
        } else if (f.dataType() instanceof ArrayType a && a.elementType().equals(DataTypes.DoubleType)) {
          doubles.add(f.name() + ", list, element");
        }
      }
      assertTrue(doubles.size() > 1, t.name() + " has measured doubles");
      try (DuckDb duck = new DuckDb()) {
        List<String> seen = new ArrayList<>();
        for (List<Object> r : duck.query("SELECT path_in_schema, encodings FROM parquet_metadata('" + file + "')")) {
          String column = String.valueOf(r.get(0));
          String encodings = String.valueOf(r.get(1));
          if (doubles.contains(column)) {
            seen.add(column);
            assertFalse(encodings.contains("DICTIONARY"), t.name() + "." + column + ": " + encodings);
          }
          if (column.equals("trial_id")) {
            assertTrue(encodings.contains("DICTIONARY"), t.name() + "." + column + ": " + encodings);
          }
        }
        assertEquals(doubles.stream().sorted().toList(), seen.stream().distinct().sorted().toList(),
            t.name() + ": every double column found in the file");
      }
    }
  }

  /** The row with every double, in a list or not, rounded to a whole number. */
  private static Row roundedDoubles(Row r) {
    Object[] v = new Object[r.size()];
    for (int c = 0; c < v.length; c++) {
      Object x = r.get(c);
      if (x instanceof Double d) {
        v[c] = (double) Math.round(d);
      } else if (x instanceof scala.collection.Seq<?> seq) {
        List<Object> xs = new ArrayList<>();
        for (Object e : CollectionConverters.asJava(seq)) {
          xs.add(e instanceof Double d ? (Object) (double) Math.round(d) : e);
        }
        v[c] = CollectionConverters.asScala(xs).toSeq();
      } else {
        v[c] = x;
      }
    }
    return RowFactory.create(v);
  }

  @Test
  void theFileIsInTheTablesSortOrder() throws Exception {
    Table<?> t = NeuronsTable.TABLE;
    Path file = dir.resolve("sorted.parquet");
    TableFiles.write(t, rows(t.schema(), 7), new org.apache.hadoop.fs.Path(file.toString()), conf());
    String keys = String.join(", ", t.sortColumns());
    try (DuckDb duck = new DuckDb()) {
      // ties keep the file's order, so any row out of the sort order moves some position
      long misplaced = duck.count("SELECT count(*) FROM (SELECT file_row_number, row_number() OVER (ORDER BY "
          + keys + ", file_row_number) - 1 AS position FROM read_parquet('" + file
          + "', file_row_number = true)) WHERE position <> file_row_number");
      assertEquals(0, misplaced);
      assertEquals(5, duck.count("SELECT count(DISTINCT trial_id) FROM read_parquet('" + file + "')"));
    }
  }

  @Test
  void sparkReadsTheTaskFileWithTheTablesTypes() throws IOException {
    for (Table<?> t : Tables.all()) {
      Path file = dir.resolve("types-" + t.name() + ".parquet");
      TableFiles.write(t, rows(t.schema(), 3), new org.apache.hadoop.fs.Path(file.toString()), conf());
      StructType read = spark.read().parquet(file.toString()).schema();
      assertEquals(Arrays.stream(t.schema().fields()).map(f -> f.name() + " " + f.dataType().simpleString()).toList(),
          Arrays.stream(read.fields()).map(f -> f.name() + " " + f.dataType().simpleString()).toList(), t.name());
      assertEquals(ROWS, spark.read().schema(t.schema()).parquet(file.toString()).count(), t.name());
    }
  }

  @Test
  void noRowsGiveAFileWithTheSchema() throws Exception {
    Table<?> t = EventsTable.TABLE;
    Path file = dir.resolve("empty.parquet");
    TableFiles.write(t, List.of(), new org.apache.hadoop.fs.Path(file.toString()), conf());
    try (DuckDb duck = new DuckDb()) {
      assertEquals(0, duck.count("SELECT count(*) FROM read_parquet('" + file + "')"));
      assertEquals(Arrays.asList(t.schema().fieldNames()),
          strings(duck, "SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))"));
    }
  }

  @Test
  void anExistingFileIsNeverOverwrittenAndANullInARequiredColumnIsRefused() throws IOException {
    Table<?> t = CurvesTable.TABLE;
    Path file = dir.resolve("once.parquet");
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toString());
    TableFiles.write(t, rows(t.schema(), 1), p, conf());
    long size = Files.size(file);
    assertThrows(IOException.class, () -> TableFiles.write(t, rows(t.schema(), 2), p, conf()));
    assertEquals(size, Files.size(file));

    Row first = rows(t.schema(), 4).get(0);
    Object[] v = new Object[first.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = first.get(i);
    }
    int required = t.schema().fieldIndex("step");
    v[required] = null;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFiles.write(t,
        List.of(RowFactory.create(v)), new org.apache.hadoop.fs.Path(dir.resolve("null.parquet").toString()), conf()));
    assertTrue(e.getMessage().contains("step"), e.getMessage());
  }
}
