package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deadrelu report} as a user runs it, on a small copy of sweeps/quickstart.yaml (ReLU against
 * Leaky ReLU, whose alpha is null for ReLU): what the console shows and what the page says about the run.
 */
class CliReportTest {
  static final String SWEEP = """
      name: q
      description: a small quickstart
      data: {source: spirals, samples: 200, noise: 0.2}
      model: {hidden: [8, 8], alpha: 0.1}
      train: {steps: 40, batch_size: 16}
      probe: {every: 20, samples: 64}
      seeds: 2
      grid: {activation: [relu, leaky_relu], lr: [0.05, 1.0]}
      """;

  @TempDir static Path tmp;
  static Path folder;

  @BeforeAll
  static void sweep() throws Exception {
    SparkTestSession.get();
    Path file = tmp.resolve("q.yaml");
    Files.writeString(file, SWEEP);
    CliRun r = CliRun.of("sweep", file.toString(), "--out", tmp.resolve("results").toString(), "--progress", "0");
    assertEquals(0, r.code(), r.err());
    folder = tmp.resolve("results/q");
  }

  /**
   * The console is the command's own output plus what log4j's root logger prints (its "console"
   * appender, from jobs' log4j2.properties): a second appender on the root sees the same events.
   */
  @Test
  void theConsoleShowsProgressAndNoMllibWarningsAndThePageTheCommandAsTyped() throws Exception {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    LoggerConfig root = ctx.getConfiguration().getRootLogger();
    assertTrue(root.getAppenders().containsKey("console"), "the shipped log4j2.properties is in force: " + root.getAppenders());
    StringWriter logged = new StringWriter();
    WriterAppender capture = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%p %c{1}: %m%n").build(),
        null, logged, "capture", false, true);
    capture.start();
    root.addAppender(capture, null, null);
    ctx.updateLoggers();
    CliRun r;
    try {
      LogManager.getLogger("org.deadrelu.capturecheck").warn("capture works");
      r = CliRun.of("report", folder.toString(), "--out", tmp.resolve("report").toString());
    } finally {
      root.removeAppender("capture");
      ctx.updateLoggers();
      capture.stop();
    }
    assertEquals(0, r.code(), r.err());
    String console = logged + r.out() + r.err();
    assertTrue(logged.toString().contains("capture works"), "the capture sees what the console sees");
    assertFalse(console.contains("regParam"), console);
    // in this JVM the command reuses the tests' Spark session, and Spark says so; a user's command has its own
    assertFalse(console.lines().anyMatch(l -> l.startsWith("WARN") && !l.contains("capture works")
        && !l.contains("Using an existing Spark session")), "no warnings on a clean run:\n" + console);
    for (String stage : new String[] {"report: reading the trials", "report: 8 trials (8 ok)", "report: survival",
        "report: effects", "report: importance", "report: charts"}) {
      assertTrue(r.out().contains(stage), stage + " in:\n" + r.out());
    }
    String html = Files.readString(tmp.resolve("report/report.html"));
    assertTrue(html.contains("<pre>deadrelu report " + folder + " --out " + tmp.resolve("report") + "</pre>"), html);
    assertFalse(html.contains("report report"));
    assertTrue(html.contains("Trial counts by status: 8 ok;"), html);
    assertFalse(html.contains("{ok="));
  }
}
