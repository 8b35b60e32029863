package org.deadrelu.jobs.sweep;

import java.util.Collections;
import java.util.Map;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.TrialConfig;

/**
 * Turns the values a trial was given (base settings overlaid with its axis values) into a filled
 * {@link TrialConfig.Builder}. Settings never given keep the builder's defaults, except two that
 * follow from others:
 *
 * <ul>
 *   <li>data.task: regression for the teacher and function sources, classification otherwise;
 *   <li>model.head: linear for a regression task, softmax otherwise.
 * </ul>
 *
 * model.depth and model.width, when given, set model.hidden to width repeated depth times.
 */
final class TrialResolver {

  private TrialResolver() {}

  static TrialConfig.Builder resolve(Map<Setting, SettingValue> given) {
    TrialConfig.Builder b = TrialConfig.builder();
    given.forEach((setting, v) -> {
      if (setting.direct()) {
        setting.apply(b, v.value());
      }
    });
    SettingValue depth = given.get(SettingRegistry.DEPTH);
    SettingValue width = given.get(SettingRegistry.WIDTH);
    if (depth != null && width != null) {
      b.hidden(Collections.nCopies((Integer) depth.value(), (Integer) width.value()));
    }
    if (!given.containsKey(SettingRegistry.TASK)) {
      b.dataTask(naturalTask(b.dataSource));
    }
    if (!given.containsKey(SettingRegistry.HEAD)) {
      b.head("regression".equals(b.dataTask) ? HeadKind.LINEAR : HeadKind.SOFTMAX);
    }
    return b;
  }

  /** The value a condition sees: what the trial was given, else the resolved default. */
  static Object effective(Setting setting, Map<Setting, SettingValue> given, TrialConfig.Builder resolved) {
    if (setting.direct()) {
      return setting.valueIn(resolved);
    }
    SettingValue v = given.get(setting);
    return v == null ? null : v.value();
  }

  /** The task a built-in source poses; file sources default to classification. */
  static String naturalTask(DataSourceKind source) {
    return source == DataSourceKind.TEACHER || source == DataSourceKind.FUNCTION ? "regression" : "classification";
  }
}
