package org.deadrelu.model.config;

/** A whole-number setting held as a long (seeds). */
public record LongType(IntegerRange range) implements ValueType<Long> {

  @Override
  public Class<Long> javaType() {
    return Long.class;
  }

  @Override
  public String typeName() {
    return "integer";
  }

  @Override
  public String accepts() {
    return range.accepts();
  }

  @Override
  public String complaint(Long value) {
    return range.contains(value) ? null : "must be " + range.describe() + ", got " + value;
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.BIGINT;
  }
}
