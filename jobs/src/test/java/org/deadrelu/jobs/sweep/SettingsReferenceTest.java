package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.model.config.SettingCatalog;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md is what the settings' declarations produce. Run with
 * {@code -Dsettings.reference.write=true} to rewrite it (see {@link SettingsReference#REGENERATE}).
 */
class SettingsReferenceTest {

  private static final Path FILE = Path.of("..", "docs", "settings.md");

  @Test
  void docsSettingsMdIsWhatTheDeclarationsProduce() throws IOException {
    String expected = SettingsReference.markdown(SettingCatalog.standard());
    if (Boolean.getBoolean("settings.reference.write")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual, "docs/settings.md is out of date with the settings' declarations;"
        + " regenerate it with: " + SettingsReference.REGENERATE);
  }

  @Test
  void theFileSaysHowToRegenerateItInItsFirstLines() {
    String head = SettingsReference.markdown(SettingCatalog.standard()).lines().limit(3)
        .reduce("", (a, b) -> a + b + "\n");
    assertTrue(head.contains(SettingsReference.REGENERATE), head);
  }

  @Test
  void everyKeyHasARowAndDepthAndWidthAreSpellingsOfHidden() {
    String md = SettingsReference.markdown(SettingCatalog.standard());
    for (SweepKey key : SettingRegistry.standard().all()) {
      assertTrue(md.contains("| `" + key.path() + "` |"), key.path());
    }
    assertTrue(md.contains("| `model.depth` | integer | none | an integer >= 0 |"), md);
    assertTrue(md.contains("spells `model.hidden`"), md);
    assertTrue(md.contains("| `model.alpha` | number | `0.01` | a finite number >= 0 | only for `model.activation`"
        + " `leaky_relu`, `prelu`, `elu` | `alpha` |"), md);
  }
}
