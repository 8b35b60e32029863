package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deadrelu.jobs.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per result folder, in one JVM: refusal, renewal, takeover of a stale lease, forced takeover. */
class ResultLeaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path out;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ResultStore open(Duration timeout, boolean force) {
    return ResultStore.open(out.toString(), "s", new Configuration(), new ResultLease.Settings(timeout, force),
        "app-" + timeout.toMillis(), new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private JsonNode lease() throws Exception {
    return JSON.readTree(out.resolve("s/_deadrelu/lease.json").toFile());
  }

  /** Every file under the folder with its size and modification time. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.toList()) {
        files.put(out.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  private static long manifests(Path waves) throws Exception {
    try (Stream<Path> files = Files.list(waves)) {
      return files.filter(p -> p.getFileName().toString().matches("wave-\\d+\\.txt")).count();
    }
  }

  @Test
  void aSecondDriverIsRefusedNamingTheHolderAndWritesNothing() throws Exception {
    try (ResultStore first = open(Duration.ofSeconds(60), false)) {
      JsonNode holder = lease();
      assertEquals(ProcessHandle.current().pid(), holder.get("pid").asLong());
      assertEquals("app-60000", holder.get("application").asText());
      Map<String, String> before = snapshot();
      UserInputException e = assertThrows(UserInputException.class, () -> open(Duration.ofSeconds(60), false));
      assertTrue(e.getMessage().contains("in use by the driver on host " + holder.get("host").asText()
          + " (pid " + ProcessHandle.current().pid() + ", application app-60000"), e.getMessage());
      assertTrue(e.getMessage().matches("(?s).*last renewed \\d+ s ago.*--force-takeover.*"), e.getMessage());
      assertEquals(before, snapshot(), "the refused driver changed nothing in the folder");
    }
    assertFalse(Files.exists(out.resolve("s/_deadrelu/lease.json")), "a driver that ends gives the lease back");
  }

  @Test
  void theHolderRenewsItsLeaseWhileItRuns() throws Exception {
    try (ResultStore first = open(Duration.ofMillis(800), false)) {
      long renewed = lease().get("renewed").asLong();
      Thread.sleep(700);
      assertTrue(lease().get("renewed").asLong() > renewed, "renewed every quarter of the timeout");
      first.commitWave(List.of("t1"), Map.of(), null);
    }
  }

  @Test
  void aLeaseNotRenewedForItsTimeoutIsTakenOverWithALineSayingSo() throws Exception {
    Files.createDirectories(out.resolve("s/_deadrelu"));
    long old = System.currentTimeMillis() - 10_000;
    Files.writeString(out.resolve("s/_deadrelu/lease.json"), "{\"token\":\"gone\",\"host\":\"dead-host\",\"pid\":4242,"
        + "\"application\":\"app-killed\",\"started\":" + old + ",\"renewed\":" + old + "}");
    assertThrows(UserInputException.class, () -> open(Duration.ofSeconds(60), false), "10 s old is fresh for 60 s");
    try (ResultStore taker = open(Duration.ofSeconds(5), false)) {
      assertNotEquals("gone", lease().get("token").asText());
      String said = console.toString(StandardCharsets.UTF_8);
      assertTrue(said.contains("taking over the lease of the driver on host dead-host (pid 4242, application app-killed")
          && said.contains("timed out after 5 s"), said);
      taker.commitWave(List.of("t1"), Map.of("trials", Set.of()), null);
    }
  }

  @Test
  void aForcedTakeoverStopsTheFormerHolderBeforeItsNextCommit() throws Exception {
    try (ResultStore first = open(Duration.ofSeconds(60), false);
        ResultStore second = open(Duration.ofSeconds(60), true)) {
      assertTrue(console.toString(StandardCharsets.UTF_8).contains("(--force-takeover)"));
      Path waves = out.resolve("s/_deadrelu/waves");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.commitWave(List.of("t1"), Map.of(), null));
      assertTrue(e.getMessage().contains("no longer holds the folder's lease") && e.getMessage().contains("stops without committing"),
          e.getMessage());
      assertEquals(0, manifests(waves), "the former holder committed nothing");
      second.commitWave(List.of("t2"), Map.of(), null);
      assertEquals(1, manifests(waves));
    }
  }

  @Test
  void anOpenThatFailsAfterTakingTheLeaseGivesItBack() throws Exception {
    // a file in the ledger's waves folder that is not a manifest fails the open after the lease is taken
    Files.createDirectories(out.resolve("s/_deadrelu/waves"));
    Files.writeString(out.resolve("s/_deadrelu/sweep-name"), "s\n");
    Files.writeString(out.resolve("s/_deadrelu/waves/wave-x.txt"), "trial t1\n");
    UserInputException first = assertThrows(UserInputException.class, () -> open(Duration.ofSeconds(60), false));
    assertTrue(first.getMessage().contains("wave-x.txt is not a manifest"), first.getMessage());
    assertFalse(Files.exists(out.resolve("s/_deadrelu/lease.json")), "the lease was left behind");
    // the next run meets the same problem, not a lease held by the run that failed
    UserInputException second = assertThrows(UserInputException.class, () -> open(Duration.ofSeconds(60), false));
    assertEquals(first.getMessage(), second.getMessage());
  }
}
