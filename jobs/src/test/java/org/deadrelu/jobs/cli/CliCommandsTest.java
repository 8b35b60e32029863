package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: validate, plan, sweep (with its summary and exit codes), sql. */
class CliCommandsTest {
  @TempDir static Path tmp;

  static Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static String small(String name, String extra) {
    return "name: " + name + "\n"
        + "data: {source: blobs, samples: 120, classes: 2, features: 3}\n"
        + "model: {hidden: [4]}\n"
        + "train: {steps: 6, batch_size: 16, lr: 0.1" + extra + "}\n"
        + "probe: {every: 3, samples: 20}\n"
        + "seeds: 2\n"
        + "grid: {activation: [relu, elu]}\n";
  }

  @BeforeAll
  static void spark() {
    SparkTestSession.get(); // the commands reuse this local session
  }

  @Test
  void validatePrintsTheTrialCount() throws Exception {
    CliRun r = CliRun.of("validate", write("v.yaml", small("v", "")).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("valid, sweep 'v', 4 trials"), r.out());
  }

  @Test
  void planPrintsCountShardsCostAndTrialsInFull() throws Exception {
    CliRun r = CliRun.of("plan", write("p.yaml", small("p", "")).toString(), "--cores", "2", "--show", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sweep p: 4 trials in"), r.out());
    assertTrue(r.out().contains("estimated cost:"), r.out());
    assertTrue(r.out().contains("model.activation="), r.out());
    assertTrue(r.out().contains("seed="), r.out());
    // calibrated on this machine by default, at the model's reference speed on request
    assertTrue(r.out().contains("machine speed: gemm "), r.out());
    CliRun reference = CliRun.of("plan", write("p.yaml", small("p", "")).toString(), "--cores", "2", "--no-calibrate");
    assertEquals(0, reference.code(), reference.err());
    assertTrue(reference.out().contains("machine speed: the reference machine's (not calibrated)"), reference.out());
  }

  @Test
  void validateAndPlanNoteAnAxisWhoseValuesGiveFewerConfigurationsThanItLists() throws Exception {
    String sweep = small("n", "").replace("grid: {activation: [relu, elu]}\n",
        "grid:\n  activation: [relu, elu]\n  alpha: [0.1, 0.5]\n");
    Path p = write("n.yaml", sweep);
    String note = "note: " + p + ":9:3: grid.alpha: lists 2 values, but they give 1 distinct configuration in 1 of"
        + " the 2 combinations of the other axes (the first: model.activation=relu), since model.alpha applies only"
        + " when model.activation is leaky_relu, prelu or elu; trials that come out the same run once";

    CliRun validate = CliRun.of("validate", p.toString());
    assertEquals(0, validate.code(), validate.err());
    assertTrue(validate.out().contains("valid, sweep 'n', 6 trials"), validate.out());
    assertTrue(validate.out().contains(note), validate.out());

    CliRun plan = CliRun.of("plan", p.toString(), "--cores", "2", "--show", "0");
    assertEquals(0, plan.code(), plan.err());
    assertTrue(plan.out().contains("sweep n: 6 trials in"), plan.out());
    assertTrue(plan.out().contains(note), plan.out());

    // an axis that gives what it lists has no note
    assertFalse(CliRun.of("validate", write("v2.yaml", small("v2", "")).toString()).out().contains("note:"));
  }

  @Test
  void sweepPrintsASummaryAndSqlQueriesTheTables() throws Exception {
    Path out = tmp.resolve("results");
    CliRun r = CliRun.of("sweep", write("s.yaml", small("s", "")).toString(), "--out", out.toString(),
        "--progress", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sweep s: 4 trials (4 run now, 0 already written)"), r.out());
    assertTrue(r.out().contains("ok 4, diverged 0, failed 0"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("elu ") && l.contains(" 2 ")), r.out());

    CliRun q = CliRun.of("sql", out.resolve("s").toString(),
        "SELECT activation, count(*) AS n FROM trials GROUP BY activation ORDER BY activation");
    assertEquals(0, q.code(), q.err());
    assertTrue(q.out().contains("elu         2"), q.out());
    assertTrue(q.out().contains("relu        2"), q.out());
    assertTrue(q.out().contains("2 rows"), q.out());

    CliRun bad = CliRun.of("sql", out.resolve("s").toString(), "SELECT nope FROM trials");
    assertEquals(Main.EXIT_INVALID_INPUT, bad.code());
    assertTrue(bad.err().contains("query:"), bad.err());
  }

  @Test
  void aRegressionSweepHasNoAccuracyAndStillPrintsItsSummary() throws Exception {
    Path out = tmp.resolve("regression");
    String sweep = "name: r\n"
        + "data: {source: teacher, features: 3, samples: 120}\n"
        + "model: {hidden: [4]}\n"
        + "train: {steps: 6, batch_size: 16}\n"
        + "probe: {every: 3, samples: 20}\n"
        + "seeds: 2\n";
    CliRun r = CliRun.of("sweep", write("r.yaml", sweep).toString(), "--out", out.toString(), "--progress", "0");
    assertEquals(0, r.code(), r.err());
    // a regression head has no accuracy: the summary shows its absence, not a crash
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("relu ") && l.contains(" 2 ") && l.contains(" - ")), r.out());
  }

  @Test
  void aSweepInWhichEveryTrialFailsExitsNonZeroWithTheErrorsInTheTable() throws Exception {
    Path out = tmp.resolve("failing");
    CliRun r = CliRun.of("sweep", write("f.yaml", small("f", ", fault_at_step: 2")).toString(),
        "--out", out.toString(), "--progress", "0");
    assertEquals(Main.EXIT_ALL_FAILED, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("failed 4"), r.out());
    try (DuckDb duck = new DuckDb(out.resolve("f"))) {
      assertEquals(4, duck.count("SELECT count(*) FROM trials WHERE status = 'failed' "
          + "AND error LIKE '%injected fault at step 2%' AND steps_completed = 2"));
      // what was measured before the fault is kept: the checkpoint at step 0
      assertEquals(4, duck.count("SELECT count(DISTINCT trial_id) FROM curves WHERE step = 0"));
    }
  }

  @Test
  void anOutputFolderHoldingAnotherSweepIsRefusedAndLeftAlone() throws Exception {
    Path out = tmp.resolve("shared-out");
    assertEquals(0, CliRun.of("sweep", write("a.yaml", small("a", "")).toString(), "--out", out.toString(),
        "--progress", "0").code());
    // a different sweep given the same name: its folder holds sweep a; pointing at it directly fails
    Files.move(out.resolve("a"), out.resolve("b"));
    CliRun r = CliRun.of("sweep", write("b.yaml", small("b", "")).toString(), "--out", out.toString());
    assertEquals(Main.EXIT_INVALID_INPUT, r.code());
    assertTrue(r.err().contains("holds the results of sweep 'a'"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(Files.exists(out.resolve("b/trials/_SUCCESS")), "nothing was damaged");
  }

  @Test
  void anOutputPathThatIsAFileIsRefused() throws Exception {
    Path file = tmp.resolve("not-a-folder");
    Files.createDirectories(file);
    Files.writeString(file.resolve("c"), "x");
    CliRun r = CliRun.of("sweep", write("c.yaml", small("c", "")).toString(), "--out", file.toString());
    assertEquals(Main.EXIT_INVALID_INPUT, r.code());
    assertTrue(r.err().contains("is a file, not a folder"), r.err());
    assertEquals("x", Files.readString(file.resolve("c")));
  }
}
