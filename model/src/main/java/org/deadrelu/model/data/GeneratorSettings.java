package org.deadrelu.model.data;

import org.deadrelu.model.DataException;

/**
 * Checks shared by the synthetic generators, so a bad sweep setting fails with the setting's name
 * instead of producing an empty or NaN table.
 */
final class GeneratorSettings {
  private GeneratorSettings() {}

  static void atLeast(String source, String setting, int value, int min) {
    if (value < min) {
      throw new DataException(source + ": " + setting + " must be at least " + min + ", got " + value);
    }
  }

  static void noise(String source, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new DataException(source + ": data.noise must be a finite number >= 0, got " + noise);
    }
  }

  /** x0, x1, ...: generated columns have no meaning beyond their position. */
  static String[] featureNames(int features) {
    String[] names = new String[features];
    for (int j = 0; j < features; j++) {
      names[j] = "x" + j;
    }
    return names;
  }
}
