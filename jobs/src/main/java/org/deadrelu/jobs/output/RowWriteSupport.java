package org.deadrelu.jobs.output;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Hands a table's rows to Parquet's record writer, field by field, in the layout of {@link ParquetLayout}. */
final class RowWriteSupport extends WriteSupport<Row> {
  private final StructType schema;
  private final StructField[] fields;
  private RecordConsumer out;
  /**
   * The encoded form of strings already written: a table repeats a few (trial ids, layer and table
   * names) on every row, and encoding each afresh was a large part of writing. Bounded, since the
   * strings of one file are few but need not be.
   */
  private final Map<String, Binary> encoded = new HashMap<>();

  RowWriteSupport(StructType schema) {
    this.schema = schema;
    this.fields = schema.fields();
  }

  @Override
  public WriteContext init(Configuration conf) {
    MessageType parquet = ParquetLayout.of(schema);
    return new WriteContext(parquet, Map.of(ParquetLayout.SPARK_SCHEMA_KEY, schema.json()));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Row row) {
    out.startMessage();
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      if (row.isNullAt(i)) {
        if (!f.nullable()) {
          throw new IllegalArgumentException("column " + f.name() + " is null, and it may not be");
        }
        continue; // an absent optional field is a null
      }
      out.startField(f.name(), i);
      if (f.dataType() instanceof ArrayType a) {
        list(row.getList(i), a);
      } else {
        primitive(f.dataType(), row.get(i));
      }
      out.endField(f.name(), i);
    }
    out.endMessage();
  }

  /** A standard three-level list: group (LIST) { repeated group list { element } }. */
  private void list(List<Object> values, ArrayType type) {
    out.startGroup();
    if (!values.isEmpty()) {
      out.startField("list", 0);
      for (Object v : values) {
        out.startGroup();
        if (v != null) {
          out.startField("element", 0);
          primitive(type.elementType(), v);
          out.endField("element", 0);
        }
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
  }

  private void primitive(DataType type, Object v) {
    if (v instanceof String s) {
      out.addBinary(binary(s));
    } else if (v instanceof Integer n) {
      out.addInteger(n);
    } else if (v instanceof Long n) {
      out.addLong(n);
    } else if (v instanceof Double d) {
      out.addDouble(d);
    } else if (v instanceof Boolean b) {
      out.addBoolean(b);
    } else {
      throw new IllegalArgumentException("no Parquet value for " + v.getClass().getName() + " as " + type.simpleString());
    }
  }

  private Binary binary(String s) {
    Binary b = encoded.get(s);
    if (b == null) {
      if (encoded.size() >= 4096) {
        encoded.clear();
      }
      b = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
      encoded.put(s, b);
    }
    return b;
  }
}
