package org.deadrelu.jobs.cli;

import picocli.CommandLine.Option;

/** The Spark master of a command that runs Spark: sweep, sql, summarize, report. */
final class SparkMasterOption {
  @Option(names = "--master", description = "Spark master (default: from spark-submit, else local[*]).")
  String master;
}
