package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deadrelu summarize} on a small sweep: the interval follows what the metric is. A continuous
 * metric gets Student's t interval and a fraction per trial the same clipped to [0, 1], checked against
 * values DuckDB reads and the t quantile from a table; a true/false metric gets Wilson's interval,
 * checked against its closed form; {@code --kind log} gets the geometric mean, worked out by hand from
 * DuckDB's values; a fraction that is 0 on every trial shows no variation. Bad input is refused.
 */
class CliSummarizeTest {
  @TempDir static Path tmp;
  static Path folder;

  @BeforeAll
  static void sweep() throws Exception {
    SparkTestSession.get();
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, CliCommandsTest.small("s", "").replace("seeds: 2", "seeds: 4"));
    CliRun r = CliRun.of("sweep", file.toString(), "--out", tmp.resolve("results").toString(), "--progress", "0");
    assertEquals(0, r.code(), r.err());
    folder = tmp.resolve("results/s");
  }

  static final double T975_3 = 3.182446305; // t(0.975, 3 degrees of freedom), from a table

  /** The output line that starts with {@code first}. */
  private static String text(CliRun r, String first) {
    return r.out().lines().filter(l -> l.startsWith(first + " ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
  }

  /** The cells of the output line that starts with {@code first}. */
  private static String[] line(CliRun r, String first) {
    return text(r, first).replace("[", "").replace("]", "").replace(",", "").trim().split("\\s+");
  }

  /** A column of the relu trials, as DuckDB reads it from the Parquet files. */
  private static double[] relu(String column) throws Exception {
    try (DuckDb duck = new DuckDb(folder)) {
      return duck.query("SELECT " + column + " FROM trials WHERE activation = 'relu'").stream()
          .mapToDouble(row -> ((Number) row.get(0)).doubleValue()).toArray();
    }
  }

  @Test
  void aContinuousMetricGetsStudentsInterval() throws Exception {
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "final_probe_loss");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(kind: continuous)"), r.out());
    double[] v = relu("final_probe_loss");
    assertEquals(4, v.length);
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    double sd = Math.sqrt(ss / 3);
    double t = T975_3;
    // relu  4  mean  low  high  t  sd
    String[] c = line(r, "relu");
    assertEquals("4", c[1]);
    assertEquals(mean, Double.parseDouble(c[2]), 1e-4);
    assertEquals(mean - t * sd / 2, Double.parseDouble(c[3]), 1e-4);
    assertEquals(mean + t * sd / 2, Double.parseDouble(c[4]), 1e-4);
    assertEquals("t", c[5]);
  }

  @Test
  void aFractionPerTrialGetsTheTIntervalClippedToZeroOne() throws Exception {
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "final_probe_accuracy");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(kind: proportion)"), r.out());
    double[] v = relu("final_probe_accuracy");
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / 3);
    String line = text(r, "relu");
    assertTrue(line.contains("t, clipped to [0, 1]"), line);
    if (sd == 0) { // every seed alike: no interval to check
      assertTrue(line.contains("no variation (all 4 = "), line);
      return;
    }
    String[] c = line(r, "relu");
    assertEquals(mean, Double.parseDouble(c[2]), 1e-4);
    assertEquals(Math.max(0, mean - T975_3 * sd / 2), Double.parseDouble(c[3]), 1e-4);
    assertEquals(Math.min(1, mean + T975_3 * sd / 2), Double.parseDouble(c[4]), 1e-4);
  }

  @Test
  void aFractionThatIsZeroOnEveryTrialShowsNoVariationNotWilson() {
    // a dead fraction of 0 on every seed is still a fraction per trial, not a share of trials
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation",
        "--from", "SELECT activation, 0.0 * dead_fraction AS dead_fraction FROM trials");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(kind: proportion)"), r.out());
    String line = text(r, "relu");
    // relu  4  0.0000  no variation (all 4 = 0)  t, clipped to [0, 1]  0.0000
    assertTrue(line.matches("relu\\s+4\\s+0\\.0000\\s+no variation \\(all 4 = 0\\)\\s+t, clipped to \\[0, 1\\]\\s+0\\.0000"), line);
    assertFalse(r.out().contains("Wilson"), r.out());
  }

  @Test
  void aTrueFalseMetricGetsWilsonsInterval() throws Exception {
    // one seed in four: the lowest seed of each activation
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation",
        "--metric", "seed = (SELECT min(seed) FROM trials)");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(kind: binary)"), r.out());
    // Wilson, 1 of 4 at 95%: (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    double z = 1.959963985;
    double n = 4;
    double p = 0.25;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    String[] c = line(r, "elu");
    assertEquals(0.25, Double.parseDouble(c[2]), 1e-12);
    assertEquals(centre - half, Double.parseDouble(c[3]), 1e-4);
    assertEquals(centre + half, Double.parseDouble(c[4]), 1e-4);
    assertEquals("Wilson", c[5]);

    // every seed ok: a t interval would be the single point [1, 1]; Wilson's reaches down to n / (n + z^2)
    CliRun ok = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "status = 'ok'");
    assertEquals(0, ok.code(), ok.err());
    String[] d = line(ok, "relu");
    assertEquals(1.0, Double.parseDouble(d[2]), 1e-12);
    assertEquals(n / (n + z * z), Double.parseDouble(d[3]), 1e-4);
    assertEquals(1.0, Double.parseDouble(d[4]), 1e-12);
    assertEquals("Wilson", d[5]);

    // a 0/1 number is continuous unless --kind says it is binary
    CliRun number = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "CAST(status = 'ok' AS INT)");
    assertEquals(0, number.code(), number.err());
    assertTrue(text(number, "relu").contains("no variation (all 4 = 1)"), number.out());
    CliRun binary = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "CAST(status = 'ok' AS INT)",
        "--kind", "binary");
    assertEquals(0, binary.code(), binary.err());
    assertEquals(n / (n + z * z), Double.parseDouble(line(binary, "relu")[3]), 1e-4);
    assertEquals("Wilson", line(binary, "relu")[5]);
  }

  @Test
  void kindLogGivesTheGeometricMeanWithTOnTheLogs() throws Exception {
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "final_probe_loss",
        "--kind", "LOG"); // any case
    assertEquals(0, r.code(), r.err());
    double[] logs = java.util.Arrays.stream(relu("final_probe_loss")).map(Math::log).toArray();
    assertEquals(4, logs.length);
    double mean = java.util.Arrays.stream(logs).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / 3);
    // relu  4  geometric-mean  low  high  t on logs (geometric mean)  sd-of-logs
    String line = text(r, "relu");
    assertTrue(line.contains("t on logs (geometric mean)"), line);
    String[] c = line(r, "relu");
    assertEquals(Math.exp(mean), Double.parseDouble(c[2]), 1e-4);
    assertEquals(Math.exp(mean - T975_3 * sd / 2), Double.parseDouble(c[3]), 1e-4);
    assertEquals(Math.exp(mean + T975_3 * sd / 2), Double.parseDouble(c[4]), 1e-4);
    assertEquals(sd, Double.parseDouble(c[c.length - 1]), 1e-4);
  }

  @Test
  void aKindTheValuesDoNotFitIsRefusedNamingTheMetric() {
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "final_probe_loss",
        "--kind", "binary");
    assertEquals(Main.EXIT_INVALID_INPUT, r.code(), r.out());
    assertTrue(r.err().contains("--metric final_probe_loss as binary") && r.err().contains("0 or 1"), r.err());

    CliRun unknown = CliRun.of("summarize", folder.toString(), "--by", "activation", "--kind", "share");
    assertEquals(Main.EXIT_INVALID_INPUT, unknown.code());
    assertTrue(unknown.err().contains("--kind") && unknown.err().contains("BINARY, PROPORTION, CONTINUOUS, LOG"), unknown.err());

    CliRun text = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "status");
    assertEquals(Main.EXIT_INVALID_INPUT, text.code());
    assertTrue(text.err().contains("--metric status is string, not a number or true/false"), text.err());
  }

  @Test
  void aConfidenceLevelOutsideZeroToOneIsRefused() {
    for (String level : List.of("0", "1", "95")) {
      CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--level", level);
      assertEquals(Main.EXIT_INVALID_INPUT, r.code(), level);
      assertTrue(r.err().contains("--level " + Double.parseDouble(level) + ": must be between 0 and 1"), r.err());
    }
  }
}
