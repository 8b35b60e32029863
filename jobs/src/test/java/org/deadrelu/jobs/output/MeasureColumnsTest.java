package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.Settings;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers table's rank columns and the neurons table's outgoing weight norms as a sweep writes
 * them, read back by DuckDB and compared with the same trials trained alone by the engine (within
 * the float tolerance of PopulationEquivalenceTest: the sweep trains them as one population).
 */
class MeasureColumnsTest {
  static final String SWEEP = """
      name: measures
      data: {source: blobs, samples: 150, classes: 3, features: 3}
      model: {hidden: [6, 4]}
      train: {steps: 8, batch_size: 16, lr: 0.3}
      probe: {every: 4, samples: 40}
      seeds: 2
      grid: {ranks: [true, false]}
      """;
  @TempDir static Path out;
  static Map<String, TrialOutput> alone = new HashMap<>();

  @BeforeAll
  static void sweep() throws Exception {
    SweepSpec spec = SweepLoader.load("measures.yaml", SWEEP);
    List<TrialConfig> planned = spec.expand();
    assertEquals(4, planned.size());
    new SweepRunner(SparkTestSession.get(), new PrintStream(System.out))
        .run(spec.name(), planned, SweepOptions.of(out.toString(), 4, 1), SWEEP);
    for (TrialConfig c : planned) {
      alone.put(c.trialId(), new Trainer().train(c, DatasetFactory.build(c, p -> null)));
    }
  }

  @Test
  void rankColumnsHoldTheEnginesRanksForHiddenLayersOfTrialsThatAskedForThem() throws Exception {
    int compared = 0;
    try (DuckDb duck = new DuckDb(out.resolve("measures"))) {
      List<List<Object>> rows = duck.query("SELECT l.trial_id, l.step, l.layer, l.output_layer, t.probe_ranks,"
          + " l.effective_rank, l.stable_rank, l.srank, l.approximate_rank"
          + " FROM layers l JOIN trials t USING (trial_id) ORDER BY l.trial_id, l.step, l.layer");
      assertEquals(4 * 3 * 3, rows.size(), "4 trials, checkpoints 0, 4 and 8, two hidden layers and the output");
      for (List<Object> row : rows) {
        LayerRecord expected = alone.get((String) row.get(0)).layers().stream()
            .filter(l -> l.step() == (Integer) row.get(1) && l.layer() == (Integer) row.get(2)).findFirst().orElseThrow();
        String where = row.toString();
        if ((Boolean) row.get(3) || !(Boolean) row.get(4)) {
          for (int i = 5; i < 9; i++) {
            assertNull(row.get(i), where);
          }
          continue;
        }
        assertNotNull(expected.effectiveRank(), where);
        close(expected.effectiveRank(), (Double) row.get(5), where);
        close(expected.stableRank(), (Double) row.get(6), where);
        assertEquals(expected.srank(), row.get(7), where);
        assertEquals(expected.approximateRank(), row.get(8), where);
        compared++;
      }
    }
    assertEquals(2 * 3 * 2, compared, "2 trials with ranks, 3 checkpoints, 2 hidden layers");
  }

  @Test
  void outgoingWeightNormsAreTheEnginesAndNullOnTheOutputLayer() throws Exception {
    try (DuckDb duck = new DuckDb(out.resolve("measures"))) {
      List<List<Object>> rows = duck.query("SELECT trial_id, step, layer, neuron, output_layer, outgoing_weight_norm,"
          + " weight_norm FROM neurons ORDER BY trial_id, step, layer, neuron");
      assertEquals(4 * 3 * (6 + 4 + 3), rows.size());
      for (List<Object> row : rows) {
        NeuronRecord expected = alone.get((String) row.get(0)).neurons().stream()
            .filter(n -> n.step() == (Integer) row.get(1) && n.layer() == (Integer) row.get(2) && n.neuron() == (Integer) row.get(3))
            .findFirst().orElseThrow();
        String where = row.toString();
        if ((Boolean) row.get(4)) {
          assertNull(row.get(5), where);
        } else {
          assertTrue((Double) row.get(5) > 0, where);
          close(expected.outgoingWeightNorm(), (Double) row.get(5), where);
        }
        close(expected.weightNorm(), (Double) row.get(6), where);
      }
    }
  }

  @Test
  void probeRanksIsATrialsColumnAndNotAReportAxis() throws Exception {
    try (DuckDb duck = new DuckDb(out.resolve("measures"))) {
      assertEquals(List.of(List.of(false, 2L), List.of(true, 2L)),
          duck.query("SELECT probe_ranks, count(*) FROM trials GROUP BY 1 ORDER BY 1"));
    }
    assertTrue(!Settings.PROBE_RANKS.axis());
  }

  private static void close(double expected, double actual, String where) {
    assertEquals(expected, actual, 1e-6 + 1e-4 * Math.abs(expected), where);
  }
}
