package org.deadrelu.model.config;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.MOMENTUM;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial built in code is checked as a sweep file's would be, and keeps only what applies to it. */
class TrialConfigTest {

  @Test
  void aValueOutsideWhatTheSettingAcceptsIsRefusedNamingTheSettingAndWhatItAccepts() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> TrialConfig.builder()
        .set(ACTIVATION, ActivationKind.LEAKY_RELU).set(ALPHA, -1.0).build());
    assertEquals("model.alpha: must be >= 0, got -1", e.getMessage());
    assertEquals(ALPHA, e.violations().get(0).setting());
    InvalidSettingException task = assertThrows(InvalidSettingException.class,
        () -> TrialConfig.builder().set(DATA_TASK, "ranking").build());
    assertEquals("data.task: must be one of classification, regression, got 'ranking'", task.getMessage());
    InvalidSettingException widths = assertThrows(InvalidSettingException.class,
        () -> TrialConfig.builder().set(HIDDEN, List.of(8, 0)).build());
    assertTrue(widths.getMessage().startsWith("model.hidden: must be a list of layer widths"), widths.getMessage());
  }

  @Test
  void settingsThatDoNotGoTogetherAreRefusedAsTheSweepReaderReportsThem() {
    InvalidSettingException head = assertThrows(InvalidSettingException.class, () -> TrialConfig.builder()
        .set(DATA_SOURCE, DataSourceKind.TEACHER).set(HEAD, HeadKind.SOFTMAX).build());
    assertEquals("model.head: head softmax needs a classification task, but the task is regression (in the"
        + " combination data.source=teacher, data.task=regression (default), model.head=softmax)", head.getMessage());
    InvalidSettingException task = assertThrows(InvalidSettingException.class,
        () -> TrialConfig.builder().set(DATA_TASK, "regression").set(HEAD, HeadKind.LINEAR).build());
    assertTrue(task.getMessage().startsWith("data.task: source blobs poses a classification task, got task"
        + " regression"), task.getMessage());
    InvalidSettingException path = assertThrows(InvalidSettingException.class,
        () -> TrialConfig.builder().set(DATA_PATH, "file:///x.csv").build());
    assertTrue(path.getMessage().startsWith("data.path: only csv and parquet sources take a path"), path.getMessage());
    assertThrows(InvalidSettingException.class, () -> TrialConfig.builder().set(DATA_LABEL, "y").build());
    InvalidSettingException noPath = assertThrows(InvalidSettingException.class,
        () -> TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.CSV).build());
    assertTrue(noPath.getMessage().startsWith("data.path: required for source csv"), noPath.getMessage());
  }

  @Test
  void defaultsFollowFromOtherSettingsWhereDeclaredSo() {
    TrialConfig teacher = TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.TEACHER).build();
    assertEquals(Settings.REGRESSION, teacher.get(DATA_TASK));
    assertEquals(HeadKind.LINEAR, teacher.get(HEAD));
    TrialConfig csv = TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.CSV).set(DATA_PATH, "f.csv").build();
    assertEquals(Settings.CLASSIFICATION, csv.get(DATA_TASK));
    assertEquals("label", csv.get(DATA_LABEL));
  }

  @Test
  void settingsThatMeanNothingForTheTrialAreDroppedSoBothSpellingsAreOneTrial() {
    TrialConfig relu = TrialConfig.builder().set(ALPHA, 0.3).set(MOMENTUM, 0.5).build();
    assertNull(relu.get(ALPHA));
    assertNull(relu.get(MOMENTUM));
    assertEquals(TrialConfig.builder().build(), relu);
    assertEquals(TrialConfig.builder().build().trialId(), relu.trialId());
    TrialConfig leaky = TrialConfig.builder().set(ACTIVATION, ActivationKind.LEAKY_RELU).build();
    assertEquals(0.01, leaky.get(ALPHA));
    TrialConfig kick = TrialConfig.builder().set(REVIVAL, RevivalKind.KICK).set(REVIVAL_WASHOUT, 0).build();
    assertNull(kick.get(REVIVAL_WASHOUT), "washout 0 is no washout");
    assertEquals(TrialConfig.builder().set(REVIVAL, RevivalKind.KICK).build().trialId(), kick.trialId());
  }

  @Test
  void aBuilderHoldsATrialsValuesAndNoCallerCanChangeABuiltTrial() {
    List<Integer> widths = new ArrayList<>(List.of(8, 8));
    TrialConfig c = TrialConfig.builder().set(HIDDEN, widths).set(OPTIMIZER, OptimizerKind.MOMENTUM).set(LR, 0.2)
        .seed(9).build();
    widths.add(8);
    assertEquals(List.of(8, 8), c.get(HIDDEN));
    assertEquals(c, c.toBuilder().build());
    // a dropped setting comes back at its default
    assertEquals(0.01, c.toBuilder().set(ACTIVATION, ActivationKind.ELU).build().get(ALPHA));
  }

  @Test
  void aTrialTravelsSerializedWithItsValuesAndId() throws Exception {
    TrialConfig c = TrialConfig.builder().set(ACTIVATION, ActivationKind.PRELU).set(ALPHA, 0.2).seed(4).build();
    TrialConfig back = roundTrip(c);
    assertEquals(c, back);
    assertEquals(c.trialId(), back.trialId());
    assertSame(SettingCatalog.standard(), back.catalog(), "the project's catalog travels as a reference");
    assertEquals(0.2, back.get(ALPHA));

    Setting<Integer> extra = Setting.define("train.extra", new IntegerType(IntegerRange.atLeast(0)))
        .byDefault(0).hashedOnlyOffDefault().doc("a test's setting").build();
    TrialConfig extended = SettingCatalog.standard().with(extra).builder().set(extra, 5).build();
    TrialConfig extendedBack = roundTrip(extended);
    assertEquals(extended.trialId(), extendedBack.trialId());
    assertEquals(5, extendedBack.get(extra));
  }

  private static TrialConfig roundTrip(TrialConfig c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TrialConfig) in.readObject();
    }
  }
}
