package org.deadrelu.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deadrelu.jobs.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real drivers (JVMs of their own, started as scripts/deadrelu starts them) on one result folder.
 * The first is frozen (SIGSTOP) after its first commit so the folder cannot change under the
 * second, which must exit 2 naming the holder and leave every file as it was; the first is then
 * killed with kill -9, and a third takes over once the lease has timed out and ends with every
 * trial exactly once (DuckDB).
 */
class LeaseIT {
  static final String SWEEP = """
      name: lease
      data: {source: spirals, samples: 600, noise: 0.2}
      model: {hidden: [32, 32]}
      train: {steps: 400, batch_size: 32}
      probe: {every: 100, samples: 128}
      seeds: 6
      grid: {lr: [0.01, 0.1, 1.0], init_bias: [0.0, 0.1]}
      """;

  @TempDir Path tmp;

  private Process start(String name, String... args) throws IOException {
    Path target = LocalCluster.ROOT.resolve("jobs/target");
    String jar = System.getProperty("deadrelu.localJar", target.resolve("deadrelu-jobs-0.1.0.jar").toString());
    String classpath = Files.readString(Path.of(System.getProperty("deadrelu.classpathFile",
        target.resolve("classpath.txt").toString()))).strip();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", jar + ":" + classpath, "org.deadrelu.jobs.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".txt").toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private String console(String name) throws IOException {
    return Files.readString(tmp.resolve(name + ".txt"), StandardCharsets.UTF_8);
  }

  private static int finish(Process p, String what) throws InterruptedException {
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(what + " did not end");
    }
    return p.exitValue();
  }

  private static long manifests(Path folder) throws IOException {
    Path waves = folder.resolve("_deadrelu/waves");
    if (!Files.exists(waves)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(waves)) {
      return files.filter(p -> p.getFileName().toString().matches("wave-\\d+\\.txt")).count();
    }
  }

  private Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        files.put(folder.relativize(p).toString(), Files.isDirectory(p) ? "dir"
            : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }

  @Test
  void aSecondDriverIsRefusedAndAThirdTakesOverOnceTheKilledHoldersLeaseTimesOut() throws Exception {
    Path sweep = tmp.resolve("lease.yaml");
    Files.writeString(sweep, SWEEP);
    Path out = tmp.resolve("out");
    Path folder = out.resolve("lease");
    String[] run = {"sweep", sweep.toString(), "--out", out.toString(), "--master", "local[1]", "--commit-every", "4",
        "--waves-in-flight", "1", "--progress", "0"};

    Process first = start("first", run);
    for (long waited = 0; manifests(folder) < 1; waited += 100) {
      assertTrue(first.isAlive() && waited < 120_000, "the first driver committed no wave: " + console("first"));
      Thread.sleep(100);
    }
    // frozen: the folder stays as it is while the second driver tries (thawed and frozen again if the
    // stop caught it rewriting its lease)
    JsonNode frozen = null;
    for (int attempt = 0; attempt < 20 && frozen == null; attempt++) {
      if (attempt > 0) {
        signal(first, "CONT");
        Thread.sleep(50);
      }
      signal(first, "STOP");
      frozen = StandaloneClusterIT.readLease(folder.resolve("_deadrelu/lease.json"));
    }
    try {
      JsonNode holder = frozen;
      assertTrue(holder != null, "the frozen driver's lease is readable");
      assertEquals(first.pid(), holder.get("pid").asLong());
      Map<String, String> before = snapshot(folder);
      int second = finish(start("second", run), "the second driver");
      String said = console("second");
      assertEquals(2, second, said);
      assertTrue(said.contains("in use by the driver on host " + holder.get("host").asText() + " (pid " + first.pid()),
          said);
      assertTrue(said.matches("(?s).*last renewed \\d+ s ago.*"), said);
      assertEquals(before, snapshot(folder), "the refused driver wrote nothing");
    } finally {
      signal(first, "KILL");
      first.waitFor();
    }

    // the third waits for the lease to time out (5 s unrenewed), then takes over and finishes
    StandaloneClusterIT.awaitLeaseTimedOut(folder, java.time.Duration.ofSeconds(5));
    List<String> third = new ArrayList<>(List.of(run));
    third.addAll(List.of("--lease-timeout", "5"));
    int code = finish(start("third", third.toArray(String[]::new)), "the third driver");
    String said = console("third");
    assertEquals(0, code, said);
    assertTrue(said.contains("taking over the lease of the driver on host") && said.contains("(pid " + first.pid())
        && said.contains("timed out after 5 s"), said);
    try (DuckDb duck = new DuckDb(folder)) {
      assertEquals(36, duck.count("SELECT count(*) FROM trials"));
      assertEquals(36, duck.count("SELECT count(DISTINCT trial_id) FROM trials"));
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT trial_id, step, layer, neuron, count(*) c "
          + "FROM neurons GROUP BY ALL HAVING c > 1)"));
      // 5 checkpoints x (32 + 32 + 2) neurons per trial
      assertEquals(36 * 5 * 66, duck.count("SELECT count(*) FROM neurons"));
    }
    assertTrue(!Files.exists(folder.resolve("_deadrelu/lease.json")), "the third driver gave the lease back");
  }
}
