package org.deadrelu.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.deadrelu.jobs.output.ResultTables;
import org.deadrelu.jobs.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Write summary/, summary.csv, summary_layers/, survival/, effects/, paired/, importance/, a self-contained report.html and its charts/ (SVG, CSV, Vega-Lite) next to a sweep's tables.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_FOLDER", description = "A sweep's folder, e.g. results/quickstart.")
  String folder;

  @Option(names = "--group-by", split = ",", description = "Columns of trials that split the curves and survival (default: the swept settings, or one of them when they make more than 10 groups).")
  List<String> groupBy = List.of();

  @Option(names = "--where", description = "A SQL predicate on trials, e.g. \"activation = 'relu'\".")
  String where;

  @Option(names = "--axes", split = ",", description = "The heatmap's two axes X,Y (default: init_bias,l2 when both are swept, else the first two swept settings).")
  List<String> axes = List.of();

  @Mixin ConfidenceLevelOption confidence;

  @Option(names = "--out", description = "Where to write (default: the result folder).")
  String out;

  @Mixin SparkMasterOption sparkMaster;

  @Override
  public Integer call() throws Exception {
    double level = confidence.checked();
    ResultTables tables = ResultFolderSession.open("deadrelu report", sparkMaster.master, folder);
    // the arguments as typed, the subcommand's name among them
    String command = "deadrelu " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
        .map(a -> a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    long t0 = System.nanoTime();
    PrintWriter pw = spec.commandLine().getOut();
    Report.Result r = Report.run(tables, new Report.Options(groupBy, where, axes, level, command, out), line -> {
      pw.println(line);
      pw.flush();
    });
    pw.printf("report: %d trials in %d configurations; swept %s; groups by %s; heatmap %s (%.1f s)%n", r.trials(), r.configs(),
        r.swept(), r.groupBy(), r.axes(), (System.nanoTime() - t0) / 1e9);
    for (String n : r.notes()) {
      pw.println("note: " + n);
    }
    pw.println("wrote " + r.html() + " and charts/, summary/, summary.csv, summary_layers/, survival/, effects/, paired/, importance/");
    pw.flush();
    return 0;
  }
}
