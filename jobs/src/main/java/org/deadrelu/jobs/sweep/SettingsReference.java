package org.deadrelu.jobs.sweep;

import java.util.List;
import java.util.stream.Collectors;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.model.config.CrossSettingRule;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingCatalog;
import org.deadrelu.model.config.SettingColumn;

/**
 * The sweep-file settings reference (docs/settings.md), written from the settings' declarations:
 * a row per key a sweep file can write, then the rules between settings. A test keeps the file
 * equal to what this produces.
 */
public final class SettingsReference {

  /** The command that rewrites docs/settings.md from the declarations. */
  public static final String REGENERATE =
      "./mvnw -q -pl model,jobs test -Dtest=SettingsReferenceTest -Dsettings.reference.write=true";

  private SettingsReference() {}

  /** The reference for the settings of {@code catalog}, as Markdown. */
  public static String markdown(SettingCatalog catalog) {
    SettingRegistry registry = SettingRegistry.of(catalog);
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated from the settings' declarations by ").append(SettingsReference.class.getName())
        .append("; do not edit.\n     Regenerate: ").append(REGENERATE).append(" -->\n\n");
    md.append("# Sweep-file settings\n\n");
    md.append("""
        Every setting a sweep file can write, in its section (`train: {lr: 0.1}`). Any of them can be a \
        `grid:` or `random:` axis, by its short name (`lr`) or dotted (`train.lr`); `samples`, `seed` and \
        `every` must be dotted, and `hidden` as an axis takes a list of lists (`[[32], [32, 32]]`).

        Each setting is declared once, in `model/src/main/java/org/deadrelu/model/config/Settings.java`: \
        this reference, the sweep reader's checks, the checks on every trial built in code, trial ids and \
        the `trials` table's columns all follow from that declaration. A setting that means nothing for a \
        trial (see "applies to") is dropped from it: its column is null and it is not part of the trial's \
        id, so a sweep never runs two copies of one trial.

        """);
    md.append("| key | type | default | accepted | applies to | `trials` column | meaning |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (SweepKey key : registry.all()) {
      md.append(key.direct() ? settingRow(key.setting()) : spellingRow(key)).append('\n');
    }
    md.append("\n## Rules between settings\n\n");
    md.append("Checked on every trial a sweep expands to, and whenever a trial is built in code.\n\n");
    for (CrossSettingRule rule : catalog.rules()) {
      md.append("- `").append(rule.setting().path()).append("`: ").append(rule.doc()).append('\n');
    }
    return md.toString();
  }

  private static String settingRow(Setting<?> s) {
    String applies = s.applicability() == null ? "every trial" : s.applicability().describe();
    if (s.none() != null) {
      applies += "; `" + s.textOf(s.none()) + "` means none";
    }
    String columns = s.columns().stream().map(SettingColumn::name).map(c -> "`" + c + "`")
        .collect(Collectors.joining(", "));
    return row(List.of("`" + s.path() + "`", s.type().typeName(), s.defaultDoc(), s.type().accepts(), applies,
        columns, s.doc()));
  }

  private static String spellingRow(SweepKey key) {
    return row(List.of("`" + key.path() + "`", "integer", "none", key.rule().accepts(), "every trial",
        "derived from `model.hidden`", key.doc()));
  }

  private static String row(List<String> cells) {
    return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |"));
  }
}
