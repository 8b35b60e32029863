package org.deadrelu.jobs.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.model.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The deadrelu command line. */
@Command(
    name = "deadrelu",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Which hyperparameters kill ReLU neurons, and which cures bring them back.",
    subcommands = {ValidateCommand.class, PlanCommand.class, SweepCommand.class, SqlCommand.class,
        SummarizeCommand.class, ReportCommand.class, FindingsCommand.class})
public final class Main implements Runnable {
  /** Invalid input: a sweep file, data file, option or path that cannot be used. */
  public static final int EXIT_INVALID_INPUT = 2;
  /** The sweep ran but every trial in it failed. */
  public static final int EXIT_ALL_FAILED = 3;

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  /** Runs one command; returns its exit code. Input errors print one clear message, no stack trace. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out).setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true); // --kind log or LOG
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof UserInputException || e instanceof SweepValidationException
          || e instanceof DataException) {
        err.println("deadrelu: error: " + e.getMessage());
        err.flush();
        return EXIT_INVALID_INPUT;
      }
      LOG.error("deadrelu failed", e);
      err.println("deadrelu: failed: " + e + " (the log has the details)");
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return cli.execute(args);
  }
}
