package org.deadrelu.jobs.findings;

import static org.deadrelu.model.config.Settings.STEPS;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepReport;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.Claim;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;

/**
 * Runs every claim sweep (trials already in the output folder are kept) and evaluates each claim on
 * its tables. Scaled-down runs (fewer seeds, fewer steps) exercise the same path quickly; their
 * document says it is scaled down.
 */
public final class Findings {

  /** A sweep file to run: where it is (as the document names it), its text and its parsed form. */
  public record SweepFile(String path, String text, SweepSpec spec) {}

  /**
   * @param out result folder; each sweep's tables go to {@code out/<sweep name>}
   * @param seeds keep only the first this many seeds of each sweep; null for all
   * @param maxSteps cap every trial's training steps; null for none
   */
  public record Options(String out, Integer seeds, Integer maxSteps, int progressSeconds) {
    boolean scaled() {
      return seeds != null || maxSteps != null;
    }
  }

  /** One sweep's outcome: its trials by status and each claim's result. */
  /**
   * @param folder the sweep's tables, as the options name it ({@code out/<sweep name>})
   * @param ran trials trained in this run; the others were already in the folder
   */
  public record SweepOutcome(SweepFile file, String folder, Map<String, Long> statuses, List<ClaimOutcome> claims,
      int ran, double seconds) {}

  /** A claim and what its evaluation gave. */
  public record ClaimOutcome(Claim claim, ClaimResult result) {}

  private final SparkSession spark;
  private final PrintStream log;

  public Findings(SparkSession spark, PrintStream log) {
    this.spark = spark;
    this.log = log;
  }

  public List<SweepOutcome> run(List<SweepFile> files, Options options) throws IOException {
    List<SweepOutcome> out = new ArrayList<>();
    for (SweepFile f : files) {
      if (f.spec().claims().isEmpty()) {
        throw new UserInputException("sweep file " + f.path() + ": has no claims: list, so it tests nothing");
      }
      long started = System.nanoTime();
      List<TrialConfig> trials = scale(f.spec(), options);
      SweepReport report = new SweepRunner(spark, log).run(f.spec().name(), trials,
          new SweepOptions(options.out(), SweepOptions.DEFAULT_MAX_SHARD_TRIALS, SweepOptions.DEFAULT_MEMORY_BUDGET_MB, 0,
              options.progressSeconds()), f.text());
      ResultTables tables = ResultTables.open(spark, report.folder());
      tables.registerViews();
      List<ClaimOutcome> claims = new ArrayList<>();
      for (Claim c : f.spec().claims()) {
        claims.add(new ClaimOutcome(c, evaluate(c)));
        log.printf("claim %s/%s: %s%n", f.spec().name(), c.name(), claims.get(claims.size() - 1).result().summary());
      }
      Map<String, Long> statuses = new java.util.TreeMap<>();
      spark.sql("SELECT status, count(*) FROM trials GROUP BY status").collectAsList()
          .forEach(r -> statuses.put(r.getString(0), r.getLong(1)));
      String folder = options.out().replaceAll("/+$", "") + "/" + f.spec().name();
      out.add(new SweepOutcome(f, folder, statuses, claims, report.ran(), (System.nanoTime() - started) / 1e9));
    }
    return out;
  }

  /** Evaluates a claim on the tables registered as views. */
  ClaimResult evaluate(Claim c) {
    Map<List<String>, List<ClaimRows.Trial>> cells = ClaimRows.load(spark, c);
    if (c.compare() != null) {
      return PairedClaim.evaluate(c, cells);
    }
    if (c.estimate() != null) {
      return EstimateClaim.evaluate(c, cells);
    }
    return BornDeadBoundClaim.evaluate(c, cells);
  }

  private static List<TrialConfig> scale(SweepSpec spec, Options o) {
    List<Long> kept = o.seeds() == null ? spec.seeds() : spec.seeds().subList(0, Math.min(o.seeds(), spec.seeds().size()));
    return spec.expand().stream()
        .filter(t -> kept.contains(t.seed()))
        .map(t -> o.maxSteps() == null || t.get(STEPS) <= o.maxSteps() ? t : t.toBuilder().set(STEPS, o.maxSteps()).build())
        .toList();
  }
}
