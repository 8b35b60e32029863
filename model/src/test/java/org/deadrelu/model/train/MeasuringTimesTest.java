package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The trainer's measuring time and its parts: the death scans' and the held-out split's time are
 * counted where those passes run, are nothing where they do not, and never add up to more than
 * the measuring time they are part of.
 */
class MeasuringTimesTest {
  private static TrialConfig.Builder config(int probeSamples) {
    return TrialConfig.builder().set(HIDDEN, List.of(8, 8)).set(STEPS, 40).set(PROBE_EVERY, 10)
        .set(PROBE_SAMPLES, probeSamples).seed(7);
  }

  @Test
  void aProbeSampleAndAHeldOutSplitCostScanAndHeldOutTime() {
    Trainer trainer = new Trainer();
    trainer.train(config(20).build(), TestData.twoClasses(200, 3, 1));
    assertTrue(trainer.deathScanNanos() > 0, "160 training rows beside a probe of 20: a scan at each checkpoint");
    assertTrue(trainer.heldOutNanos() > 0, "a held-out split of 40 rows");
    assertTrue(trainer.deathScanNanos() + trainer.heldOutNanos() < trainer.measuringNanos(),
        "the probe's own time is the rest: " + trainer.deathScanNanos() + " + " + trainer.heldOutNanos() + " of "
            + trainer.measuringNanos());
  }

  @Test
  void aProbeOfTheWholeSplitAndNoHeldOutRowsCostNeither() {
    Dataset full = TestData.twoClasses(200, 3, 1);
    Dataset noTest = new Dataset("no-test", true, 2, full.trainX(), full.trainY(), new double[0][3], new double[0]);
    Trainer trainer = new Trainer();
    trainer.train(config(10_000).build(), noTest);
    assertEquals(0, trainer.deathScanNanos(), "the probe set is the whole split: its own pass decides death");
    assertEquals(0, trainer.heldOutNanos());
    assertTrue(trainer.measuringNanos() > 0);
  }
}
