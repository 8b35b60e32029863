package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DORMANT_TAU;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.KICK_SIGMA;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_EVERY;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.deadrelu.model.config.Settings.WARMING_ANNEAL;
import static org.deadrelu.model.config.Settings.WARMING_HOLD;
import static org.deadrelu.model.config.Settings.WARMING_OFFSET;
import static org.deadrelu.model.config.Settings.WARMING_SCHEDULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.EventRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.train.Trainer;
import org.junit.jupiter.api.Test;

/** Every intervention is an event, and its outcome agrees with the neurons' own rows. */
class EventLedgerTest {
  private static TrialConfig.Builder dying() {
    // a high learning rate and a negative initial bias kill many ReLUs early
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.BLOBS).set(DATA_SAMPLES, 300).set(DATA_FEATURES, 4)
        .set(HIDDEN, java.util.List.of(16, 16)).set(LR, 0.8).set(INIT_BIAS, -0.3).set(STEPS, 60).set(PROBE_EVERY, 10).set(BATCH_SIZE, 32)
        .set(PROBE_SAMPLES, 100).seed(5);
  }

  private static TrialOutput train(TrialConfig c) {
    return new Trainer().train(c, DatasetFactory.build(c, p -> null));
  }

  @Test
  void everyKickIsAnEventWhoseOutcomeMatchesTheNeuronsTable() {
    TrialOutput out = train(dying().set(REVIVAL, RevivalKind.KICK).set(REVIVAL_EVERY, 10).set(KICK_SIGMA, 0.3).build());
    List<EventRecord> events = out.events();
    assertTrue(events.size() > 0, "neurons died and were kicked");
    for (int step = 10; step < 60; step += 10) {
      int s = step;
      long dead = out.neurons().stream().filter(n -> n.step() == s && !n.outputLayer() && n.dead()).count();
      long kicked = events.stream().filter(e -> e.step() == s).count();
      assertEquals(dead, kicked, "one kick per neuron dead at step " + step);
    }
    for (EventRecord e : events) {
      List<NeuronRecord> later = out.neurons().stream()
          .filter(n -> n.layer() == e.layer() && n.neuron() == e.neuron() && n.step() > e.step()).toList();
      boolean revived = !later.isEmpty() && !later.get(0).dead();
      assertEquals(revived, e.revived(), "revived at the next checkpoint, " + e);
      int survived = 0;
      if (revived) {
        survived = later.stream().filter(NeuronRecord::dead).findFirst()
            .map(n -> n.step() - e.step()).orElse(later.get(later.size() - 1).step() - e.step());
      }
      assertEquals(survived, e.stepsSurvived(), "steps survived, " + e);
      assertTrue(e.lossBefore() != null && e.lossAfter() != null, "losses around the kick");
    }
  }

  @Test
  void warmingLogsItsOffsetAndRecordsOnePhaseEventPerHiddenNeuron() {
    TrialOutput out = train(dying().set(REVIVAL, RevivalKind.WARMING).set(WARMING_OFFSET, 0.4).set(WARMING_HOLD, 20)
        .set(WARMING_ANNEAL, 20).set(WARMING_SCHEDULE, "linear").build());
    WarmingSchedule schedule = new WarmingSchedule(0.4, 20, 20, "linear");
    for (CurvePoint c : out.curves()) {
      assertEquals(schedule.offsetAt(c.step()), c.warmingOffset(), 1e-12, "offset at step " + c.step());
    }
    assertEquals(0.0, out.curves().get(out.curves().size() - 1).warmingOffset());
    assertEquals(32, out.events().size());
    assertTrue(out.events().stream().allMatch(e -> e.step() == 0 && e.kind().equals("warming") && e.magnitude() == 0.4));
  }

  @Test
  void redoReinitializesDormantNeuronsAndRecordsThem() {
    TrialOutput out = train(dying().set(REVIVAL, RevivalKind.REDO).set(REVIVAL_EVERY, 10).set(DORMANT_TAU, 0.1).build());
    for (int step = 10; step < 60; step += 10) {
      int s = step;
      long dormant = out.neurons().stream().filter(n -> n.step() == s && !n.outputLayer() && n.dormant()).count();
      assertEquals(dormant, out.events().stream().filter(e -> e.step() == s).count(), "step " + step);
    }
    assertTrue(out.events().stream().allMatch(e -> e.kind().equals("redo") && e.magnitude() > 0));
  }

  @Test
  void withoutACureThereAreNoEvents() {
    assertEquals(0, train(dying().build()).events().size());
  }
}
