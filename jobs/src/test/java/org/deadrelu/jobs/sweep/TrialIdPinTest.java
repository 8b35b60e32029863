package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.FAULT_AT_STEP;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/**
 * The trial ids of existing sweeps, as computed before settings were declared in one place: a
 * result folder resumes by trial id, so a change in how ids are computed would silently rerun (or
 * duplicate) every trial of every sweep already on disk. Ids are pinned one by one for a few
 * trials, and for every sweep of sweeps/ as a count and a digest of all its ids in expansion order.
 */
class TrialIdPinTest {

  @Test
  void everySweepOfTheRepositoryExpandsToTheSameIds() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("active-at-init", "180 d2173bfd33a00100");
    expected.put("bias-decay", "160 5efbd2d03939ef84");
    expected.put("born-dead", "24000 0b6b9fced4841d93");
    expected.put("initial-bias", "240 a09791c87b601406");
    expected.put("leaky-vs-relu", "560 c2cf599094fb9ef2");
    expected.put("output-head", "80 55ff2a55613a02a7");
    expected.put("quickstart", "12 5ba2148127a435fe");
    expected.put("relu-grad-at-zero", "160 993b39b8c33a6722");
    expected.put("revival", "80 49fe44bac7a4ce42");
    expected.put("vanishing-gradients", "240 4c400475bf517312");
    expected.put("plasticity-slowly-changing", "27 408cec3f64ce777a");
    expected.put("permuted-digits", "12 d844a2a4575e909f");
    expected.put("plasticity-loss", "90 91b0b8daa2a0dcc5");
    expected.put("plasticity-bias-decay", "40 83c31ba875d0dfbe");
    expected.put("plasticity-cures", "60 47ccee3e7e82c4b6");
    expected.put("plasticity-permuted-digits", "40 daf0cfd6c52b919b");
    Map<String, String> actual = new LinkedHashMap<>();
    for (String sweep : expected.keySet()) {
      List<TrialConfig> trials = repositorySweep(sweep).expand();
      actual.put(sweep, trials.size() + " " + digest(trials.stream().map(TrialConfig::trialId)
          .collect(Collectors.joining(","))));
    }
    assertEquals(expected, actual);
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("..", "sweeps"))) {
      assertEquals(new java.util.TreeSet<>(expected.keySet()), files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml")).map(f -> f.substring(0, f.length() - 5))
          .collect(Collectors.toCollection(java.util.TreeSet::new)), "every sweep of sweeps/ is pinned here");
    }
  }

  @Test
  void quickstartTrialsKeepTheirIds() throws IOException {
    List<TrialConfig> trials = repositorySweep("quickstart").expand();
    // relu at lr 0.05, seed 0; leaky_relu (alpha 0.1) at lr 1.0, seed 2
    assertIds(List.of("0901ce6426163a7f", "391639c2cc950a8f"), List.of(trials.get(0), trials.get(11)));
  }

  @Test
  void revivalTrialsKeepTheirIds() throws IOException {
    List<TrialConfig> trials = repositorySweep("revival").expand();
    // none, warming, kick and redo at seed 0
    assertIds(List.of("af24d061f69ce417", "7942bb61cfc678ee", "9ce825a03cc446d0", "477e7155d57b8f72"),
        List.of(trials.get(0), trials.get(20), trials.get(40), trials.get(60)));
  }

  @Test
  void adamAndMomentumTrialsKeepTheirIds() {
    SweepSpec spec = SweepLoader.load("optimizers.yaml", """
        name: optimizers
        data: {source: teacher, samples: 300, features: 3}
        model: {hidden: [8], activation: elu, alpha: 0.5}
        train: {steps: 40, lr: 0.01, momentum: 0.8, adam_beta1: 0.85, adam_beta2: 0.99}
        revival: {strategy: kick, every: 10, washout: 0, sigma: 0.2, target: dormant, scope: layer}
        grid:
          optimizer: [sgd, momentum, adam]
        """);
    assertIds(List.of("c9a8c4d092aea34b", "96d38cbaf1f22cc5", "59eeb17240306b53"), spec.expand());
  }

  @Test
  void builtFileSourcesAndTestHooksKeepTheirIds() {
    TrialConfig csv = TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.CSV).set(DATA_PATH, "file:///data/wine.csv")
        .set(DATA_LABEL, "quality").set(DATA_TASK, "regression").set(HEAD, org.deadrelu.model.config.HeadKind.LINEAR)
        .set(HIDDEN, List.of(64, 64)).set(LR, 0.1).seed(7).build();
    TrialConfig parquet = TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.PARQUET)
        .set(DATA_PATH, "hdfs:///data/big.parquet").set(DEATH_ROWS, 5000).set(HIDDEN, List.of(16)).set(STEPS, 200).seed(1).build();
    TrialConfig fault = TrialConfig.builder().set(FAULT_AT_STEP, 3).set(DEATH_ROWS, 100).set(STEPS, 10).build();
    TrialConfig noHidden = TrialConfig.builder().set(HIDDEN, List.of()).set(DATA_SOURCE, DataSourceKind.DIGITS).build();
    assertIds(List.of("e562374b561299d9", "2c2cff46e98d7332", "30a7b3e7060fd20e", "b90e69e12d9ae88c"), List.of(csv, parquet, fault, noHidden));
  }

  private static void assertIds(List<String> expected, List<TrialConfig> trials) {
    List<String> actual = trials.stream().map(TrialConfig::trialId).toList();
    assertEquals(expected, actual, () -> trials.stream().map(t -> t.trialId() + " " + t.canonicalConfig())
        .collect(Collectors.joining("\n")));
  }

  private static SweepSpec repositorySweep(String name) throws IOException {
    Path file = Path.of("..", "sweeps", name + ".yaml");
    return SweepLoader.load(file.getFileName().toString(), Files.readAllBytes(file));
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
