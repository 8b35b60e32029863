package org.deadrelu.model.config;

import java.util.Arrays;
import java.util.List;

/**
 * A setting with a fixed set of values, each known by a lower-case name: an enum's constants
 * ("leaky_relu") or a few words ("classification").
 *
 * @param javaType the values' type
 * @param values every accepted value, in the order messages list them
 */
public record ChoiceType<T>(Class<T> javaType, List<T> values) implements ValueType<T> {

  public ChoiceType {
    values = List.copyOf(values);
  }

  public static <E extends Enum<E>> ChoiceType<E> of(Class<E> type) {
    return new ChoiceType<>(type, Arrays.asList(type.getEnumConstants()));
  }

  public static ChoiceType<String> words(String... words) {
    return new ChoiceType<>(String.class, List.of(words));
  }

  public List<String> names() {
    return values.stream().map(this::text).toList();
  }

  /** The value named {@code name} (any case, surrounding blanks ignored), or null when there is none. */
  public T parse(String name) {
    String wanted = name.trim();
    return values.stream().filter(v -> text(v).equalsIgnoreCase(wanted)).findFirst().orElse(null);
  }

  @Override
  public String typeName() {
    return "choice";
  }

  @Override
  public String accepts() {
    return "one of " + String.join(", ", names());
  }

  @Override
  public String complaint(T value) {
    return values.contains(value) ? null : "must be " + accepts() + ", got '" + text(value) + "'";
  }

  @Override
  public String text(T value) {
    return value instanceof Enum<?> e ? EnumNames.of(e) : String.valueOf(value);
  }

  @Override
  public Object columnValue(T value) {
    return text(value);
  }

  @Override
  public ColumnType columnType() {
    return ColumnType.STRING;
  }
}
