package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A real local-mode sweep in three waves: every committed wave has its provenance, named by its
 * manifest, covering its trials exactly once, and what it says is checked against sources other
 * than the code that wrote it (this JVM, Spark, the ND4J jar Maven resolved, the trials table).
 */
class ProvenanceTest {
  static final String SWEEP = """
      name: provenance
      data: {source: blobs, samples: 120, classes: 2, features: 3}
      model: {hidden: [5]}
      train: {steps: 10, batch_size: 16, lr: 0.1}
      probe: {every: 10, samples: 16}
      seeds: 3
      grid:
        init_bias: [0.0, 0.1]
      """;
  static final Pattern MANIFEST = Pattern.compile("wave-(\\d{6})\\.txt");

  @TempDir static Path out;
  static SparkSession spark;
  static List<TrialConfig> planned;
  static Path ledger;

  @BeforeAll
  static void runSweep() throws Exception {
    spark = SparkTestSession.get();
    SweepSpec spec = SweepLoader.load("provenance.yaml", SWEEP);
    planned = spec.expand();
    // waves of 2 trials, a shard (a task) per trial
    new SweepRunner(spark, new PrintStream(System.out)).run(spec.name(), planned, SweepOptions.of(out.toString(), 1, 2),
        SWEEP);
    ledger = out.resolve("provenance/_deadrelu");
  }

  /** The manifests of committed waves (compaction's rewrites name no trials), by number. */
  private static List<Path> waveManifests() throws Exception {
    List<Path> waves = new ArrayList<>();
    try (Stream<Path> s = Files.list(ledger.resolve("waves"))) {
      for (Path m : s.sorted().toList()) {
        if (MANIFEST.matcher(m.getFileName().toString()).matches()
            && Files.readAllLines(m).stream().anyMatch(l -> l.startsWith("trial "))) {
          waves.add(m);
        }
      }
    }
    return waves;
  }

  private static List<String> linesStarting(Path manifest, String word) throws Exception {
    return Files.readAllLines(manifest).stream().filter(l -> l.startsWith(word + " "))
        .map(l -> l.substring(word.length() + 1)).toList();
  }

  @Test
  void everyCommittedWaveHasItsProvenanceCoveringItsTrialsOnce() throws Exception {
    List<Path> waves = waveManifests();
    assertEquals(3, waves.size(), "6 trials in waves of 2");
    Set<String> named = new HashSet<>();
    Set<String> allTrials = new TreeSet<>();
    for (Path manifest : waves) {
      Matcher m = MANIFEST.matcher(manifest.getFileName().toString());
      assertTrue(m.matches());
      String file = "wave-" + m.group(1) + ".json";
      assertEquals(List.of(file), linesStarting(manifest, "provenance"), "the manifest names its provenance");
      named.add(file);
      JsonNode record = new ObjectMapper().readTree(ledger.resolve("provenance").resolve(file).toFile());
      assertNotNull(record.get("committed_at").textValue());
      List<String> trials = new ArrayList<>();
      for (JsonNode env : record.get("environments")) {
        env.get("trials").forEach(t -> trials.add(t.textValue()));
      }
      assertEquals(new TreeSet<>(linesStarting(manifest, "trial")), new TreeSet<>(trials), manifest.toString());
      assertEquals(new HashSet<>(trials).size(), trials.size(), "each trial under one environment, once");
      allTrials.addAll(trials);
    }
    assertEquals(planned.stream().map(TrialConfig::trialId).collect(Collectors.toCollection(TreeSet::new)), allTrials);
    try (Stream<Path> s = Files.list(ledger.resolve("provenance"))) {
      assertEquals(named, s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .collect(Collectors.toSet()), "no provenance that no manifest names");
    }
  }

  @Test
  void theEnvironmentIsThisJvmsAndAgreesWithTheTrialsTable() throws Exception {
    // local mode: the executor is this JVM
    String nd4jJar = Path.of(Nd4j.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Matcher maven = Pattern.compile(".*/org/nd4j/nd4j-api/([^/]+)/nd4j-api-\\1\\.jar").matcher(nd4jJar);
    assertTrue(maven.matches(), "nd4j-api comes from the Maven repository: " + nd4jJar);
    String nd4jVersion = maven.group(1);
    String ompThreads = System.getenv("OMP_NUM_THREADS");
    for (Path manifest : waveManifests()) {
      String file = manifest.getFileName().toString().replace(".txt", ".json");
      JsonNode record = new ObjectMapper().readTree(ledger.resolve("provenance").resolve(file).toFile());
      assertEquals(1, record.get("environments").size(), "one executor: one environment");
      JsonNode env = record.get("environments").get(0);
      assertEquals(System.getProperty("java.version"), env.get("java_version").textValue());
      assertEquals(System.getProperty("java.vendor"), env.get("java_vendor").textValue());
      assertEquals(spark.version(), env.get("spark_version").textValue());
      assertEquals(nd4jVersion, env.get("nd4j_version").textValue());
      assertFalse(env.get("host").textValue().isEmpty());
      assertEquals("OPENBLAS", env.get("blas_vendor").textValue());
      assertTrue(Files.isRegularFile(Path.of(env.get("blas_library").textValue())), env.toString());
      // two calls into OpenBLAS agree: its configuration string names the kernels it runs
      String core = env.get("openblas_core").textValue();
      assertNotNull(core, env.toString());
      assertTrue(env.get("openblas_config").textValue().toLowerCase(Locale.ROOT).contains(core.toLowerCase(Locale.ROOT)), env.toString());
      if (ompThreads != null) {
        assertEquals(Integer.parseInt(ompThreads), env.get("openblas_threads").intValue(), "ND4J sets OpenBLAS's threads");
      }
      assertEquals(System.getenv("OPENBLAS_CORETYPE"), env.get("openblas_coretype").textValue());
      assertEquals(0, env.get("unknown").size(), "everything is known here: " + env.get("unknown"));

      String engine = env.get("engine_version").textValue();
      assertTrue(engine.matches("[0-9a-f]{12}"), engine);
      String ids = linesStarting(manifest, "trial").stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
      try (DuckDb duck = new DuckDb(out.resolve("provenance"))) {
        List<List<Object>> rows = duck.query("SELECT DISTINCT engine_version FROM trials WHERE trial_id IN (" + ids + ")");
        assertEquals(List.of(List.of(engine)), rows, "the wave's trials rows carry the engine version");
      }
    }
  }
}
