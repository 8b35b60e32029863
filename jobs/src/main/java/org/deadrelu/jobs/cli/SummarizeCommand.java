package org.deadrelu.jobs.cli;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;
import org.deadrelu.jobs.report.ConfidenceInterval;
import org.deadrelu.jobs.report.Proportion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "summarize", description = "Mean and 95% confidence interval of a metric over seeds, per group of settings, from a sweep's trials table (or any SQL over its views): Student's t, or Wilson's for a metric that is 0 or 1 on every row.")
final class SummarizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_FOLDER", description = "A sweep's folder, e.g. results/quickstart.")
  String folder;

  @Option(names = "--by", required = true, split = ",", description = "Columns to group by, e.g. activation,lr.")
  List<String> by;

  @Option(names = "--metric", defaultValue = "dead_fraction", description = "A numeric column or SQL expression (default ${DEFAULT-VALUE}).")
  String metric;

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
    try {
      rows = from.contains(" ") ? spark.sql(from) : spark.table(from);
      if (where != null) {
        rows = rows.where(where);
      }
      Column[] groups = by.stream().map(c -> col(c.trim())).toArray(Column[]::new);
      rows = rows.selectExpr("*", "CAST(" + metric + " AS DOUBLE) AS metric__")
          .groupBy(groups).agg(count("metric__").as("n"), avg("metric__").as("mean"),
              stddev_samp("metric__").as("sd"),
              // a metric that is 0 or 1 on every row is a proportion
              sum(expr("CASE WHEN metric__ IN (0, 1) THEN 0 ELSE 1 END")).as("not_binary"))
          .orderBy(groups);
    } catch (Exception e) { // Spark raises AnalysisException, checked in Java terms
      throw new UserInputException("summarize: " + e.getMessage().lines().findFirst().orElse("")
          + " (views: " + views + ")", e);
    }
    List<String> header = new ArrayList<>(by);
    header.addAll(List.of("n", "mean", "95% CI".replace("95", String.valueOf(Math.round(level * 100))), "interval", "sd"));
    TextTable table = new TextTable(header);
    for (Row r : rows.collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < by.size(); i++) {
        cells.add(r.get(i));
      }
      long n = r.getLong(by.size());
      double mean = r.isNullAt(by.size() + 1) ? Double.NaN : r.getDouble(by.size() + 1);
      double sd = r.isNullAt(by.size() + 2) ? Double.NaN : r.getDouble(by.size() + 2);
      boolean binary = n > 0 && r.getLong(by.size() + 3) == 0;
      double low;
      double high;
      if (binary) {
        // Wilson, not t: a t interval is empty when every seed agrees (0 of n or n of n)
        Proportion p = Proportion.wilson(Math.round(mean * n), n, level);
        low = p.low();
        high = p.high();
      } else {
        ConfidenceInterval ci = ConfidenceInterval.of(n, mean, sd, level);
        low = ci.low();
        high = ci.high();
      }
      cells.add(n);
      cells.add(mean);
      cells.add(Double.isNaN(low) ? "n/a" : "[" + TextTable.format(low) + ", " + TextTable.format(high) + "]");
      cells.add(binary ? "Wilson" : "t");
      cells.add(sd);
      table.add(cells);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s of %s, by %s%s:%n", metric, from, String.join(", ", by), where == null ? "" : " where " + where);
    table.print(out);
    return 0;
  }
}
