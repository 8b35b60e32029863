package org.deadrelu.jobs.sweep.rules;

import org.deadrelu.model.config.Setting;

/**
 * One key a sweep file can set, such as {@code train.lr}: a trial's setting, read by the rule its
 * declaration implies, or a spelling of one ({@code model.depth} and {@code model.width} together
 * spell {@code model.hidden}). Keys are equal when their paths are.
 */
public final class SweepKey {

  private final String section;
  private final String key;
  private final ValueRule rule;
  private final Setting<?> setting;
  private final String doc;

  private SweepKey(String section, String key, ValueRule rule, Setting<?> setting, String doc) {
    this.section = section;
    this.key = key;
    this.rule = rule;
    this.setting = setting;
    this.doc = doc;
  }

  /** The key of a declared setting. */
  static SweepKey of(Setting<?> setting) {
    return new SweepKey(setting.section(), setting.key(), ValueRule.of(setting.type()), setting, setting.doc());
  }

  /** A key that is another way to write {@code spelled}; it fills no setting of its own. */
  static SweepKey spelling(Setting<?> spelled, String key, IntegerRule rule, String doc) {
    return new SweepKey(spelled.section(), key, rule, null, doc);
  }

  public String section() {
    return section;
  }

  public String key() {
    return key;
  }

  public ValueRule rule() {
    return rule;
  }

  /** The dotted name: {@code train.lr}. */
  public String path() {
    return section + "." + key;
  }

  /** Whether the key is a setting itself (false for depth and width). */
  public boolean direct() {
    return setting != null;
  }

  /** The setting it sets; null for a spelling. */
  public Setting<?> setting() {
    return setting;
  }

  /** A value as messages spell it: the setting's text ("leaky_relu", "64-64"), or the number of a spelling. */
  public String textOf(Object value) {
    return setting != null ? setting.textOf(value) : String.valueOf(value);
  }

  /** Its line in the settings reference. */
  public String doc() {
    return doc;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepKey k && k.path().equals(path());
  }

  @Override
  public int hashCode() {
    return path().hashCode();
  }

  @Override
  public String toString() {
    return path();
  }
}
