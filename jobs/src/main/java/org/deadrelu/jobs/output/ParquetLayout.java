package org.deadrelu.jobs.output;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's Parquet schema as Spark itself writes it (standard three-level lists, strings as
 * annotated binary, {@code required} for columns that are never null), so files written by a task
 * and files written by Spark's own writer (compaction) are one table to every reader.
 */
final class ParquetLayout {
  /** The footer key under which Spark keeps a file's Spark schema (it reads the exact types back from it). */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetLayout() {}

  static MessageType of(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField f : schema.fields()) {
      message.addField(field(f.name(), f.dataType(), f.nullable()));
    }
    return message.named("spark_schema");
  }

  private static Type field(String name, DataType type, boolean nullable) {
    Repetition repetition = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
    if (type instanceof ArrayType a) {
      return Types.list(repetition).element(field("element", a.elementType(), a.containsNull())).named(name);
    }
    if (type.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
    }
    if (type.equals(DataTypes.IntegerType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    }
    if (type.equals(DataTypes.LongType)) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    }
    if (type.equals(DataTypes.BooleanType)) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
    }
    throw new IllegalArgumentException("column " + name + ": no Parquet layout for " + type.simpleString());
  }
}
