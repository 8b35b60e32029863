package org.deadrelu.model.config;

import java.io.Serializable;
import java.util.List;

/**
 * Why a trial cannot be built: a value its setting does not accept, or values of several settings
 * that do not go together.
 *
 * @param setting the setting the problem is reported on
 * @param message what is wrong and what would be accepted, without the setting's name
 * @param about the settings it concerns, in the order a sweep file's problem should point at them
 *     (the first one the file gave)
 */
public record Violation(Setting<?> setting, String message, List<Setting<?>> about) implements Serializable {

  public Violation {
    about = List.copyOf(about);
  }

  @Override
  public String toString() {
    return setting.path() + ": " + message;
  }
}
