package org.deadrelu.model.config;

/**
 * Free text such as a path or a column name: anything not blank.
 *
 * @param what what the text is, as messages say it: "a Hadoop path such as file:///data/wine.csv"
 */
public record TextType(String what) implements ValueType<String> {

  @Override
  public Class<String> javaType() {
    return String.class;
  }

  @Override
  public String typeName() {
    return "text";
  }

  @Override
  public String accepts() {
    return what;
  }

  @Override
  public String complaint(String value) {
    return value.isBlank() ? "must be " + what + ", got '" + value + "'" : null;
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.STRING;
  }
}
