package org.deadrelu.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", description = "Run a Spark SQL query over a sweep's result folder; each table is a view (trials, layers, neurons, curves, events).")
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_FOLDER", description = "A sweep's folder, e.g. results/quickstart.")
  String folder;

  @Parameters(index = "1", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(names = "--limit", defaultValue = "100", description = "Most rows to print (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin SparkMasterOption sparkMaster;

  @Override
  public Integer call() throws Exception {
    ResultTables tables = ResultFolderSession.open("deadrelu sql", sparkMaster.master, folder);
    SparkSession spark = tables.spark();
    List<String> views = tables.names();
    Dataset<Row> result;
    try {
      result = spark.sql(query);
    } catch (Exception e) { // Spark raises AnalysisException and SparkException, checked in Java terms
      throw new UserInputException("query: " + e.getMessage().lines().findFirst().orElse("") + " (views: " + views + ")", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    TextTable table = new TextTable(Arrays.asList(result.columns()));
    List<Row> rows = result.limit(limit + 1).collectAsList();
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        cells.add(r.get(i));
      }
      table.add(cells);
    }
    table.print(out);
    out.printf("%d row%s%s%n", Math.min(limit, rows.size()), rows.size() == 1 ? "" : "s",
        rows.size() > limit ? " (more not shown; raise --limit)" : "");
    out.flush();
    return 0;
  }
}
