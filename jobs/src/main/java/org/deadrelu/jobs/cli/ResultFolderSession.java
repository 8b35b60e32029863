package org.deadrelu.jobs.cli;

import java.io.IOException;
import java.util.List;
import org.deadrelu.jobs.output.ResultTables;

/** What sql, summarize and report share: a Spark session over a result folder, its tables as views. */
final class ResultFolderSession {
  private ResultFolderSession() {}

  static ResultTables open(String appName, String master, String folder) throws IOException {
    ResultTables tables = ResultTables.open(SparkSessions.create(appName, master, List.of()), folder);
    tables.registerViews();
    return tables;
  }
}
