package org.deadrelu.model.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of a trial being built: each setting as given, else its default, computed in catalog
 * order so a derived default reads settings already resolved. Checks them, and drops what means
 * nothing for the trial.
 */
final class Resolution implements SettingValues {
  private final SettingCatalog catalog;
  private final Object[] given;
  private final Object[] values;

  Resolution(SettingCatalog catalog, Object[] given) {
    this.catalog = catalog;
    this.given = given;
    this.values = new Object[given.length];
    List<Setting<?>> settings = catalog.settings();
    for (int i = 0; i < values.length; i++) {
      values[i] = given[i] != null ? given[i] : settings.get(i).defaultIn(this);
    }
  }

  @Override
  public <T> T get(Setting<T> setting) {
    return setting.cast(values[catalog.indexOf(setting)]);
  }

  @Override
  public boolean given(Setting<?> setting) {
    return given[catalog.indexOf(setting)] != null;
  }

  /** Every value its setting rejects; when there is none, every rule between settings that fails. */
  List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    List<Setting<?>> settings = catalog.settings();
    for (int i = 0; i < values.length; i++) {
      Setting<?> s = settings.get(i);
      String complaint = values[i] == null ? null : s.complaint(values[i]);
      if (complaint != null) {
        found.add(new Violation(s, complaint, List.of(s)));
      }
    }
    if (found.isEmpty()) {
      catalog.rules().forEach(rule -> rule.apply(this).ifPresent(found::add));
    }
    return found;
  }

  /** The trial's values: null where a setting does not apply or holds its "none" value. */
  Object[] trialValues() {
    Object[] out = new Object[values.length];
    List<Setting<?>> settings = catalog.settings();
    for (int i = 0; i < values.length; i++) {
      Setting<?> s = settings.get(i);
      boolean none = values[i] != null && values[i].equals(s.none());
      out[i] = s.appliesIn(this) && !none ? values[i] : null;
    }
    return out;
  }
}
