package org.deadrelu.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.stats.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "summarize", description = "Estimate and 95%% confidence interval of a metric over seeds, per group of settings, from a sweep's trials table (or any SQL over its views). The interval follows what the metric is (--kind): a share of trials with Wilson's interval (binary: the default for a true/false metric), a fraction per trial with Student's t clipped to [0, 1] (proportion: the default for dead_fraction, dormant_fraction, saturated_fraction, the active rates and the accuracies), Student's t (continuous: any other metric), or the geometric mean with t on the logs (log: positive values spanning orders of magnitude; sd is then that of the logs). A group whose values are all equal shows no variation.")
final class SummarizeCommand implements Callable<Integer> {
  /**
   * Columns of the trials, layers, neurons and curves tables that are a fraction per trial, so a
   * PROPORTION by default (dormant_score is a ratio, not one of them).
   */
  static final Set<String> PROPORTION_COLUMNS = Set.of("dead_fraction", "dormant_fraction", "saturated_fraction",
      "mean_active_rate", "active_rate", "final_probe_accuracy", "final_test_accuracy", "probe_accuracy",
      "test_accuracy");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_FOLDER", description = "A sweep's folder, e.g. results/quickstart.")
  String folder;

  @Option(names = "--by", required = true, split = ",", description = "Columns to group by, e.g. activation,lr.")
  List<String> by;

  @Option(names = "--metric", defaultValue = "dead_fraction", description = "A numeric or true/false column or SQL expression (default ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--kind", description = "What the metric is, which decides its interval: ${COMPLETION-CANDIDATES} (case-insensitive). Default: binary for a true/false metric, proportion for a fraction column such as dead_fraction, continuous otherwise.")
  MetricKind kind;

  @Option(names = "--from", defaultValue = "trials", description = "A table or SQL query over the folder's views (default ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--where", description = "A SQL predicate on the rows, e.g. \"status = 'ok'\".")
  String where;

  @Mixin ConfidenceLevelOption confidence;

  @Mixin SparkMasterOption sparkMaster;

  @Override
  public Integer call() throws Exception {
    double level = confidence.checked();
    ResultTables tables = ResultFolderSession.open("deadrelu summarize", sparkMaster.master, folder);
    SparkSession spark = tables.spark();
    List<String> views = tables.names();
    Dataset<Row> rows;
    MetricKind chosen;
    try {
      rows = from.contains(" ") ? spark.sql(from) : spark.table(from);
      if (where != null) {
        rows = rows.where(where);
      }
      Column[] groups = by.stream().map(c -> col(c.trim())).toArray(Column[]::new);
      // the metric's own type, before any cast, says whether it is true/false
      rows = rows.selectExpr("*", metric + " AS metric__");
      DataType type = rows.schema().apply("metric__").dataType();
      if (!(type instanceof NumericType || type instanceof BooleanType)) {
        throw new UserInputException("summarize: --metric " + metric + " is " + type.simpleString()
            + ", not a number or true/false");
      }
      chosen = kind != null ? kind : defaultKind(metric, type);
      // a cast makes true/false 1/0; collect_list leaves out nulls, as count and avg did
      rows = rows.groupBy(groups).agg(collect_list(col("metric__").cast("double")).as("values__")).orderBy(groups);
    } catch (UserInputException e) {
      throw e;
    } catch (Exception e) { // Spark raises AnalysisException, checked in Java terms
      throw new UserInputException("summarize: " + e.getMessage().lines().findFirst().orElse("")
          + " (views: " + views + ")", e);
    }
    List<String> header = new ArrayList<>(by);
    header.addAll(List.of("n", "mean", "95% CI".replace("95", String.valueOf(Math.round(level * 100))), "interval", "sd"));
    TextTable table = new TextTable(header);
    // a group has at most the trials of one setting (thousands), so its values fit on the driver
    for (Row r : rows.collectAsList()) {
      List<Object> cells = new ArrayList<>();
      List<String> group = new ArrayList<>();
      for (int i = 0; i < by.size(); i++) {
        cells.add(r.get(i));
        group.add(by.get(i).trim() + "=" + r.get(i));
      }
      List<Double> list = r.getList(by.size());
      double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
      Summary s;
      try {
        s = chosen.summarize(values, level);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("summarize: --metric " + metric + " as " + chosen.name().toLowerCase(Locale.ROOT)
            + (kind == null ? " (its default kind)" : "") + ", group " + String.join(", ", group) + ": " + e.getMessage()
            + "; choose another --kind", e);
      }
      cells.add(s.n());
      cells.add(s.estimate());
      cells.add(s.describeInterval());
      cells.add(s.method());
      cells.add(s.sd());
      table.add(cells);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s of %s, by %s%s (kind: %s):%n", metric, from, String.join(", ", by), where == null ? "" : " where " + where,
        chosen.name().toLowerCase(Locale.ROOT));
    table.print(out);
    return 0;
  }

  /**
   * The kind a metric is when --kind does not say: binary when it is true/false, proportion when it
   * names one of {@link #PROPORTION_COLUMNS} (bare, quoted with backticks or qualified as t.column),
   * continuous otherwise. Chosen from the metric, never from the values a group happens to take.
   */
  static MetricKind defaultKind(String metric, DataType type) {
    if (type instanceof BooleanType) {
      return MetricKind.BINARY;
    }
    String name = metric.trim().replace("`", "");
    if (name.matches("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*")) {
      String column = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (PROPORTION_COLUMNS.contains(column)) {
        return MetricKind.PROPORTION;
      }
    }
    return MetricKind.CONTINUOUS;
  }
}
