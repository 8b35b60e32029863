package org.deadrelu.jobs.sweep;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.deadrelu.model.config.TrialConfig;

/**
 * One key a sweep file can set, such as {@code train.lr}: where it lives, what it accepts, and
 * which field of {@link TrialConfig.Builder} it fills. {@code model.depth} and {@code model.width}
 * fill no field of their own: together they spell {@code model.hidden}. There is one instance per
 * key (see {@link SettingRegistry}), so identity is equality.
 */
final class Setting {

  private final String section;
  private final String key;
  private final ValueRule rule;
  private final BiConsumer<TrialConfig.Builder, Object> setter;
  private final Function<TrialConfig.Builder, Object> getter;

  /**
   * @param section the section it is written in: data, model, train or probe
   * @param key its name inside the section, snake_case as in the file
   * @param rule what it accepts
   * @param setter stores a value read by {@code rule} into a builder; null for depth and width
   * @param getter reads the value back from a builder; null for depth and width
   */
  Setting(String section, String key, ValueRule rule, BiConsumer<TrialConfig.Builder, Object> setter,
      Function<TrialConfig.Builder, Object> getter) {
    this.section = section;
    this.key = key;
    this.rule = rule;
    this.setter = setter;
    this.getter = getter;
  }

  String section() {
    return section;
  }

  String key() {
    return key;
  }

  ValueRule rule() {
    return rule;
  }

  /** The dotted name: {@code train.lr}. */
  String path() {
    return section + "." + key;
  }

  /** Whether the setting fills a builder field itself (false for depth and width). */
  boolean direct() {
    return setter != null;
  }

  void apply(TrialConfig.Builder builder, Object value) {
    setter.accept(builder, value);
  }

  Object valueIn(TrialConfig.Builder builder) {
    return getter.apply(builder);
  }

  @Override
  public String toString() {
    return path();
  }
}
