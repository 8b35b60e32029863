package org.deadrelu.model.config;

import java.util.List;
import java.util.stream.Collectors;

/** Hidden-layer widths, input side first: integers >= 1 ({@code []} is no hidden layer). */
public record WidthsType() implements ValueType<List<Integer>> {

  /** What each width accepts. */
  public static final IntegerRange WIDTH = IntegerRange.atLeast(1);

  @Override
  @SuppressWarnings("unchecked")
  public Class<List<Integer>> javaType() {
    return (Class<List<Integer>>) (Class<?>) List.class;
  }

  @Override
  public String typeName() {
    return "list of integers";
  }

  @Override
  public String accepts() {
    return "a list of layer widths (integers " + WIDTH.describe() + "), such as [64, 64]";
  }

  @Override
  public String complaint(List<Integer> value) {
    boolean ok = value.stream().allMatch(w -> w != null && WIDTH.contains(w));
    return ok ? null : "must be " + accepts() + ", got " + value;
  }

  /** "64-64"; empty for no hidden layer. */
  @Override
  public String text(List<Integer> value) {
    return value.stream().map(String::valueOf).collect(Collectors.joining("-"));
  }

  @Override
  public String written(List<Integer> value) {
    return value.toString();
  }

  @Override
  public Object columnValue(List<Integer> value) {
    return text(value);
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.STRING;
  }
}
