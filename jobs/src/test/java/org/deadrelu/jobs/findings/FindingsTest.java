package org.deadrelu.jobs.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.cli.Main;
import org.deadrelu.jobs.sweep.Claim;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings generator on every claim sweep of sweeps/, scaled down (3 seeds, at most 30 steps):
 * the page it writes has a section per sweep, and per claim its table with rows and a verdict; a
 * paired difference on the page matches one computed from the tables by DuckDB.
 */
class FindingsTest {
  @TempDir static Path tmp;
  static String page;
  static List<SweepSpec> sweeps = new ArrayList<>();
  static List<String> files = new ArrayList<>();

  @BeforeAll
  static void generate() throws Exception {
    SparkTestSession.get();
    try (Stream<Path> s = Files.list(Path.of("..", "sweeps"))) {
      for (Path f : s.sorted().toList()) {
        SweepSpec spec = SweepLoader.load(f.toString(), Files.readAllBytes(f));
        if (!spec.claims().isEmpty()) {
          sweeps.add(spec);
          files.add(f.toString());
        }
      }
    }
    List<String> args = new ArrayList<>(List.of("findings"));
    args.addAll(files);
    args.addAll(List.of("--out", tmp.resolve("results").toString(), "--doc", tmp.resolve("FINDINGS.md").toString(),
        "--seeds", "3", "--max-steps", "30", "--progress", "0"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, code, err + "\n" + out);
    page = Files.readString(tmp.resolve("FINDINGS.md"));
  }

  @Test
  void aPageThatCannotBeWrittenIsRefusedBeforeAnySweepRuns() throws Exception {
    java.nio.file.Path folder = Files.createDirectories(tmp.resolve("a-folder.md"));
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "findings", files.get(0),
        "--out", tmp.resolve("never").toString(), "--doc", folder.toString(), "--progress", "0");
    assertEquals(Main.EXIT_INVALID_INPUT, code, err.toString());
    assertTrue(err.toString().contains("--doc " + folder + ": cannot be written"), err.toString());
    assertFalse(Files.exists(tmp.resolve("never")), "no sweep ran");
  }

  @Test
  void everyClaimSweepOfTheRepositoryIsOnThePage() {
    assertTrue(sweeps.size() >= 9, "claim sweeps found: " + sweeps.size());
    assertTrue(page.startsWith("# Findings\n"));
    assertTrue(page.contains(" (wall time, training ") && page.contains(" cores, "), "the wall time and the machine");
    assertTrue(page.contains("**Scaled down**"), "a scaled-down page says so");
    for (SweepSpec s : sweeps) {
      assertTrue(page.contains("\n## " + s.name() + "\n"), "section of " + s.name());
    }
  }

  @Test
  void everyClaimHasAFilledTableAndAVerdict() {
    for (SweepSpec s : sweeps) {
      for (Claim c : s.claims()) {
        int at = page.indexOf("\n### " + c.statement() + "\n");
        assertTrue(at >= 0, "claim " + c.name());
        int next = page.indexOf("\n### ", at + 1);
        String section = page.substring(at, next < 0 ? page.length() : next);
        List<String> tableRows = section.lines().filter(l -> l.startsWith("|")).toList();
        assertTrue(tableRows.size() >= 3, c.name() + ": a header, a rule and at least one row\n" + section);
        for (String row : tableRows.subList(2, tableRows.size())) {
          assertFalse(row.contains("| |") || row.contains("||"), c.name() + ": an empty cell in " + row);
          assertFalse(row.contains("no pairs"), c.name() + ": a comparison without pairs in " + row);
        }
        assertTrue(section.contains("**Verdict: "), c.name());
        assertTrue(page.contains("| " + c.statement().replace("|", "\\|") + " |"), c.name() + " in the summary table");
      }
    }
  }

  /**
   * The bias-decay row for lambda 0.1: its mean paired difference (decayed minus not, same seed) is
   * recomputed from the trials table by DuckDB.
   */
  @Test
  void aPairedDifferenceOnThePageIsTheOneTheTablesGive() throws Exception {
    double expected;
    try (DuckDb duck = new DuckDb(tmp.resolve("results/bias-decay"))) {
      expected = ((Number) duck.query("SELECT avg(d.dead_fraction - k.dead_fraction) FROM trials d JOIN trials k"
          + " ON d.seed = k.seed AND d.l2 = k.l2 WHERE d.decay_bias AND NOT k.decay_bias AND d.l2 = 0.1"
          + " AND d.status = 'ok' AND k.status = 'ok'").get(0).get(0)).doubleValue();
    }
    String row = page.lines().filter(l -> l.startsWith("| 0.1 | true |")).findFirst()
        .orElseThrow(() -> new AssertionError("no row for l2 0.1 in\n" + page));
    String[] cells = row.split("\\|");
    // | l2 | decay_bias | pairs | baseline | compared | difference [CI] | ...
    double shown = Double.parseDouble(cells[6].trim().split(" ")[0]);
    assertEquals(expected, shown, Math.max(1e-3, Math.abs(expected) * 1e-3), row);
  }
}
