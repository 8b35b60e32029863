package org.deadrelu.model.config;

/** A real-valued setting: finite (no NaN, no infinity) and inside its interval. */
public record NumberType(Interval interval) implements ValueType<Double> {

  @Override
  public Class<Double> javaType() {
    return Double.class;
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public String accepts() {
    return "a finite number" + (interval.bounded() ? " " + interval.describe() : "");
  }

  @Override
  public String complaint(Double value) {
    return Double.isFinite(value) && interval.contains(value) ? null
        : "must be " + (interval.bounded() ? interval.describe() : "finite") + ", got " + Interval.format(value);
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.DOUBLE;
  }
}
