package org.deadrelu.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One `deadrelu sweep` submitted as a user would: {@code scripts/submit.sh} with SPARK_HOME pointing
 * at the cluster's assembled Spark, which runs {@code org.apache.spark.deploy.SparkSubmit} in a
 * child JVM (client mode: that JVM is the driver; Spark's launcher adds Java 17's --add-opens list
 * of {@code JavaModuleOptions}). Each submission gets its own driver UI port (its REST API tells
 * which stages and executors are busy) and its own event log (the task-level figures).
 */
final class Submission {
  final String name;
  final Path log;
  final Path eventDir;
  final int uiPort;
  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private Process process;
  private long started;
  private long ended;
  private String appId;

  /**
   * @param master spark://... or local[N]
   * @param sparkHome the SPARK_HOME that scripts/cluster.sh assembled
   * @param work folder for this submission's log and event log
   * @param confs extra Spark settings (KEY=VALUE)
   * @param args the deadrelu command line (sweep FILE --out DIR ...)
   */
  Submission(String name, String master, Path sparkHome, Path javacppCache, Path work, List<String> confs,
      List<String> args) throws IOException {
    this.name = name;
    this.log = work.resolve("logs/" + name + ".log");
    this.eventDir = work.resolve("events/" + name);
    this.uiPort = LocalCluster.freePorts(1)[0];
    Files.createDirectories(log.getParent());
    Files.createDirectories(eventDir);
    command.add(LocalCluster.ROOT.resolve("scripts/submit.sh").toString());
    command.addAll(List.of("--master", master));
    List<String> all = new ArrayList<>(List.of(
        "spark.driver.host=127.0.0.1",
        "spark.driver.bindAddress=127.0.0.1",
        "spark.executor.memory=512m",
        "spark.ui.port=" + uiPort,
        "spark.ui.showConsoleProgress=false",
        "spark.eventLog.enabled=true",
        "spark.eventLog.compress=false",
        "spark.eventLog.dir=file://" + eventDir,
        // one JavaCPP cache shared by every JVM: ND4J's natives are unpacked once, not per executor
        "spark.driver.defaultJavaOptions=-Dorg.bytedeco.javacpp.cachedir=" + javacppCache,
        "spark.executor.defaultJavaOptions=-Dorg.bytedeco.javacpp.cachedir=" + javacppCache));
    all.addAll(confs);
    for (String c : all) {
      command.add("--conf");
      command.add(c);
    }
    command.add("--");
    command.addAll(args);
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("OMP_NUM_THREADS", "1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("DEADRELU_JAR", System.getProperty("deadrelu.jar",
        LocalCluster.ROOT.resolve("jobs/target/deadrelu-jobs-0.1.0-spark.jar").toString()));
  }

  Submission start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(LocalCluster.ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    started = System.nanoTime();
    process = pb.start();
    return this;
  }

  /** The driver JVM's pid (submit.sh and spark-class exec into it). */
  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits for the driver to end; returns its exit code. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(name + ": the driver did not end within " + timeout + "; log " + log);
    }
    ended = System.nanoTime();
    return process.exitValue();
  }

  double wallSeconds() {
    return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
  }

  /** SIGKILL the driver JVM (after checking the pid is still that JVM). */
  void killDriver() throws InterruptedException {
    String cmd = LocalCluster.commandLine(pid()).orElse("");
    if (!cmd.contains("org.apache.spark.deploy.SparkSubmit")) {
      throw new IllegalStateException(name + ": pid " + pid() + " is not the driver JVM: " + cmd);
    }
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor(30, TimeUnit.SECONDS);
    ended = System.nanoTime();
  }

  void destroy() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The application's id, once the driver's REST API answers. */
  String appId(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (appId == null) {
      try {
        JsonNode apps = Http.json(api("applications"));
        if (apps.size() > 0) {
          appId = apps.get(0).get("id").asText();
        }
      } catch (IOException notYet) {
        // the UI is not up yet
      }
      if (appId == null) {
        if (!alive()) {
          throw new AssertionError(name + ": the driver ended before its UI answered; log " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(name + ": no application on the driver UI after " + timeout);
        }
        Thread.sleep(200);
      }
    }
    return appId;
  }

  private String api(String path) {
    return "http://127.0.0.1:" + uiPort + "/api/v1/" + path;
  }

  /**
   * The running tasks of the active stages, as (stage name, executor id) pairs, the driver excluded.
   * Each task is recorded as it starts; the counts a stage or an executor keeps of its active tasks
   * in Spark's status store can lag a whole task behind (they are written at most every 100 ms, so
   * tasks that start right after their stage or their executor's last update leave them at 0).
   */
  private List<String[]> runningTasks() {
    List<String[]> running = new ArrayList<>();
    try {
      for (JsonNode s : Http.json(api("applications/" + appId + "/stages?status=active"))) {
        String tasks = "applications/" + appId + "/stages/" + s.get("stageId").asText() + "/"
            + s.get("attemptId").asText() + "/taskList?status=RUNNING&length=10000";
        for (JsonNode t : Http.json(api(tasks))) {
          String id = t.get("executorId").asText();
          if (!id.equals("driver") && "RUNNING".equals(t.path("status").asText())) {
            running.add(new String[] {s.get("name").asText(), id});
          }
        }
      }
    } catch (IOException | InterruptedException | RuntimeException notAnswering) {
      // the driver is starting, ending or gone
    }
    return running;
  }

  /** Executor id to its running task count. */
  Map<String, Integer> busyExecutors() {
    Map<String, Integer> busy = new LinkedHashMap<>();
    runningTasks().forEach(t -> busy.merge(t[1], 1, Integer::sum));
    return busy;
  }

  /** Whether a stage whose name starts with {@code prefix} has tasks running now. */
  boolean running(String prefix) {
    return runningTasks().stream().anyMatch(t -> t[0].startsWith(prefix));
  }

  /** Polls until {@code condition} holds; false if the driver ended first or time ran out. */
  boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && alive()) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** The task-level figures of this submission, from its event log. */
  EventLog events() throws IOException {
    try (var files = Files.list(eventDir)) {
      List<Path> logs = files.toList();
      if (logs.size() != 1) {
        throw new AssertionError(name + ": expected one event log in " + eventDir + ", found " + logs);
      }
      return EventLog.read(logs.get(0));
    }
  }
}
