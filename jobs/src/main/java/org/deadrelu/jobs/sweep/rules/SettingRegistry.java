package org.deadrelu.jobs.sweep.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingCatalog;
import org.deadrelu.model.config.Settings;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Every key a sweep file can write, by section, derived from a catalog of settings, and the lookup
 * of the names a grid or random axis may use: the dotted path ({@code train.lr}) always, the short
 * key ({@code lr}) when it names one setting unmistakably.
 */
public final class SettingRegistry {

  public static final SweepKey HIDDEN = SweepKey.of(Settings.HIDDEN);
  public static final SweepKey DEPTH = SweepKey.spelling(Settings.HIDDEN, "depth", IntegerRule.atLeast(0),
      "with `model.width`, spells `model.hidden` as `width` units, `depth` times");
  public static final SweepKey WIDTH = SweepKey.spelling(Settings.HIDDEN, "width", IntegerRule.atLeast(1),
      "with `model.depth`, spells `model.hidden` as `width` units, `depth` times");

  /**
   * Short names that must be written dotted as axes: {@code samples} is in two sections, and
   * {@code seed} or {@code every} alone do not say what they seed or how often.
   */
  private static final Set<String> MUST_BE_DOTTED = Set.of("samples", "seed", "every");

  private static final SettingRegistry STANDARD = new SettingRegistry(SettingCatalog.standard());

  private final SettingCatalog catalog;
  /** In file order: by section (data, model, train, probe, revival), within one in declaration order. */
  private final List<SweepKey> all;
  private final Map<String, SweepKey> byName = new LinkedHashMap<>();

  private SettingRegistry(SettingCatalog catalog) {
    this.catalog = catalog;
    List<SweepKey> keys = new ArrayList<>();
    for (String section : catalog.sections()) {
      for (Setting<?> s : catalog.settings()) {
        if (s.section().equals(section)) {
          keys.add(SweepKey.of(s));
          if (s.equals(Settings.HIDDEN)) {
            keys.add(DEPTH);
            keys.add(WIDTH);
          }
        }
      }
    }
    this.all = List.copyOf(keys);
    all.forEach(k -> byName.put(k.path(), k));
  }

  /** The keys of the project's settings. */
  public static SettingRegistry standard() {
    return STANDARD;
  }

  public static SettingRegistry of(SettingCatalog catalog) {
    return catalog.equals(STANDARD.catalog) ? STANDARD : new SettingRegistry(catalog);
  }

  public SettingCatalog catalog() {
    return catalog;
  }

  /** The sections a sweep file writes settings in, in order. */
  public List<String> sections() {
    return catalog.sections();
  }

  /** Every key, in file order. */
  public List<SweepKey> all() {
    return all;
  }

  /** The key of a setting of the catalog. */
  SweepKey keyOf(Setting<?> setting) {
    return byName.get(setting.path());
  }

  /** The setting {@code key} of {@code section}, or null. */
  public SweepKey inSection(String section, String key) {
    return byName.get(section + "." + key);
  }

  public List<String> keysOf(String section) {
    return all.stream().filter(s -> s.section().equals(section)).map(SweepKey::key).toList();
  }

  /**
   * The setting an axis (or a {@code when} key) names, short or dotted; null after reporting an
   * unknown or ambiguous name at {@code at}.
   */
  public SweepKey byAxisName(String name, Node at, String field, Problems problems) {
    SweepKey exact = byName.get(name);
    if (exact != null) {
      return exact;
    }
    List<SweepKey> sameKey = all.stream().filter(s -> s.key().equals(name)).toList();
    if (sameKey.size() == 1 && !MUST_BE_DOTTED.contains(name)) {
      return sameKey.get(0);
    }
    if (!sameKey.isEmpty()) {
      String dotted = String.join(" or ", sameKey.stream().map(SweepKey::path).toList());
      String seedHint = name.equals("seed") ? " (trial seeds are the top-level seeds:)" : "";
      problems.at(at, field, "'" + name + "' is ambiguous as a short name: write " + dotted + seedHint);
    } else {
      problems.at(at, field, Suggestion.closest(name, axisNames())
          .map(close -> "unknown setting '" + name + "' (did you mean '" + close + "'?)")
          .orElse("unknown setting '" + name + "'; accepted: " + String.join(", ", shortNames())
              + ", or any setting dotted as section.key (train.lr); only dotted: " + String.join(", ", dottedOnly())));
    }
    return null;
  }

  /**
   * The keys whose values decide {@code key}'s effective value: itself, the settings its default
   * follows from (model.head from data.task, which follows from data.source), and its spellings
   * (model.hidden from depth and width).
   */
  public Set<SweepKey> influences(SweepKey key) {
    Set<SweepKey> found = new LinkedHashSet<>();
    addInfluences(key, found);
    return found;
  }

  private void addInfluences(SweepKey key, Set<SweepKey> found) {
    if (!found.add(key)) {
      return;
    }
    if (key.equals(HIDDEN)) {
      found.add(DEPTH);
      found.add(WIDTH);
    }
    if (key.direct()) {
      key.setting().defaultReads().forEach(s -> addInfluences(keyOf(s), found));
    }
  }

  /** Every name an axis may use: the unmistakable short keys, then all dotted paths. */
  List<String> axisNames() {
    List<String> names = new ArrayList<>(shortNames());
    all.forEach(s -> names.add(s.path()));
    return names;
  }

  /** The short keys that name one setting unmistakably. */
  private List<String> shortNames() {
    return all.stream().filter(this::shortNameAllowed).map(SweepKey::key).toList();
  }

  /** The settings that can only be named dotted. */
  private List<String> dottedOnly() {
    return all.stream().filter(s -> !shortNameAllowed(s)).map(SweepKey::path).toList();
  }

  private boolean shortNameAllowed(SweepKey s) {
    return !MUST_BE_DOTTED.contains(s.key()) && all.stream().filter(t -> t.key().equals(s.key())).count() == 1;
  }
}
