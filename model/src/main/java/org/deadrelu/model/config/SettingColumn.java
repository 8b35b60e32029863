package org.deadrelu.model.config;

import java.io.Serializable;

/**
 * A column of the trials table that a setting fills: its own, or one derived from it (depth and
 * width from model.hidden).
 *
 * @param name the column's name
 * @param type its type
 * @param nullable whether a trial can leave it empty
 * @param value the column's value from the setting's (non-null) value
 */
public record SettingColumn<T>(String name, ColumnType type, boolean nullable, Value<T> value) implements Serializable {

  /** Derives a column value from a setting value; serializable, since trials travel to executors. */
  public interface Value<T> extends Serializable {
    Object of(T settingValue);
  }

  /** The column's value for a trial whose setting holds {@code settingValue} (null: none). */
  public Object valueOf(T settingValue) {
    return settingValue == null ? null : value.of(settingValue);
  }
}
