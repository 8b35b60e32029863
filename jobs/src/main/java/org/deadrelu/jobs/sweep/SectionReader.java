package org.deadrelu.jobs.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the fixed settings of the data, model, train and probe sections: the base of every trial. */
final class SectionReader {

  private final SettingRegistry registry;
  private final Problems problems;
  private final Map<SweepKey, SettingValue> base = new LinkedHashMap<>();
  private final Map<SweepKey, Node> written = new LinkedHashMap<>();

  SectionReader(SettingRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** Reads one section's mapping; an empty section ({@code train:} alone) is allowed and sets nothing. */
  void read(String section, Node node) {
    if (Scalar.of(node).kind() == Scalar.Kind.NULL) {
      return;
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(node, section, "must be a mapping of settings such as " + example(section)
          + ", got " + Scalar.describe(node));
      return;
    }
    for (YamlEntry e : YamlEntry.of(mapping)) {
      SweepKey setting = registry.inSection(section, e.key());
      if (setting == null) {
        reportUnknown(section, e);
        continue;
      }
      written.putIfAbsent(setting, e.keyNode());
      Object value = setting.rule().read(e.value(), setting.path(), problems);
      if (value != null) {
        base.put(setting, new SettingValue(value, e.value()));
      }
    }
  }

  Map<SweepKey, SettingValue> base() {
    return base;
  }

  /** Every setting the sections write, valid or not: rules about which keys go together use this. */
  Map<SweepKey, Node> written() {
    return written;
  }

  /** A key of another section gets pointed there; anything else gets the closest key of this one. */
  private void reportUnknown(String section, YamlEntry e) {
    List<String> elsewhere = registry.sections().stream()
        .filter(other -> registry.inSection(other, e.key()) != null).toList();
    String field = section + "." + e.key();
    if (!elsewhere.isEmpty()) {
      problems.at(e.keyNode(), field, "'" + e.key() + "' belongs in the " + String.join(" or ", elsewhere)
          + " section, not in " + section);
    } else {
      problems.at(e.keyNode(), field, Suggestion.unknown("key", e.key(), registry.keysOf(section)));
    }
  }

  private String example(String section) {
    return section + ": {" + registry.keysOf(section).get(0) + ": ...}";
  }
}
