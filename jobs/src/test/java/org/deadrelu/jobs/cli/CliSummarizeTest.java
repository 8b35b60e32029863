package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code deadrelu summarize} on a small sweep: a continuous metric gets Student's t interval, checked
 * against values DuckDB reads and the t quantile from a table; a 0/1 metric gets Wilson's interval,
 * checked against its closed form; a bad confidence level is refused.
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

  /** The cells of the output line that starts with {@code first}. */
  private static String[] line(CliRun r, String first) {
    return r.out().lines().filter(l -> l.startsWith(first + " ")).findFirst().orElseThrow(() -> new AssertionError(r.out()))
        .replace("[", "").replace("]", "").replace(",", "").trim().split("\\s+");
  }

  @Test
  void aContinuousMetricGetsStudentsInterval() throws Exception {
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "final_probe_loss");
    assertEquals(0, r.code(), r.err());
    double[] v;
    try (DuckDb duck = new DuckDb(folder)) {
      v = duck.query("SELECT final_probe_loss FROM trials WHERE activation = 'relu'").stream()
          .mapToDouble(row -> ((Number) row.get(0)).doubleValue()).toArray();
    }
    assertEquals(4, v.length);
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    double sd = Math.sqrt(ss / 3);
    double t = 3.182446305; // t(0.975, 3 degrees of freedom), from a table
    // relu  4  mean  low  high  t  sd
    String[] c = line(r, "relu");
    assertEquals("4", c[1]);
    assertEquals(mean, Double.parseDouble(c[2]), 1e-4);
    assertEquals(mean - t * sd / 2, Double.parseDouble(c[3]), 1e-4);
    assertEquals(mean + t * sd / 2, Double.parseDouble(c[4]), 1e-4);
    assertEquals("t", c[5]);
  }

  @Test
  void aZeroOneMetricGetsWilsonsInterval() throws Exception {
    // one seed in four: the lowest seed of each activation
    CliRun r = CliRun.of("summarize", folder.toString(), "--by", "activation",
        "--metric", "CAST(seed = (SELECT min(seed) FROM trials) AS INT)");
    assertEquals(0, r.code(), r.err());
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
    CliRun ok = CliRun.of("summarize", folder.toString(), "--by", "activation", "--metric", "CAST(status = 'ok' AS INT)");
    assertEquals(0, ok.code(), ok.err());
    String[] d = line(ok, "relu");
    assertEquals(n / (n + z * z), Double.parseDouble(d[3]), 1e-4);
    assertEquals(1.0, Double.parseDouble(d[4]), 1e-12);
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
