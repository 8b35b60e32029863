package org.deadrelu.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's console shows for bad input: the command run in a JVM of its own, exactly as
 * {@code scripts/deadrelu} runs it (the built jar, its classpath, its log4j2.properties), with
 * stdout and stderr read together. BadInputTest checks the command's own messages in-process;
 * this checks that nothing else (Spark's or Hadoop's logging) puts a stack trace on the console.
 */
class BadInputConsoleIT {
  @TempDir Path tmp;

  record Console(int code, String text, double seconds) {}

  Console deadrelu(String... args) throws IOException, InterruptedException {
    Path target = LocalCluster.ROOT.resolve("jobs/target");
    String jar = System.getProperty("deadrelu.localJar", target.resolve("deadrelu-jobs-0.1.0.jar").toString());
    String classpath = Files.readString(Path.of(System.getProperty("deadrelu.classpathFile",
        target.resolve("classpath.txt").toString()))).strip();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", jar + ":" + classpath, "org.deadrelu.jobs.cli.Main"));
    cmd.addAll(List.of(args));
    Path log = tmp.resolve("console.txt");
    // run in its own folder, as a user runs it in theirs: deadrelu.log is written there
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("deadrelu " + String.join(" ", args) + " did not end");
    }
    Console c = new Console(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "[console] deadrelu %s -> exit %d in %.1f s (JVM start included); console:%n%s",
        String.join(" ", args).replace(tmp.toString(), "$TMP"), c.code, c.seconds, c.text.replace(tmp.toString(), "$TMP"));
    return c;
  }

  static void assertCleanRejection(Console c, String expected) {
    assertEquals(2, c.code, c.text);
    assertTrue(c.text.contains("deadrelu: error: "), c.text);
    assertTrue(c.text.contains(expected), "expected '" + expected + "' in:\n" + c.text);
    assertFalse(c.text.contains("\tat ") || c.text.contains("Exception in") || c.text.contains("Caused by"),
        "a stack trace on the console:\n" + c.text);
    assertFalse(c.text.lines().anyMatch(l -> l.contains(" ERROR ")), "an ERROR log line on the console:\n" + c.text);
  }

  Path sweep(String name, String data) throws IOException {
    Path p = tmp.resolve(name + ".yaml");
    Files.writeString(p, "name: " + name + "\n" + (data == null ? "" : "data: " + data + "\n")
        + "model: {hidden: [3]}\ntrain: {steps: 4, batch_size: 8}\nprobe: {every: 2, samples: 16}\n");
    return p;
  }

  @Test
  void aSweepFileThatTriesToConstructAClass() throws Exception {
    Path p = LocalCluster.ROOT.resolve("jobs/src/test/resources/sweeps/invalid/script-engine-tag.yaml");
    Console c = deadrelu("sweep", p.toString(), "--out", tmp.resolve("out").toString());
    assertCleanRejection(c, "tag !!javax.script.ScriptEngineManager is not allowed");
    // every problem of the file, one line each, and nothing else
    assertTrue(c.text.strip().lines().allMatch(l -> l.contains("script-engine-tag.yaml:")), c.text);
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aDataFileWithANanFeature() throws Exception {
    Path csv = tmp.resolve("nan.csv");
    Files.writeString(csv, "a,b,label\n1.0,2.0,0\nNaN,1.0,1\n2.0,3.0,0\n");
    Console c = deadrelu("sweep", sweep("nan", "{source: csv, path: '" + csv + "'}").toString(),
        "--out", tmp.resolve("out").toString(), "--master", "local[1]");
    assertCleanRejection(c, "row 2, column 1 ('a') is NaN; features must be finite numbers");
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aCsvFileWithARaggedRow() throws Exception {
    // the row fails a Spark task: Spark's report of it, with its stack trace, goes to the log file
    Path csv = tmp.resolve("ragged.csv");
    Files.writeString(csv, "a,b,label\n1.0,2.0,0\n3.0,1\n2.0,3.0,1\n");
    Console c = deadrelu("sweep", sweep("ragged", "{source: csv, path: '" + csv + "'}").toString(),
        "--out", tmp.resolve("out").toString(), "--master", "local[1]");
    assertCleanRejection(c, "data file " + csv + ": cannot be read (Malformed CSV record: 3.0,1)");
    assertEquals(1, c.text.strip().lines().count(), "one line:\n" + c.text);
    assertFalse(Files.exists(tmp.resolve("out")));
    String log = Files.readString(tmp.resolve("deadrelu.log"));
    assertTrue(log.contains("Lost task") && log.contains("\tat ") && log.contains("Malformed CSV record"), log);
  }

  @Test
  void aDataFileThatDoesNotExist() throws Exception {
    Path csv = tmp.resolve("nope.csv");
    Console c = deadrelu("sweep", sweep("nope", "{source: csv, path: '" + csv + "'}").toString(),
        "--out", tmp.resolve("out").toString(), "--master", "local[1]");
    assertCleanRejection(c, "data file " + csv + ": cannot be read as csv");
    assertEquals(1, c.text.strip().lines().count(), "one line:\n" + c.text);
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void anOutputFolderThatCannotBeCreated() throws Exception {
    Console c = deadrelu("sweep", sweep("proc", null).toString(), "--out", "/proc/deadrelu-results",
        "--master", "local[1]");
    assertCleanRejection(c, "output folder /proc/deadrelu-results/proc: cannot be written");
  }

}
