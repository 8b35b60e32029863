package org.deadrelu.jobs.sweep;

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
        .map(t -> t.activation() + "/" + t.lr() + "/" + t.seed()).toList();
    assertEquals(List.of(
        "RELU/0.01/0", "RELU/0.01/1", "RELU/0.01/2", "RELU/0.1/0", "RELU/0.1/1", "RELU/0.1/2",
        "TANH/0.01/0", "TANH/0.01/1", "TANH/0.01/2", "TANH/0.1/0", "TANH/0.1/1", "TANH/0.1/2"), order);
  }

  @Test
  void baseSettingsOfTheFileReachEveryTrialAndUnsetOnesKeepTheBuilderDefaults() {
    TrialConfig defaults = TrialConfig.builder().build();
    for (TrialConfig t : SweepFiles.load("valid/two-by-two.yaml").expand()) {
      assertEquals(DataSourceKind.SPIRALS, t.dataSource());
      assertEquals(400, t.dataSamples());
      assertEquals(0.2, t.dataNoise());
      assertEquals(List.of(16, 16), t.hidden());
      assertEquals(InitKind.HE_UNIFORM, t.init());
      assertEquals(50, t.steps());
      assertEquals(32, t.batchSize());
      assertEquals(10, t.probeEvery());
      assertEquals(128, t.probeSamples());
      assertEquals(defaults.dormantTau(), t.dormantTau());
      assertEquals(defaults.l2(), t.l2());
      assertEquals("classification", t.dataTask());
    }
  }

  @Test
  void conditionalAlphaGivesReluNoAlphaAndLeakyReluEachAlpha() {
    List<TrialConfig> trials = SweepFiles.load("valid/conditional-alpha.yaml").expand();

    Set<String> configs = trials.stream().map(t -> t.activation() + ":" + t.alpha()).collect(Collectors.toSet());
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
        spec.expand().stream().map(t -> t.activation() + ":" + t.alpha()).toList());
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
        spec.expand().stream().map(t -> t.activation() + ":" + t.alpha()).toList());
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
    assertEquals(ActivationKind.RELU, trials.get(0).activation());
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
    assertEquals(Set.of(0.5, 0.9), spec.expand().stream().map(TrialConfig::momentum).collect(Collectors.toSet()));
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
        spec.expand().stream().map(TrialConfig::hidden).toList());
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

    assertEquals("regression", teacher.dataTask());
    assertEquals("LINEAR", teacher.head().name());
    assertEquals("regression", function.dataTask());
    assertEquals("classification", digits.dataTask());
    assertEquals("SOFTMAX", digits.head().name());
  }

  @Test
  void regressionCsvGetsTheLinearHeadByDefault() {
    TrialConfig csv = SweepLoader.load("t.yaml", """
        name: t
        data: {source: csv, path: "hdfs:///data/wine.csv", label: quality, task: regression}
        """).base();

    assertEquals("LINEAR", csv.head().name());
    assertEquals("hdfs:///data/wine.csv", csv.dataPath());
    assertEquals("quality", csv.dataLabel());
  }

  @Test
  void sourceAxisResolvesTaskAndHeadPerTrial() {
    SweepSpec spec = SweepLoader.load("t.yaml", "name: t\ngrid:\n  source: [blobs, teacher]\n");

    assertEquals(List.of("BLOBS/classification/SOFTMAX", "TEACHER/regression/LINEAR"),
        spec.expand().stream().map(t -> t.dataSource() + "/" + t.dataTask() + "/" + t.head()).toList());
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

    assertEquals(300, t.dataSamples());
    assertEquals(0.5, t.dataNoise());
    assertEquals(4, t.dataClasses());
    assertEquals(3, t.dataFeatures());
    assertEquals(0.25, t.testFraction());
    assertEquals(9L, t.dataSeed());
    assertEquals(ActivationKind.PRELU, t.activation());
    assertEquals(0.2, t.alpha());
    assertEquals("RELU_NORMALIZE", t.head().name());
    assertEquals(InitKind.LECUN_NORMAL, t.init());
    assertEquals(-0.1, t.initBias());
    assertEquals(1, t.reluGradAtZero());
    assertEquals(OptimizerKind.ADAM, t.optimizer());
    assertEquals(0, t.steps());
    assertEquals(8, t.batchSize());
    assertEquals(1e-3, t.lr());
    assertEquals(0.8, t.adamBeta1());
    assertEquals(0.99, t.adamBeta2());
    assertNull(t.momentum());
    assertEquals(1e-4, t.l2());
    assertEquals(false, t.decayBias());
    assertEquals(3, t.faultAtStep());
    assertEquals(5, t.probeEvery());
    assertEquals(64, t.probeSamples());
    assertEquals(0.1, t.dormantTau());
    assertEquals(0.05, t.saturationEps());
  }

  @Test
  void functionSourceTakesItsFunctionName() {
    TrialConfig t = SweepLoader.load("t.yaml", "name: t\ndata: {source: function, function: sin}\n").base();

    assertEquals("sin", t.dataFunction());
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
        spec.expand().stream().map(t -> t.hiddenString() + "/" + t.lr()).toList());
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
