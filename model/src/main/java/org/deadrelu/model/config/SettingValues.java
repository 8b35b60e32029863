package org.deadrelu.model.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The values of a trial being resolved: each setting as given, else its default, before settings
 * that mean nothing for the trial are dropped. Derived defaults, applicability and the rules
 * between settings read these.
 */
public interface SettingValues {

  <T> T get(Setting<T> setting);

  /** Whether the value was given (in code or a sweep file) rather than defaulted. */
  boolean given(Setting<?> setting);

  /** " (in the combination data.source=blobs (default), model.head=linear)": the values a problem is about. */
  default String combination(Setting<?>... settings) {
    return Arrays.stream(settings)
        .map(s -> s.path() + "=" + s.textOf(get(s)) + (given(s) ? "" : " (default)"))
        .collect(Collectors.joining(", ", " (in the combination ", ")"));
  }
}
