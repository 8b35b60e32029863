package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_FLIP_ONE;
import static org.deadrelu.model.config.Settings.DATA_PERIOD;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.ERROR_WINDOW;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.SHIFT_EVERY;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;
import static org.deadrelu.model.config.Settings.TEST_FRACTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.ShiftKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/** The settings of non-stationary training in sweep files: fixed, as axes, dropped where they mean nothing, refused when wrong. */
class NonStationarySweepTest {

  @Test
  void aSlowlyChangingSweepReadsItsSettingsAndDropsWhatAStreamHasNot() {
    List<TrialConfig> trials = SweepLoader.load("stream.yaml", """
        name: stream
        data: {source: slowly_changing, period: 500, test_fraction: 0.3}
        train: {batch_size: 1}
        probe: {schedule: geometric, error_window: 50, samples: 64}
        grid:
          flip_one: [false, true]
        """).expand();
    assertEquals(2, trials.size());
    for (TrialConfig t : trials) {
      assertEquals(DataSourceKind.SLOWLY_CHANGING, t.get(DATA_SOURCE));
      assertEquals(500, t.get(DATA_PERIOD));
      assertEquals("regression", t.get(DATA_TASK));
      assertEquals(HeadKind.LINEAR, t.get(HEAD));
      assertEquals(1, t.get(BATCH_SIZE));
      assertEquals("geometric", t.get(PROBE_SCHEDULE));
      assertEquals(50, t.get(ERROR_WINDOW));
      // a stream holds nothing out, and its probe set is its task's whole input set
      assertNull(t.get(TEST_FRACTION));
      assertNull(t.get(PROBE_SAMPLES));
      assertNull(t.get(DEATH_ROWS));
      assertEquals(ShiftKind.NONE, t.get(SHIFT_KIND));
      assertNull(t.get(SHIFT_EVERY));
    }
    assertEquals(List.of(false, true), trials.stream().map(t -> t.get(DATA_FLIP_ONE)).toList());
  }

  @Test
  void aShiftSectionAndItsAxesReachEveryTrial() {
    List<TrialConfig> trials = SweepLoader.load("shift.yaml", """
        name: shift
        data: {source: digits, period: 2}
        shift: {every: 700}
        grid:
          kind: [none, permute_inputs, permute_labels]
        """).expand();
    // period means nothing for the digits: it is dropped (as an axis it would be refused)
    assertEquals(3, trials.size());
    assertEquals(List.of(ShiftKind.NONE, ShiftKind.PERMUTE_INPUTS, ShiftKind.PERMUTE_LABELS),
        trials.stream().map(t -> t.get(SHIFT_KIND)).toList());
    assertNull(trials.get(0).get(SHIFT_EVERY), "no shift: every means nothing");
    assertEquals(700, trials.get(1).get(SHIFT_EVERY));
    assertEquals(700, trials.get(2).get(SHIFT_EVERY));
    assertTrue(trials.stream().allMatch(t -> t.get(DATA_PERIOD) == null));
  }

  @Test
  void theDefaultsLeaveTrialIdsAsTheyWere() {
    // the same trial written with every new setting at its default, and without them
    TrialConfig plain = SweepLoader.load("a.yaml", "name: a\ndata: {source: spirals}\n").expand().get(0);
    TrialConfig spelled = SweepLoader.load("b.yaml", """
        name: b
        data: {source: spirals}
        shift: {kind: none, every: 5}
        probe: {schedule: every, error_window: 100}
        """).expand().get(0);
    assertEquals(plain.trialId(), spelled.trialId());
    assertFalse(plain.canonicalConfig().contains("shift") || plain.canonicalConfig().contains("error_window")
        || plain.canonicalConfig().contains("schedule"), plain.canonicalConfig());
    TrialConfig stream = SweepLoader.load("c.yaml", "name: c\ndata: {source: slowly_changing, period: 10000}\n")
        .expand().get(0);
    assertFalse(stream.canonicalConfig().contains("period"), "the period at its default is not hashed");
  }

  @Test
  void badValuesAreRefusedWithTheirPlaceAndWhatIsAccepted() {
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("bad.yaml", """
        name: bad
        data: {source: slowly_changing, period: -5, flip_one: 1}
        probe: {schedule: sometimes, error_window: 0}
        grid:
          shift.every: [0, 10]
        """));
    assertEquals(List.of(
        "bad.yaml:2:41: data.period: must be >= 1, got -5",
        "bad.yaml:2:55: data.flip_one: must be true or false, got 1",
        "bad.yaml:3:19: probe.schedule: unknown value 'sometimes'; accepted: every, geometric",
        "bad.yaml:3:44: probe.error_window: must be >= 1, got 0",
        "bad.yaml:5:17: grid.shift.every: must be >= 1, got 0"), e.getMessage().lines().toList());
  }

  @Test
  void aShiftThatDoesNotSuitTheDataIsRefused() {
    SweepValidationException labels = assertThrows(SweepValidationException.class, () -> SweepLoader.load("l.yaml", """
        name: l
        data: {source: function}
        shift: {kind: permute_labels}
        """));
    assertTrue(labels.getMessage().contains("l.yaml:3:15: shift.kind: permute_labels relabels classes, but the task is"
        + " regression"), labels.getMessage());
    SweepValidationException stream = assertThrows(SweepValidationException.class, () -> SweepLoader.load("s.yaml", """
        name: s
        data: {source: blobs}
        grid:
          source: [blobs, slowly_changing]
          kind: [permute_inputs]
        """));
    assertTrue(stream.getMessage().contains("shift.kind must be none for it"), stream.getMessage());
  }
}
