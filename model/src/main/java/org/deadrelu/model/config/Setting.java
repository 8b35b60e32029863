package org.deadrelu.model.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one declaration of a setting (a hyperparameter such as {@code train.lr}): its name, type and
 * accepted values, its default, which trials it means something for, how it enters the trial id,
 * its columns in the trials table, its role in reports and its line in the settings reference.
 * Sweep files, {@link TrialConfig}, trial ids, the trials table and docs/settings.md all follow
 * from it. Declared with {@link #define}; the project's settings are in {@link Settings}.
 *
 * <p>Settings are equal when their paths are: a catalog holds one setting per path, and a trial
 * read back on an executor finds its values by path.
 *
 * @param <T> the Java type of its values
 */
public final class Setting<T> implements Serializable {

  /** Computes a default from other settings' values; serializable, since trials travel to executors. */
  public interface Derived<T> extends Serializable {
    T from(SettingValues values);
  }

  private final String section;
  private final String key;
  /** section.key, kept: it is every lookup's key. */
  private final String path;
  private final ValueType<T> type;
  private final T fixedDefault;
  private final Derived<T> derivedDefault;
  private final List<Setting<?>> defaultReads;
  private final String defaultDoc;
  private final Applicability<?> applicability;
  private final T none;
  private final boolean hashedOnlyOffDefault;
  private final List<SettingColumn<T>> columns;
  private final boolean axis;
  private final String doc;

  private Setting(Builder<T> b) {
    this.section = b.section;
    this.key = b.key;
    this.path = b.section + "." + b.key;
    this.type = b.type;
    this.fixedDefault = b.fixedDefault;
    this.derivedDefault = b.derivedDefault;
    this.defaultReads = List.copyOf(b.defaultReads);
    this.defaultDoc = b.defaultDoc;
    this.applicability = b.applicability;
    this.none = b.none;
    this.hashedOnlyOffDefault = b.hashedOnlyOffDefault;
    this.axis = b.axis;
    this.doc = Objects.requireNonNull(b.doc, () -> b.section + "." + b.key + ": every setting needs a doc line");
    List<SettingColumn<T>> cols = new ArrayList<>();
    cols.add(new SettingColumn<>(b.column, type.columnType(), optional(), type::columnValue));
    b.extraColumns.forEach(c -> cols.add(new SettingColumn<>(c.name(), c.type(), optional(), c.value())));
    this.columns = List.copyOf(cols);
    if (fixedDefault != null && type.complaint(fixedDefault) != null) {
      throw new IllegalArgumentException(path() + ": default " + type.text(fixedDefault) + " "
          + type.complaint(fixedDefault));
    }
  }

  /**
   * Starts the declaration of setting {@code path} ("section.key", as sweep files write it).
   * Unless declared otherwise it has no default, applies to every trial, is in every trial id,
   * fills one column named after its key and is a report axis.
   */
  public static <T> Builder<T> define(String path, ValueType<T> type) {
    return new Builder<>(path, type);
  }

  /** The section a sweep file writes it in: data, model, train, probe or revival. */
  public String section() {
    return section;
  }

  /** Its name within the section, snake_case: {@code lr}. */
  public String key() {
    return key;
  }

  /** The dotted name: {@code train.lr}. */
  public String path() {
    return path;
  }

  public ValueType<T> type() {
    return type;
  }

  /** One line of documentation, for the settings reference. */
  public String doc() {
    return doc;
  }

  /** The trials-table columns it fills, its own first. */
  public List<SettingColumn<T>> columns() {
    return columns;
  }

  /** Whether a report treats a column of it that varies across trials as an axis. */
  public boolean axis() {
    return axis;
  }

  /** Which trials it applies to; null for every trial. */
  public Applicability<?> applicability() {
    return applicability;
  }

  /** The value that means "none" and is stored as null (revival.washout 0); null if there is none. */
  public T none() {
    return none;
  }

  /** Whether a trial at the fixed default leaves the setting out of its id (so settings added later keep old ids). */
  public boolean hashedOnlyOffDefault() {
    return hashedOnlyOffDefault;
  }

  /** The settings a derived default reads (data.task reads data.source); empty for a fixed default. */
  public List<Setting<?>> defaultReads() {
    return defaultReads;
  }

  /** The fixed default, or null when it has none or it is derived. */
  public T fixedDefault() {
    return fixedDefault;
  }

  /** How the settings reference shows the default. */
  public String defaultDoc() {
    if (defaultDoc != null) {
      return defaultDoc;
    }
    return fixedDefault == null ? "none" : "`" + type.written(fixedDefault) + "`";
  }

  /** Whether a trial can hold no value for it (it does not apply everywhere, or has no default, or a "none" value). */
  public boolean optional() {
    return applicability != null || (fixedDefault == null && derivedDefault == null) || none != null;
  }

  /** {@code value} as this setting's type; the one cast from values read generically. */
  public T cast(Object value) {
    return value == null ? null : type.cast(value);
  }

  /** The value as ids and messages spell it ("leaky_relu", "64-64"); "null" for none. */
  public String textOf(Object value) {
    return value == null ? "null" : type.text(cast(value));
  }

  /** Null when {@code value} is acceptable, else the complaint ("must be >= 0, got -1"). */
  public String complaint(Object value) {
    return type.complaint(cast(value));
  }

  T defaultIn(SettingValues values) {
    return derivedDefault != null ? derivedDefault.from(values) : fixedDefault;
  }

  /** Whether the setting means something for a trial with these values (see {@link #applicability()}). */
  public boolean appliesIn(SettingValues values) {
    return applicability == null || applicability.holds(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Setting<?> s && s.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return path();
  }

  /** A declaration being written; see {@link Setting#define}. */
  public static final class Builder<T> {
    private final String section;
    private final String key;
    private final ValueType<T> type;
    private T fixedDefault;
    private Derived<T> derivedDefault;
    private final List<Setting<?>> defaultReads = new ArrayList<>();
    private String defaultDoc;
    private Applicability<?> applicability;
    private T none;
    private boolean hashedOnlyOffDefault;
    private String column;
    private final List<SettingColumn<T>> extraColumns = new ArrayList<>();
    private boolean axis = true;
    private String doc;

    private Builder(String path, ValueType<T> type) {
      int dot = path.indexOf('.');
      if (dot <= 0 || dot != path.lastIndexOf('.') || dot == path.length() - 1) {
        throw new IllegalArgumentException("a setting's path is section.key, got '" + path + "'");
      }
      this.section = path.substring(0, dot);
      this.key = path.substring(dot + 1);
      this.type = Objects.requireNonNull(type, "type");
      this.column = key;
    }

    public Builder<T> byDefault(T value) {
      this.fixedDefault = value;
      return this;
    }

    /**
     * A default that follows from earlier-declared settings ({@code reads}), shown in the reference
     * as {@code doc}.
     */
    public Builder<T> byDefault(String doc, Derived<T> rule, Setting<?>... reads) {
      this.derivedDefault = rule;
      this.defaultDoc = doc;
      this.defaultReads.addAll(List.of(reads));
      return this;
    }

    /** For a setting without a default: what leaving it out means, for the reference ("every row"). */
    public Builder<T> unsetMeans(String doc) {
      this.defaultDoc = doc;
      return this;
    }

    /** The setting means something only where {@code test} holds for {@code on}'s value; elsewhere it is dropped. */
    public <E> Builder<T> onlyWhen(Setting<E> on, Applicability.Test<E> test) {
      this.applicability = new Applicability<>(on, test);
      return this;
    }

    /** {@code value} means none: stored as null, so both spellings are one trial. */
    public Builder<T> noneWhen(T value) {
      this.none = value;
      return this;
    }

    /**
     * Trials at the fixed default leave the setting out of their ids. A setting added to a project
     * with results on disk declares this, so the trials that do not use it keep their ids.
     */
    public Builder<T> hashedOnlyOffDefault() {
      this.hashedOnlyOffDefault = true;
      return this;
    }

    /** The trials-table column's name, when it is not the key. */
    public Builder<T> column(String name) {
      this.column = name;
      return this;
    }

    /** A further column computed from the value (depth and width from hidden). */
    public Builder<T> alsoColumn(String name, ColumnType columnType, SettingColumn.Value<T> value) {
      this.extraColumns.add(new SettingColumn<>(name, columnType, false, value));
      return this;
    }

    /** Reports do not treat the setting's columns as axes even when they vary. */
    public Builder<T> notAnAxis() {
      this.axis = false;
      return this;
    }

    /** The one line the settings reference shows. */
    public Builder<T> doc(String line) {
      this.doc = line;
      return this;
    }

    public Setting<T> build() {
      return new Setting<>(this);
    }
  }
}
