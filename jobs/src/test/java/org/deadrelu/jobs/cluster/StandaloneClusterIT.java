package org.deadrelu.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * deadrelu on a real Spark standalone cluster: a master and two workers (1 core, 1 GiB each) on
 * 127.0.0.1 and 127.0.0.2 (two hosts to Spark), started by {@code scripts/cluster.sh}; every sweep
 * submitted with
 * {@code scripts/submit.sh} (SparkSubmit in a child JVM: the driver), executors in JVMs the workers
 * fork. The tables of every run are compared, through DuckDB, with those of the same sweep run in
 * local mode; the event log Spark writes for each application gives the task-level figures.
 * Runs in `./mvnw verify` (Failsafe), after the shaded jar is built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  static final Path WORK = Path.of(System.getProperty("deadrelu.itWork", "target/cluster-it")).toAbsolutePath();
  static final Duration RUN_LIMIT = Duration.ofMinutes(5);
  static final int TRIALS = 24;
  static final String SWEEP_NAME = "clusterit";

  LocalCluster cluster;
  Path runs;
  Path javacpp;
  Path sweep;
  Path poisoned;
  private Submission local;
  private Path reference;

  @BeforeAll
  void startClusterAndTheReferenceRun() throws Exception {
    // this build's own folder (another build on this machine may be running its own cluster)
    runs = WORK.resolve("run-" + ProcessHandle.current().pid());
    deleteStaleRuns();
    Files.createDirectories(runs);
    // shared between builds: the unpacked natives, the assembled SPARK_HOME (rebuilt when missing)
    javacpp = WORK.resolve("javacpp-cache");
    Files.createDirectories(javacpp);
    sweep = resource("cluster-sweep.yaml");
    poisoned = resource("poisoned-sweep.yaml");

    // the reference, in local mode, runs while the cluster starts
    Path localOut = runs.resolve("local/out");
    cluster = new LocalCluster(runs.resolve("cluster"), WORK.resolve("spark-home"), 2);
    Files.createDirectories(cluster.dir);
    cluster.assemble();
    local = submission("local-reference", "local[2]", List.of(), sweep, localOut, "--commit-every", "12");
    local.start();
    double up = cluster.start();
    print("cluster", "master %s, 2 workers alive (127.0.0.1, 127.0.0.2), started by scripts/cluster.sh in %.1f s", cluster.masterUrl(), up);
    reference(); // before the first cluster run, so that no two sweeps share the 2 cores
  }

  /** The tables of the sweep in local mode (waits for that run the first time). */
  private Path reference() throws Exception {
    if (reference == null) {
      assertEquals(0, local.await(RUN_LIMIT), () -> tail(local));
      reference = runs.resolve("local/out").resolve(SWEEP_NAME);
      print("local-reference", "the same sweep in local mode (local[2]): %d trials in %.1f s",
          ResultTables.count(reference, "SELECT count(*) FROM trials"), local.wallSeconds());
    }
    return reference;
  }

  /** Folders of earlier builds whose JVM is gone. */
  private static void deleteStaleRuns() throws IOException {
    if (!Files.isDirectory(WORK)) {
      return;
    }
    try (Stream<Path> s = Files.list(WORK)) {
      for (Path p : s.filter(p -> p.getFileName().toString().matches("run-\\d+")).toList()) {
        long pid = Long.parseLong(p.getFileName().toString().substring(4));
        if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
          deleteTree(p);
        }
      }
    }
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (local != null) {
      local.destroy();
    }
    if (cluster != null) {
      cluster.close();
      String left = cluster.masterJsonOrNull();
      assertEquals(null, left, "the master still answers after scripts/cluster.sh stop");
    }
  }

  @Test
  @Order(1)
  void happyPathMatchesLocalModeRowForRow() throws Exception {
    Path out = runs.resolve("happy/out");
    Submission run = submission("happy", cluster.masterUrl(), List.of(), sweep, out, "--commit-every", "12");
    run.start();
    String app = run.appId(Duration.ofMinutes(2));
    // executor JVMs seen while it runs: processes forked by the workers, none of them the driver
    Set<Long> executorPids = new TreeSet<>();
    while (run.alive()) {
      executorPids.addAll(cluster.executorPids(app).values());
      Thread.sleep(250);
    }
    assertEquals(0, run.await(RUN_LIMIT), () -> tail(run));
    EventLog events = run.events();
    List<ResultTables.Comparison> cmp = ResultTables.compare(out.resolve(SWEEP_NAME), reference());
    figures("happy", run, cmp, events, String.format("executor JVMs seen %s (driver pid %d)", executorPids, run.pid()));

    assertTrue(executorPids.size() >= 2 && !executorPids.contains(run.pid()),
        "executors ran in at least two JVMs other than the driver's: " + executorPids);
    assertTrue(events.executorsWithTasks().size() >= 2 && !events.executorsWithTasks().contains("driver"),
        "tasks succeeded on at least two executors: " + events.executorsWithTasks());
    assertTrue(cluster.masterJson().contains(app), "the master knows the application");
    assertIdentical(cmp);
    assertEquals(0, events.failed(), events.figures());
    cluster.removeJarCopies(app);
  }

  @Test
  @Order(2)
  void anExecutorKilledMidRunLosesAndDuplicatesNothing() throws Exception {
    Path out = runs.resolve("executor-kill/out");
    Submission run = submission("executor-kill", cluster.masterUrl(), List.of(), sweep, out, "--commit-every", "12");
    run.start();
    String app = run.appId(Duration.ofMinutes(2));
    Path waves = out.resolve(SWEEP_NAME + "/_deadrelu/waves");
    // mid-run: a wave committed, and the next wave's trials training on an executor
    boolean ready = run.awaitCondition(() -> manifests(waves) >= 1 && run.running("collectAsync at SweepRunner")
        && !run.busyExecutors().isEmpty(), RUN_LIMIT);
    assertTrue(ready, "the sweep ended before an executor could be killed mid-run:\n" + tail(run));
    String victim = run.busyExecutors().keySet().iterator().next();
    Long pid = cluster.executorPids(app).get(victim);
    assertTrue(pid != null, "no JVM found for executor " + victim);
    int committedBefore = manifests(waves);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // kill -9
    print("executor-kill", "kill -9 executor %s (pid %d) while it trained, %d of 2 waves committed",
        victim, pid, committedBefore);

    assertEquals(0, run.await(RUN_LIMIT), () -> tail(run));
    EventLog events = run.events();
    List<ResultTables.Comparison> cmp = ResultTables.compare(out.resolve(SWEEP_NAME), reference());
    figures("executor-kill", run, cmp, events, "");
    assertIdentical(cmp);
    assertTrue(events.executorsRemoved() >= 1, "the driver saw the executor go: " + events.figures());
    // its running task was lost and ran again (ExecutorLostFailure, in the figures above), unless it
    // ended in the few milliseconds between the check and the kill, its files written and its result
    // sent: either way the tables above are complete and identical
    cluster.removeJarCopies(app);
  }

  @Test
  @Order(3)
  void aDriverKilledAtSeveralPointsThenRerunEndsWithEveryTrialOnce() throws Exception {
    Path out = runs.resolve("driver-kill/out");
    Path folder = out.resolve(SWEEP_NAME);
    Path waves = folder.resolve("_deadrelu/waves");
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<EventLog> logs = new ArrayList<>();
    double wall = 0;
    // the same command every time: 2 waves of 12 trials; a killed driver's lease times out in 3 s
    String[] args = {"--commit-every", "12", "--lease-timeout", "3"};
    for (int i = 1; i <= 3; i++) {
      Submission run = submission("driver-kill-" + i, cluster.masterUrl(), List.of(), sweep, out, args);
      run.start();
      String app = run.appId(Duration.ofMinutes(2));
      int before = manifests(waves);
      boolean landed;
      String where;
      switch (i) {
        case 1 -> {
          long delay = random.nextLong(0, 3000);
          Thread.sleep(delay);
          landed = run.alive();
          where = String.format(Locale.ROOT, "at a random point, %d ms after its UI answered (seed %d)", delay, seed);
        }
        case 2 -> {
          landed = run.awaitCondition(() -> manifests(waves) > before && run.running("collectAsync at SweepRunner"), RUN_LIMIT);
          where = "while trials trained, after this run committed a wave";
        }
        default -> {
          Path incoming = folder.resolve("_deadrelu/incoming");
          landed = run.awaitCondition(() -> files(incoming) > 0, RUN_LIMIT);
          where = "once tasks of its wave had written their files, before the driver moved them";
        }
      }
      assertTrue(landed, "run " + i + " ended before its driver could be killed:\n" + tail(run));
      Set<Long> executors = Set.copyOf(cluster.executorPids(app).values());
      run.killDriver();
      wall += run.wallSeconds();
      print("driver-kill", "run %d: kill -9 driver (pid %d) %s; %s; waves committed %d -> %d",
          i, run.pid(), where, alreadyWritten(run), before, manifests(waves));
      logs.add(run.events());
      // the workers end the dead driver's executors
      assertTrue(awaitGone(executors, Duration.ofSeconds(60)), "executors of the killed driver still run: " + executors);
      cluster.removeJarCopies(app);
      awaitLeaseTimedOut(folder, Duration.ofSeconds(3));
    }
    Submission last = submission("driver-kill-rerun", cluster.masterUrl(), List.of(), sweep, out, args);
    last.start();
    String app = last.appId(Duration.ofMinutes(2));
    assertEquals(0, last.await(RUN_LIMIT), () -> tail(last));
    wall += last.wallSeconds();
    logs.add(last.events());
    print("driver-kill", "rerun: %s", alreadyWritten(last));
    List<ResultTables.Comparison> cmp = ResultTables.compare(folder, reference());
    figures("driver-kill", last, cmp, EventLog.sum(logs), String.format(Locale.ROOT,
        "4 submissions, %.1f s in all; entries moved aside to _deadrelu/uncommitted %d", wall, uncommitted(folder)));
    assertIdentical(cmp);
    assertTrue(uncommitted(folder) > 0, "the killed write's files were moved aside");
    cluster.removeJarCopies(app);
  }

  @Test
  @Order(4)
  void speculativeCopiesOfTasksWriteNoDuplicateRows() throws Exception {
    Path out = runs.resolve("speculation/out");
    List<String> speculation = List.of(
        "spark.speculation=true",
        "spark.speculation.interval=50ms",
        "spark.speculation.multiplier=0.5",
        "spark.speculation.quantile=0.1",
        "spark.speculation.minTaskRuntime=50ms",
        "spark.speculation.efficiency.enabled=false");
    Submission run = submission("speculation", cluster.masterUrl(), speculation, sweep, out, "--commit-every", "12");
    run.start();
    String app = run.appId(Duration.ofMinutes(2));
    assertEquals(0, run.await(RUN_LIMIT), () -> tail(run));
    EventLog events = run.events();
    List<ResultTables.Comparison> cmp = ResultTables.compare(out.resolve(SWEEP_NAME), reference());
    figures("speculation", run, cmp, events, "");
    assertIdentical(cmp);
    assertTrue(events.speculative() >= 1, "Spark launched speculative copies: " + events.figures());
    cluster.removeJarCopies(app);
  }

  @Test
  @Order(5)
  void poisonedTrialsAreRowsWithTheirErrorAndNoTaskFails() throws Exception {
    Path out = runs.resolve("poisoned/out");
    // one wave: populations of several trials, poisoned ones beside healthy ones
    Submission run = submission("poisoned", cluster.masterUrl(), List.of(), poisoned, out);
    run.start();
    String app = run.appId(Duration.ofMinutes(2));
    assertEquals(0, run.await(RUN_LIMIT), () -> tail(run));
    EventLog events = run.events();
    Path folder = out.resolve(SWEEP_NAME);
    long diverged = ResultTables.count(folder, "SELECT count(*) FROM trials WHERE lr = 1.0e6 AND status = 'diverged' "
        + "AND error IS NOT NULL AND diverged_step IS NOT NULL");
    long failed = ResultTables.count(folder, "SELECT count(*) FROM trials WHERE fault_at_step = 3 AND status = 'failed' "
        + "AND error LIKE '%injected fault at step 3%' AND steps_completed = 3");
    long ok = ResultTables.count(folder, "SELECT count(*) FROM trials WHERE status = 'ok'");
    // the healthy trials are trials of the reference sweep: same ids, same measurements
    List<ResultTables.Comparison> cmp = ResultTables.compare(folder, reference(), "status = 'ok'");
    figures("poisoned", run, cmp, events, String.format("36 trials: ok %d, diverged %d (lr 1e6), failed %d "
        + "(fault_at_step 3)", ok, diverged, failed));
    assertEquals(36, ResultTables.count(folder, "SELECT count(DISTINCT trial_id) FROM trials"));
    assertEquals(36, ResultTables.count(folder, "SELECT count(*) FROM trials"));
    assertEquals(12, diverged, "every lr 1e6 trial diverged");
    assertEquals(6, failed, "every faulty trial failed with its error");
    assertEquals(18, ok);
    assertIdentical(cmp);
    // trial failures are caught inside the task: no task failed, none was retried
    assertEquals(0, events.failed(), events.figures());
    assertEquals(0, events.retries(), events.figures());
    assertTrue(run.output().contains("run now: ok 18, diverged 12, failed 6"), tail(run));
    cluster.removeJarCopies(app);
  }

  // ---------------------------------------------------------------------------------------------

  private Submission submission(String name, String master, List<String> confs, Path sweepFile, Path out,
      String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("sweep", sweepFile.toString(), "--out", out.toString(), "--progress", "0"));
    args.addAll(List.of(options));
    return new Submission(name, master, cluster.sparkHome, javacpp, runs, confs, args);
  }

  private Path resource(String name) throws IOException {
    Path target = runs.resolve("sweeps/" + name);
    Files.createDirectories(target.getParent());
    try (InputStream in = StandaloneClusterIT.class.getResourceAsStream("/cluster/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  private static void assertIdentical(List<ResultTables.Comparison> cmp) {
    for (ResultTables.Comparison c : cmp) {
      assertTrue(c.identical(), "not identical to the local-mode run: " + c);
    }
  }

  /** Committed waves in a result folder's ledger. */
  /** Waits until the folder's lease (if any) has gone unrenewed for longer than {@code timeout}. */
  static void awaitLeaseTimedOut(Path folder, Duration timeout) throws Exception {
    Path lease = folder.resolve("_deadrelu/lease.json");
    for (long waited = 0; Files.exists(lease); waited += 200) {
      JsonNode held = readLease(lease);
      // a driver killed mid-renewal leaves a file that never parses: then, as the drivers do, its
      // last modification is its last renewal
      long renewed;
      try {
        renewed = held != null ? held.get("renewed").asLong() : Files.getLastModifiedTime(lease).toMillis();
      } catch (java.nio.file.NoSuchFileException gone) {
        return;
      }
      if (System.currentTimeMillis() - renewed > timeout.toMillis() + 500) {
        return;
      }
      assertTrue(waited < 120_000, "the killed driver's lease never aged");
      Thread.sleep(200);
    }
  }

  /** The lease file's content, or null while it is being written (caught empty or half-written). */
  static JsonNode readLease(Path lease) {
    try {
      JsonNode n = Http.JSON.readTree(lease.toFile());
      return n != null && n.has("renewed") && n.has("pid") ? n : null;
    } catch (IOException partial) {
      return null;
    }
  }

  /**
   * Two submissions into one folder: the second is refused (exit 2) naming the first, frozen with
   * SIGSTOP after its first commit, and changes nothing outside the frozen driver's task folders;
   * after kill -9 of the first, a third takes over once the lease times out, and every trial is
   * there once.
   */
  @Test
  @Order(6)
  void aSecondSubmissionIntoAFolderInUseIsRefusedAndAThirdTakesOverAfterTheHolderIsKilled() throws Exception {
    Path out = runs.resolve("lease/out");
    Path folder = out.resolve(SWEEP_NAME);
    Path waves = folder.resolve("_deadrelu/waves");
    String[] args = {"--commit-every", "6", "--waves-in-flight", "1"};
    Submission first = submission("lease-first", cluster.masterUrl(), List.of(), sweep, out, args);
    first.start();
    String app = first.appId(Duration.ofMinutes(2));
    assertTrue(first.awaitCondition(() -> manifests(waves) >= 1, RUN_LIMIT), "no wave committed:\n" + tail(first));
    Set<Long> executors = Set.copyOf(cluster.executorPids(app).values());
    // frozen (thawed and frozen again if the stop caught it rewriting its lease)
    JsonNode frozen = null;
    for (int attempt = 0; attempt < 20 && frozen == null; attempt++) {
      if (attempt > 0) {
        assertEquals(0, new ProcessBuilder("kill", "-CONT", String.valueOf(first.pid())).start().waitFor());
        Thread.sleep(50);
      }
      assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(first.pid())).start().waitFor());
      frozen = readLease(folder.resolve("_deadrelu/lease.json"));
    }
    try {
      JsonNode holder = frozen;
      assertTrue(holder != null, "the frozen driver's lease is readable");
      assertEquals(first.pid(), holder.get("pid").asLong());
      assertEquals(app, holder.get("application").asText());
      Map<String, String> before = snapshotOutsideIncoming(folder);
      Submission second = submission("lease-second", cluster.masterUrl(), List.of(), sweep, out, args);
      second.start();
      assertEquals(2, second.await(RUN_LIMIT), () -> tail(second));
      String said = second.output();
      assertTrue(said.contains("in use by the driver on host " + holder.get("host").asText() + " (pid " + first.pid()
          + ", application " + app), said);
      assertEquals(before, snapshotOutsideIncoming(folder), "the refused submission changed the folder");
      print("lease", "second submission refused (exit 2): %s", said.lines().filter(l -> l.contains("in use by"))
          .findFirst().orElse("").replace(runs.toString(), "$RUNS"));
    } finally {
      first.killDriver();
    }
    assertTrue(awaitGone(executors, Duration.ofSeconds(60)), "executors of the killed driver still run: " + executors);
    cluster.removeJarCopies(app);
    awaitLeaseTimedOut(folder, Duration.ofSeconds(5));
    List<String> third = new ArrayList<>(List.of(args));
    third.addAll(List.of("--lease-timeout", "5"));
    Submission taker = submission("lease-third", cluster.masterUrl(), List.of(), sweep, out, third.toArray(String[]::new));
    taker.start();
    String takerApp = taker.appId(Duration.ofMinutes(2));
    assertEquals(0, taker.await(RUN_LIMIT), () -> tail(taker));
    assertTrue(taker.output().contains("taking over the lease of the driver on host"), taker.output());
    assertEquals(TRIALS, ResultTables.count(folder, "SELECT count(*) FROM trials"));
    assertEquals(TRIALS, ResultTables.count(folder, "SELECT count(DISTINCT trial_id) FROM trials"));
    assertIdentical(ResultTables.compare(folder, reference()));
    cluster.removeJarCopies(takerApp);
  }

  /** Every file of the folder but the tasks' incoming files (a frozen driver's executors may still write those). */
  private static Map<String, String> snapshotOutsideIncoming(Path folder) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        String rel = folder.relativize(p).toString();
        if (!rel.startsWith("_deadrelu/incoming")) {
          files.put(rel, Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
    return files;
  }

  private static int manifests(Path waves) {
    if (!Files.isDirectory(waves)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(waves)) {
      return (int) s.filter(p -> p.getFileName().toString().matches("wave-\\d+\\.txt")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Regular files under a folder that tasks are writing into (0 if it is gone). */
  private static long files(Path folder) {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static long uncommitted(Path folder) throws IOException {
    Path aside = folder.resolve("_deadrelu/uncommitted");
    if (!Files.isDirectory(aside)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(aside)) {
      return s.count() - 1; // files and folders (a killed job's _temporary), the folder itself not counted
    }
  }

  private static final Pattern PLANNED = Pattern.compile("(\\d+) trials planned, (\\d+) already written, (\\d+) to run");

  private static String alreadyWritten(Submission run) throws IOException {
    Matcher m = PLANNED.matcher(run.output());
    return m.find() ? "it found " + m.group(2) + " of " + m.group(1) + " trials written, ran " + m.group(3)
        : "it had not planned yet";
  }

  private static boolean awaitGone(Set<Long> pids, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (pids.stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static void figures(String test, Submission run, List<ResultTables.Comparison> cmp, EventLog events,
      String extra) {
    long trials = cmp.get(0).rows();
    long rows = cmp.stream().mapToLong(ResultTables.Comparison::rows).sum();
    long dups = cmp.stream().mapToLong(ResultTables.Comparison::duplicates).sum();
    long lost = cmp.stream().mapToLong(ResultTables.Comparison::lost).sum();
    long differing = cmp.stream().mapToLong(c -> c.onlyInRun() + c.onlyInReference()).sum();
    print(test, "trials %d, rows %d in 5 tables, duplicates %d, lost %d, differing from local mode %d, "
        + "task failures %d, retries %d, speculative %d, wall %.1f s%s", trials, rows, dups, lost, differing,
        events.failed(), events.retries(), events.speculative(), run.wallSeconds(),
        extra.isEmpty() ? "" : "; " + extra);
    print(test, "%s", events.figures());
    cmp.forEach(c -> print(test, "  %s", c));
  }

  private static void print(String test, String format, Object... args) {
    System.out.println("[cluster-it] " + test + ": " + String.format(Locale.ROOT, format, args));
  }

  private static String tail(Submission run) {
    try {
      List<String> lines = run.output().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
