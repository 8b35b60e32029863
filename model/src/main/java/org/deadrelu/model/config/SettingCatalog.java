package org.deadrelu.model.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The settings a trial has, in order, and the rules between them. The order is that of a trial's
 * canonical text (hashed into its id) and of the setting columns of the trials table. The
 * project's catalog is {@link #standard()}; {@link #with} extends it (a test's extra setting).
 */
public final class SettingCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Setting<?>> settings;
  private final List<CrossSettingRule> rules;
  private final Map<Setting<?>, Integer> index = new HashMap<>();

  public SettingCatalog(List<Setting<?>> settings, List<CrossSettingRule> rules) {
    this.settings = List.copyOf(settings);
    this.rules = List.copyOf(rules);
    for (int i = 0; i < this.settings.size(); i++) {
      Setting<?> s = this.settings.get(i);
      if (index.putIfAbsent(s, i) != null) {
        throw new IllegalArgumentException(s.path() + " is declared twice");
      }
      for (Setting<?> read : s.defaultReads()) {
        if (!index.containsKey(read)) {
          throw new IllegalArgumentException(s.path() + ": its default reads " + read.path()
              + ", which must be declared before it");
        }
      }
    }
    for (Setting<?> s : this.settings) {
      if (s.applicability() != null && !index.containsKey(s.applicability().on())) {
        throw new IllegalArgumentException(s.path() + " applies depending on " + s.applicability().on().path()
            + ", which is not in the catalog");
      }
    }
  }

  /** The project's settings ({@link Settings}) and rules ({@link CrossSettingRules}). */
  public static SettingCatalog standard() {
    return Standard.CATALOG;
  }

  /** This catalog with {@code more} settings after its own. */
  public SettingCatalog with(Setting<?>... more) {
    List<Setting<?>> all = new ArrayList<>(settings);
    all.addAll(List.of(more));
    return new SettingCatalog(all, rules);
  }

  /** A builder of trials with these settings, every one at its default. */
  public TrialConfig.Builder builder() {
    return new TrialConfig.Builder(this);
  }

  /** Every setting, in canonical order. */
  public List<Setting<?>> settings() {
    return settings;
  }

  public List<CrossSettingRule> rules() {
    return rules;
  }

  /** The sections, in the order their first setting is declared: data, model, train, probe, revival. */
  public List<String> sections() {
    LinkedHashSet<String> sections = new LinkedHashSet<>();
    settings.forEach(s -> sections.add(s.section()));
    return List.copyOf(sections);
  }

  /** The setting named {@code path} (section.key), or null. */
  public Setting<?> byPath(String path) {
    return settings.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
  }

  /** Every column the settings fill in the trials table, in table order. */
  public List<SettingColumn<?>> columns() {
    List<SettingColumn<?>> columns = new ArrayList<>();
    settings.forEach(s -> columns.addAll(s.columns()));
    return columns;
  }

  /** The columns a report may treat as axes (the columns of settings declared as axes), in table order. */
  public List<String> axisColumns() {
    List<String> names = new ArrayList<>();
    settings.stream().filter(Setting::axis).forEach(s -> s.columns().forEach(c -> names.add(c.name())));
    return names;
  }

  /** Position of {@code setting} in {@link #settings()}. */
  int indexOf(Setting<?> setting) {
    Integer i = index.get(setting);
    if (i == null) {
      throw new IllegalArgumentException("no setting " + setting.path() + " in this catalog");
    }
    return i;
  }

  int size() {
    return settings.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SettingCatalog c && c.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  /** The standard catalog travels as a reference to the executor's own copy, not as its declarations. */
  private Object writeReplace() {
    return this == Standard.CATALOG ? new StandardReference() : this;
  }

  private static final class Standard {
    static final SettingCatalog CATALOG = new SettingCatalog(Settings.ALL, CrossSettingRules.ALL);
  }

  private record StandardReference() implements Serializable {
    private Object readResolve() {
      return standard();
    }
  }
}
