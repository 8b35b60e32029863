package org.deadrelu.model.config;

import java.io.Serializable;

/**
 * What kind of value a setting holds and which values it accepts: its Java type, how it is written
 * (in trial ids, messages and the reference), its column type in the trials table.
 *
 * @param <T> the Java type of a value
 */
public sealed interface ValueType<T> extends Serializable
    permits IntegerType, LongType, NumberType, FlagType, TextType, ChoiceType, WidthsType {

  Class<T> javaType();

  /** The type's name in the settings reference: "integer", "number", "choice", ... */
  String typeName();

  /** What the setting accepts, for messages: "an integer >= 1", "one of sgd, momentum, adam". */
  String accepts();

  /** Null when {@code value} is accepted, else why not, in the sweep reader's words: "must be >= 1, got 0". */
  String complaint(T value);

  ColumnType columnType();

  /** The value as trial ids and messages spell it: enums in lower case, widths as "64-64". */
  default String text(T value) {
    return String.valueOf(value);
  }

  /** The value as a sweep file writes it (the settings reference shows defaults this way). */
  default String written(T value) {
    return text(value);
  }

  /** The value in its trials-table column. */
  default Object columnValue(T value) {
    return value;
  }

  /** {@code value}, which must be of this type: values read generically (from a sweep file) come in as Object. */
  default T cast(Object value) {
    return javaType().cast(value);
  }
}
