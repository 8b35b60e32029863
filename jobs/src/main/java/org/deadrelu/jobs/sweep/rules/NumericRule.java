package org.deadrelu.jobs.sweep.rules;

/** A rule for a numeric setting, which a random axis can also draw from a distribution. */
public interface NumericRule extends ValueRule {

  /** Whether the setting holds whole numbers (steps, width) rather than reals (lr, alpha). */
  boolean integral();

  /** Null when {@code x} is acceptable, otherwise the complaint, such as "must be > 0, got -1". */
  String check(double x);

  /** {@code x} as the setting's Java type: Integer, Long or Double. */
  Object box(double x);
}
