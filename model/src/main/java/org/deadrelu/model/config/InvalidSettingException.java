package org.deadrelu.model.config;

import java.util.List;
import java.util.stream.Collectors;
import org.deadrelu.model.DataException;

/**
 * A trial configuration that cannot be built: a setting outside what it accepts, or settings that
 * do not go together. The message names each setting and what it accepts. It is a
 * {@link DataException} because data settings (task, source, path) are among those checked, and
 * code that runs trials already reports those as a trial's unusable settings.
 */
public class InvalidSettingException extends DataException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public InvalidSettingException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
