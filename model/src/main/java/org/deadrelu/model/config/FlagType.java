package org.deadrelu.model.config;

/** A yes/no setting. */
public record FlagType() implements ValueType<Boolean> {

  @Override
  public Class<Boolean> javaType() {
    return Boolean.class;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public String accepts() {
    return "true or false";
  }

  @Override
  public String complaint(Boolean value) {
    return null;
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.BOOLEAN;
  }
}
