package org.deadrelu.model.config;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A rule between settings, checked whenever a trial is built (each value alone is checked by its
 * setting's type): the head must suit the task, for instance.
 *
 * @param setting the setting a problem is reported on
 * @param doc the rule in one line, for the settings reference
 * @param about every setting the rule reads, in the order a sweep file's problem should point at
 *     them (the first one the file gave)
 * @param check the problem's message for these values, or null when they go together
 */
public record CrossSettingRule(Setting<?> setting, String doc, List<Setting<?>> about, Check check) implements Serializable {

  /** Finds the problem with some values; serializable, since trials travel to executors. */
  public interface Check extends Serializable {
    String problem(SettingValues values);
  }

  public CrossSettingRule {
    about = List.copyOf(about);
  }

  Optional<Violation> apply(SettingValues values) {
    return Optional.ofNullable(check.problem(values)).map(m -> new Violation(setting, m, about));
  }
}
