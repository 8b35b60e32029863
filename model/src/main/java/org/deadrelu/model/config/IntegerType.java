package org.deadrelu.model.config;

/** A whole-number setting held as an int (steps, widths, counts). */
public record IntegerType(IntegerRange range) implements ValueType<Integer> {

  @Override
  public Class<Integer> javaType() {
    return Integer.class;
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
  public String complaint(Integer value) {
    return range.contains(value) ? null : "must be " + range.describe() + ", got " + value;
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.INT;
  }
}
