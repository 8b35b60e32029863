package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ADAM_BETA1;
import static org.deadrelu.model.config.Settings.ADAM_BETA2;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_CLASSES;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_FUNCTION;
import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_NOISE;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SEED;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.DECAY_BIAS;
import static org.deadrelu.model.config.Settings.DORMANT_TAU;
import static org.deadrelu.model.config.Settings.FAULT_AT_STEP;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.L2;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.MOMENTUM;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.RELU_GRAD_AT_ZERO;
import static org.deadrelu.model.config.Settings.SATURATION_EPS;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.deadrelu.model.config.Settings.TEST_FRACTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/** What valid sweep files expand to: counts, order, values, ids. */
class SweepExpansionTest {

  @Test
  void twoByTwoGridWithThreeSeedsExpandsToTwelveTrialsActivationSlowestSeedsInnermost() {
    List<TrialConfig> trials = SweepFiles.load("valid/two-by-two.yaml").expand();

    assertEquals(12, trials.size());
    List<String> order = trials.stream()
        .map(t -> t.get(ACTIVATION) + "/" + t.get(LR) + "/" + t.seed()).toList();
    assertEquals(List.of(
        "RELU/0.01/0", "RELU/0.01/1", "RELU/0.01/2", "RELU/0.1/0", "RELU/0.1/1", "RELU/0.1/2",
        "TANH/0.01/0", "TANH/0.01/1", "TANH/0.01/2", "TANH/0.1/0", "TANH/0.1/1", "TANH/0.1/2"), order);
  }

  @Test
  void baseSettingsOfTheFileReachEveryTrialAndUnsetOnesKeepTheBuilderDefaults() {
    TrialConfig defaults = TrialConfig.builder().build();
    for (TrialConfig t : SweepFiles.load("valid/two-by-two.yaml").expand()) {
      assertEquals(DataSourceKind.SPIRALS, t.get(DATA_SOURCE));
      assertEquals(400, t.get(DATA_SAMPLES));
      assertEquals(0.2, t.get(DATA_NOISE));
      assertEquals(List.of(16, 16), t.get(HIDDEN));
      assertEquals(InitKind.HE_UNIFORM, t.get(INIT));
      assertEquals(50, t.get(STEPS));
      assertEquals(32, t.get(BATCH_SIZE));
      assertEquals(10, t.get(PROBE_EVERY));
      assertEquals(128, t.get(PROBE_SAMPLES));
      assertEquals(defaults.get(DORMANT_TAU), t.get(DORMANT_TAU));
      assertEquals(defaults.get(L2), t.get(L2));
      assertEquals("classification", t.get(DATA_TASK));
    }
  }

  @Test
  void conditionalAlphaGivesReluNoAlphaAndLeakyReluEachAlpha() {
    List<TrialConfig> trials = SweepFiles.load("valid/conditional-alpha.yaml").expand();

    Set<String> configs = trials.stream().map(t -> t.get(ACTIVATION) + ":" + t.get(ALPHA)).collect(Collectors.toSet());
    assertEquals(Set.of("RELU:null", "LEAKY_RELU:0.01", "LEAKY_RELU:0.1"), configs);
    assertEquals(3, trials.stream().map(TrialConfig::configId).distinct().count());
    assertEquals(6, trials.size());
  }

