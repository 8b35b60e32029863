package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events table against the neurons table of the same run, read back by DuckDB. */
class EventsTableTest {
  static final String SWEEP = """
      name: kicks
      data: {source: blobs, samples: 300, features: 4}
      model: {hidden: [16, 16], init_bias: -0.3}
      train: {steps: 60, batch_size: 32, lr: 0.8}
      probe: {every: 10, samples: 100}
      revival: {strategy: kick, every: 10, sigma: 0.3}
      seeds: 3
      """;

  @TempDir Path out;

  @Test
  void everyKickIsAnEventAndItsOutcomeMatchesTheNeuronsTable() throws Exception {
    SweepSpec spec = SweepLoader.load("kicks.yaml", SWEEP);
    new SweepRunner(SparkTestSession.get(), new PrintStream(System.out))
        .run(spec.name(), spec.expand(), SweepOptions.of(out.toString(), 8, 100), SWEEP);
    try (DuckDb duck = new DuckDb(out.resolve("kicks"))) {
      long events = duck.count("SELECT count(*) FROM events");
      assertTrue(events > 0, "neurons died and were kicked");
      // kicks happen every 10 steps, right after the checkpoint of that step: one per dead hidden neuron
      assertEquals(duck.count("SELECT count(*) FROM neurons WHERE dead AND NOT output_layer AND step % 10 = 0 "
          + "AND step > 0 AND step < 60"), events);
      // revived = alive at the next checkpoint (step + 10)
      assertEquals(0, duck.count("SELECT count(*) FROM events e JOIN neurons n ON n.trial_id = e.trial_id "
          + "AND n.layer = e.layer AND n.neuron = e.neuron AND n.step = e.step + 10 WHERE e.revived = n.dead"));
      // steps_survived = first later checkpoint where dead again, else the last checkpoint, minus the step
      assertEquals(0, duck.count("""
          SELECT count(*) FROM events e WHERE e.revived AND e.steps_survived <> coalesce(
            (SELECT min(n.step) FROM neurons n WHERE n.trial_id = e.trial_id AND n.layer = e.layer
               AND n.neuron = e.neuron AND n.step > e.step AND n.dead),
            (SELECT max(n.step) FROM neurons n WHERE n.trial_id = e.trial_id)) - e.step"""));
      assertEquals(0, duck.count("SELECT count(*) FROM events WHERE NOT revived AND steps_survived <> 0"));
    }
  }
}
