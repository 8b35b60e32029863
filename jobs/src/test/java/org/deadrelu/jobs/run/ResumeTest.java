package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.output.ResultStore;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep interrupted part-way, then rerun: every trial ends up exactly once in every table. The
 * interruption leaves what a killed driver leaves on disk: committed waves, plus the Parquet files
 * of a wave whose manifest was never written (and its provenance), files its tasks wrote that were
 * never moved into the tables, and Spark's temporary folder.
 */
class ResumeTest {
  static final String SWEEP = """
      name: resume
      data: {source: blobs, samples: 200, classes: 2, features: 3}
      model: {hidden: [4]}
      train: {steps: 10, batch_size: 16, lr: 0.1}
      probe: {every: 5, samples: 32}
      seeds: 3
      grid:
        activation: [relu, tanh]
        init_bias: [0.0, 0.5]
      """;

  @TempDir Path out;

  private SweepReport run(List<TrialConfig> trials) throws IOException {
    return new SweepRunner(SparkTestSession.get(), new PrintStream(System.out))
        .run("resume", trials, SweepOptions.of(out.toString(), 2, 4).compactingFrom(2), SWEEP);
  }

  @Test
  void anInterruptedSweepRerunEndsWithEveryTrialExactlyOnce() throws Exception {
    SweepSpec spec = SweepLoader.load("resume.yaml", SWEEP);
    List<TrialConfig> all = spec.expand();
    assertEquals(12, all.size());

    // the first run gets through 5 trials (two committed waves of at most 4) before "dying"
    SweepReport first = run(all.subList(0, 5));
    assertEquals(5, first.ran());
    Path folder = out.resolve("resume");
    // ... and in its third wave had written some tables but not the manifest: duplicate parts
    for (String table : List.of("neurons", "layers", "trials")) {
      try (Stream<Path> parts = Files.list(folder.resolve(table))) {
        Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        Files.copy(part, folder.resolve(table).resolve("part-99999-uncommitted-c000.snappy.parquet"));
      }
      Files.createDirectories(folder.resolve(table).resolve("_temporary/0"));
      Path incoming = Files.createDirectories(folder.resolve("_deadrelu/incoming").resolve(table));
      try (Stream<Path> parts = Files.list(folder.resolve(table))) {
        Files.copy(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow(),
            incoming.resolve("part-00007-never-moved.snappy.parquet"));
      }
    }
    // the dead wave's provenance, written under the number of the manifest it never wrote
    long manifests;
    try (Stream<Path> waves = Files.list(folder.resolve("_deadrelu/waves"))) {
      manifests = waves.filter(p -> p.getFileName().toString().matches("wave-\\d{6}\\.txt")).count();
    }
    String orphan = String.format(Locale.ROOT, "wave-%06d.json", manifests);
    Files.writeString(folder.resolve("_deadrelu/provenance").resolve(orphan), "{\"left_by_a_killed_driver\": true}\n");
    try (DuckDb duck = new DuckDb(folder)) {
      assertTrue(duck.count("SELECT count(*) FROM trials") > 5, "the leftover parts duplicate rows before the rerun");
    }

    SweepReport second = run(all);
    assertEquals(5, second.skipped());
    assertEquals(7, second.ran());

    try (DuckDb duck = new DuckDb(folder)) {
      assertEquals(12, duck.count("SELECT count(*) FROM trials"));
      assertEquals(12, duck.count("SELECT count(DISTINCT trial_id) FROM trials"));
      // 3 checkpoints (0, 5, 10) x 2 layers (4 hidden, 2 outputs)
      assertEquals(12 * 3 * 2, duck.count("SELECT count(*) FROM layers"));
      assertEquals(12 * 3 * 6, duck.count("SELECT count(*) FROM neurons"));
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT trial_id, step, layer, neuron, count(*) c "
          + "FROM neurons GROUP BY ALL HAVING c > 1)"));
      assertEquals(12 * 3, duck.count("SELECT count(*) FROM curves"));
    }
    assertTrue(Files.exists(folder.resolve("_deadrelu/uncommitted")), "the leftovers were moved aside, not deleted");
    try (Stream<Path> aside = Files.walk(folder.resolve("_deadrelu/uncommitted"))) {
      assertEquals(3, aside.filter(p -> p.getFileName().toString().equals("part-00007-never-moved.snappy.parquet")).count(),
          "the tasks' files the dead driver never moved were set aside with the rest");
    }
    assertFalse(Files.exists(folder.resolve("_deadrelu/incoming")), "a finished sweep leaves no task files behind");
    try (Stream<Path> aside = Files.walk(folder.resolve("_deadrelu/uncommitted"))) {
      List<Path> dead = aside.filter(p -> p.endsWith(Path.of("provenance", orphan))).toList();
      assertEquals(1, dead.size(), "the dead wave's provenance was set aside");
      assertTrue(Files.readString(dead.get(0)).contains("left_by_a_killed_driver"));
    }
    // the wave that took its number has its own; every provenance file is one a manifest names
    assertTrue(Files.exists(folder.resolve("_deadrelu/provenance").resolve(orphan)));
    try (Stream<Path> kept = Files.list(folder.resolve("_deadrelu/provenance"))) {
      for (Path p : kept.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        String manifest = Files.readString(folder.resolve("_deadrelu/waves")
            .resolve(p.getFileName().toString().replace(".json", ".txt")));
        assertTrue(manifest.contains("provenance " + p.getFileName() + "\n"), p.toString());
        assertFalse(Files.readString(p).contains("left_by_a_killed_driver"), p.toString());
      }
    }
    // written in four waves over two runs, each table ends compacted: its files are one rewrite's
    ResultStore store = ResultStore.open(out.toString(), "resume", SparkTestSession.get().sparkContext().hadoopConfiguration());
    for (String table : List.of("trials", "layers", "neurons", "curves", "events")) {
      assertEquals(1, store.manifestsOf(table), table);
      assertEquals(store.committedFiles(table), store.dataFiles(table), table + ": the folder holds exactly the ledger's files");
    }
  }
}
