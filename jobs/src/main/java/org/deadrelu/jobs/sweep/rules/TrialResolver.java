package org.deadrelu.jobs.sweep.rules;

import java.util.Collections;
import java.util.Map;
import org.deadrelu.model.config.SettingCatalog;
import org.deadrelu.model.config.SettingValues;
import org.deadrelu.model.config.Settings;
import org.deadrelu.model.config.TrialConfig;

/**
 * Turns the values a trial was given (base settings overlaid with its axis values) into a filled
 * {@link TrialConfig.Builder}: settings never given keep their declared defaults, some of which
 * follow from others (data.task from data.source). model.depth and model.width, when given, set
 * model.hidden to width repeated depth times.
 */
public final class TrialResolver {

  private TrialResolver() {}

  public static TrialConfig.Builder resolve(SettingCatalog catalog, Map<SweepKey, SettingValue> given) {
    TrialConfig.Builder b = catalog.builder();
    given.forEach((key, v) -> {
      if (key.direct()) {
        b.put(key.setting(), v.value());
      }
    });
    SettingValue depth = given.get(SettingRegistry.DEPTH);
    SettingValue width = given.get(SettingRegistry.WIDTH);
    if (depth != null && width != null) {
      b.set(Settings.HIDDEN, Collections.nCopies((Integer) depth.value(), (Integer) width.value()));
    }
    return b;
  }

  /** The value a condition sees: what the trial was given, else the resolved default. */
  public static Object effective(SweepKey key, Map<SweepKey, SettingValue> given, SettingValues resolved) {
    if (key.direct()) {
      return resolved.get(key.setting());
    }
    SettingValue v = given.get(key);
    return v == null ? null : v.value();
  }
}