  @Test
  void conditionalAxisDoesNotMultiplyTrialsItDoesNotApplyTo() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          activation: [relu, sigmoid, leaky_relu]
          alpha:
            when: {activation: leaky_relu}
            values: [0.01, 0.1, 0.3]
        """);

    assertEquals(List.of("RELU:null", "SIGMOID:null", "LEAKY_RELU:0.01", "LEAKY_RELU:0.1", "LEAKY_RELU:0.3"),
        spec.expand().stream().map(t -> t.get(ACTIVATION) + ":" + t.get(ALPHA)).toList());
  }

  @Test
  void conditionalAxisWrittenBeforeTheAxisItReadsNestsInsideIt() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          alpha:
            when: {activation: [elu]}
            values: [0.5, 1.0]
          activation: [relu, elu]
        """);

    assertEquals(List.of("RELU:null", "ELU:0.5", "ELU:1.0"),
        spec.expand().stream().map(t -> t.get(ACTIVATION) + ":" + t.get(ALPHA)).toList());
  }

  @Test
  void unconditionalAlphaAxisCollapsesForReluByTrialId() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          activation: [relu, leaky_relu]
          alpha: [0.01, 0.1]
        """);

    List<TrialConfig> trials = spec.expand();
    assertEquals(3, trials.size());
    assertEquals(3, spec.plannedTrialCount());
    assertEquals(ActivationKind.RELU, trials.get(0).get(ACTIVATION));
  }

  @Test
  void whenConditionCanReadAFixedBaseSetting() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        train: {optimizer: momentum}
        grid:
          lr: [0.1, 0.2]
          momentum:
            when: {optimizer: momentum}
            values: [0.5, 0.9]
        """);

    assertEquals(4, spec.expand().size());
    assertEquals(Set.of(0.5, 0.9), spec.expand().stream().map(t -> t.get(MOMENTUM)).collect(Collectors.toSet()));
  }

  @Test
  void dottedAndShortAxisNamesExpandToTheSameTrialIds() {
    String shortNames = """
        name: same
        grid:
          lr: [0.01, 0.1]
          hidden: [[8], [8, 8]]
          dormant_tau: [0.0, 0.1]
          optimizer: [sgd, adam]
        """;
    String dottedNames = """
        name: same
        grid:
          train.lr: [0.01, 0.1]
          model.hidden: [[8], [8, 8]]
          probe.dormant_tau: [0.0, 0.1]
          train.optimizer: [sgd, adam]
        """;

    assertEquals(ids(SweepLoader.load("a.yaml", shortNames)), ids(SweepLoader.load("b.yaml", dottedNames)));
    assertEquals(16, SweepLoader.load("a.yaml", shortNames).expand().size());
  }

  @Test
  void depthAndWidthSpellHiddenAsWidthRepeatedDepthTimes() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        model: {width: 16}
        grid:
          depth: [0, 1, 3]
        """);

    assertEquals(List.of(List.of(), List.of(16), List.of(16, 16, 16)),
        spec.expand().stream().map(t -> t.get(HIDDEN)).toList());
  }

  @Test
  void depthAndWidthGiveTheSameTrialIdsAsTheEquivalentHidden() {
    SweepSpec byDepth = SweepLoader.load("t.yaml", "name: t\nmodel: {depth: 2, width: 8}\n");
    SweepSpec byHidden = SweepLoader.load("t.yaml", "name: t\nmodel: {hidden: [8, 8]}\n");

    assertEquals(ids(byHidden), ids(byDepth));
  }

  @Test
  void seedsCountRunsSeedsZeroToNMinusOne() {
    SweepSpec spec = SweepLoader.load("t.yaml", "name: t\nseeds: 4\n");

    assertEquals(List.of(0L, 1L, 2L, 3L), spec.seeds());
    assertEquals(List.of(0L, 1L, 2L, 3L), spec.expand().stream().map(TrialConfig::seed).toList());
  }

  @Test
  void seedsListRunsExactlyTheListedSeeds() {
    SweepSpec spec = SweepFiles.load("valid/conditional-alpha.yaml");

    assertEquals(List.of(3L, 7L), spec.seeds());
    assertEquals(Set.of(3L, 7L), spec.expand().stream().map(TrialConfig::seed).collect(Collectors.toSet()));
  }

  @Test
  void trialIdsAreStableAcrossTwoLoads() {
    assertEquals(ids(SweepFiles.load("valid/design-example.yaml")), ids(SweepFiles.load("valid/design-example.yaml")));
  }

  @Test
  void designExampleExpandsToEightyFourGridPointsTimesTwentyRandomTimesFiveSeeds() {
    SweepSpec spec = SweepFiles.load("valid/design-example.yaml");

    assertEquals("leaky-vs-relu", spec.name());
    assertTrue(spec.description().startsWith("Plain ReLU loses neurons"));
    assertEquals(8400, spec.expand().size());
    assertEquals(8400, spec.plannedTrialCount());
    assertEquals(List.of("model.activation", "train.lr", "model.init_bias", "train.decay_bias", "model.alpha",
        "train.l2"), spec.sweptSettings());
  }

  @Test
  void plannedTrialCountEqualsTheExpandedCount() {
    for (String file : List.of("valid/two-by-two.yaml", "valid/conditional-alpha.yaml")) {
      SweepSpec spec = SweepFiles.load(file);
      assertEquals(spec.expand().size(), spec.plannedTrialCount(), file);
    }
  }

  @Test
  void taskDefaultsToRegressionForTeacherAndFunctionAndHeadFollowsTheTask() {
    TrialConfig teacher = SweepLoader.load("t.yaml", "name: t\ndata: {source: teacher}\n").base();
    TrialConfig function = SweepLoader.load("t.yaml", "name: t\ndata: {source: function}\n").base();
    TrialConfig digits = SweepLoader.load("t.yaml", "name: t\ndata: {source: digits}\n").base();

    assertEquals("regression", teacher.get(DATA_TASK));
    assertEquals("LINEAR", teacher.get(HEAD).name());
    assertEquals("regression", function.get(DATA_TASK));
    assertEquals("classification", digits.get(DATA_TASK));
    assertEquals("SOFTMAX", digits.get(HEAD).name());
  }

  @Test
  void regressionCsvGetsTheLinearHeadByDefault() {
    TrialConfig csv = SweepLoader.load("t.yaml", """
        name: t
        data: {source: csv, path: "hdfs:///data/wine.csv", label: quality, task: regression}
        """).base();

    assertEquals("LINEAR", csv.get(HEAD).name());
    assertEquals("hdfs:///data/wine.csv", csv.get(DATA_PATH));
    assertEquals("quality", csv.get(DATA_LABEL));
  }

  @Test
  void sourceAxisResolvesTaskAndHeadPerTrial() {
    SweepSpec spec = SweepLoader.load("t.yaml", "name: t\ngrid:\n  source: [blobs, teacher]\n");

    assertEquals(List.of("BLOBS/classification/SOFTMAX", "TEACHER/regression/LINEAR"),
        spec.expand().stream().map(t -> t.get(DATA_SOURCE) + "/" + t.get(DATA_TASK) + "/" + t.get(HEAD)).toList());
  }

  @Test
  void explicitMaxTrialsAllowsALargerPlan() {
    String grid = "grid:\n  lr: [0.1, 0.2, 0.3]\n  steps: [1, 2, 3, 4]\nseeds: 1000\n";

    SweepSpec spec = SweepLoader.load("t.yaml", "name: t\nmax_trials: 12000\n" + grid);

    assertEquals(12000, spec.plannedTrialCount());
    assertEquals(12000, spec.maxTrials());
  }

  @Test
  void everyValueTypeOfTheFormatIsRead() {
    TrialConfig t = SweepLoader.load("t.yaml", """
        name: all-keys_1
        description: every key once
        data: {source: blobs, samples: 300, noise: 0.5, classes: 4, features: 3, test_fraction: 0.25, seed: 9}
        model: {hidden: [4], activation: prelu, alpha: 0.2, head: relu_normalize, init: lecun_normal,
                init_bias: -0.1, relu_grad_at_zero: 1}
        train: {optimizer: adam, steps: 0, batch_size: 8, lr: 1e-3, adam_beta1: 0.8, adam_beta2: 0.99,
                l2: 1.0e-4, decay_bias: false, fault_at_step: 3}
        probe: {every: 5, samples: 64, dormant_tau: 0.1, saturation_eps: 0.05}
        """).base();

    assertEquals(300, t.get(DATA_SAMPLES));
    assertEquals(0.5, t.get(DATA_NOISE));
    assertEquals(4, t.get(DATA_CLASSES));
    assertEquals(3, t.get(DATA_FEATURES));
    assertEquals(0.25, t.get(TEST_FRACTION));
    assertEquals(9L, t.get(DATA_SEED));
    assertEquals(ActivationKind.PRELU, t.get(ACTIVATION));
    assertEquals(0.2, t.get(ALPHA));
    assertEquals("RELU_NORMALIZE", t.get(HEAD).name());
    assertEquals(InitKind.LECUN_NORMAL, t.get(INIT));
    assertEquals(-0.1, t.get(INIT_BIAS));
    assertEquals(1, t.get(RELU_GRAD_AT_ZERO));
    assertEquals(OptimizerKind.ADAM, t.get(OPTIMIZER));
    assertEquals(0, t.get(STEPS));
    assertEquals(8, t.get(BATCH_SIZE));
    assertEquals(1e-3, t.get(LR));
    assertEquals(0.8, t.get(ADAM_BETA1));
    assertEquals(0.99, t.get(ADAM_BETA2));
    assertNull(t.get(MOMENTUM));
    assertEquals(1e-4, t.get(L2));
    assertEquals(false, t.get(DECAY_BIAS));
    assertEquals(3, t.get(FAULT_AT_STEP));
    assertEquals(5, t.get(PROBE_EVERY));
    assertEquals(64, t.get(PROBE_SAMPLES));
    assertEquals(0.1, t.get(DORMANT_TAU));
    assertEquals(0.05, t.get(SATURATION_EPS));
  }

  @Test
  void functionSourceTakesItsFunctionName() {
    TrialConfig t = SweepLoader.load("t.yaml", "name: t\ndata: {source: function, function: sin}\n").base();

    assertEquals("sin", t.get(DATA_FUNCTION));
  }

  @Test
  void bytesWithAByteOrderMarkLoadLikeTheText() {
    String text = SweepFiles.text("valid/two-by-two.yaml");
    byte[] withBom = ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertEquals(ids(SweepLoader.load("t.yaml", text)), ids(SweepLoader.load("t.yaml", withBom)));
  }

  @Test
  void conditionOnHiddenMatchesAWholeListOfWidths() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          hidden: [[8], [8, 8]]
          lr:
            when: {hidden: [8, 8]}
            values: [0.1, 0.2]
        """);

    assertEquals(List.of("8/0.01", "8-8/0.1", "8-8/0.2"),
        spec.expand().stream().map(t -> HIDDEN.textOf(t.get(HIDDEN)) + "/" + t.get(LR)).toList());
  }

  @Test
  void aliasesReuseAListOfValues() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          lr: &rates [0.01, 0.1]
          init_bias: *rates
        """);

    assertEquals(4, spec.expand().size());
  }

  private static List<String> ids(SweepSpec spec) {
    return spec.expand().stream().map(TrialConfig::trialId).toList();
  }
}
