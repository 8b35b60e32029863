package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.RevivalKind;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Every setting a sweep file can write, by section, with its rule and its builder field, and the
 * lookup of the names a grid or random axis may use: the dotted path ({@code train.lr}) always,
 * the short key ({@code lr}) when it names one setting unmistakably.
 */
final class SettingRegistry {

  static final List<String> SECTIONS = List.of("data", "model", "train", "probe", "revival");

  static final Setting SOURCE = new Setting("data", "source", ChoiceRule.of(DataSourceKind.class),
      (b, v) -> b.dataSource((DataSourceKind) v), b -> b.dataSource);
  static final Setting PATH = new Setting("data", "path", new TextRule("a Hadoop path such as file:///data/wine.csv"),
      (b, v) -> b.dataPath((String) v), b -> b.dataPath);
  static final Setting LABEL = new Setting("data", "label", new TextRule("the name of the label column"),
      (b, v) -> b.dataLabel((String) v), b -> b.dataLabel);
  static final Setting TASK = new Setting("data", "task", ChoiceRule.ofWords("classification", "regression"),
      (b, v) -> b.dataTask((String) v), b -> b.dataTask);
  static final Setting DATA_SAMPLES = new Setting("data", "samples", IntegerRule.atLeast(2),
      (b, v) -> b.dataSamples((Integer) v), b -> b.dataSamples);
  static final Setting NOISE = new Setting("data", "noise", new NumberRule(Interval.atLeast(0)),
      (b, v) -> b.dataNoise((Double) v), b -> b.dataNoise);
  static final Setting CLASSES = new Setting("data", "classes", IntegerRule.atLeast(2),
      (b, v) -> b.dataClasses((Integer) v), b -> b.dataClasses);
  static final Setting FEATURES = new Setting("data", "features", IntegerRule.atLeast(1),
      (b, v) -> b.dataFeatures((Integer) v), b -> b.dataFeatures);
  static final Setting FUNCTION = new Setting("data", "function", ChoiceRule.ofWords("abs", "sin", "square", "step"),
      (b, v) -> b.dataFunction((String) v), b -> b.dataFunction);
  static final Setting TEST_FRACTION = new Setting("data", "test_fraction", new NumberRule(Interval.closedOpen(0, 1)),
      (b, v) -> b.testFraction((Double) v), b -> b.testFraction);
  static final Setting DATA_SEED = new Setting("data", "seed", IntegerRule.wideAtLeast(0),
      (b, v) -> b.dataSeed((Long) v), b -> b.dataSeed);

  static final Setting HIDDEN = new Setting("model", "hidden", new WidthsRule(),
      (b, v) -> b.hidden(castWidths(v)), b -> b.hidden);
  static final Setting DEPTH = new Setting("model", "depth", IntegerRule.atLeast(0), null, null);
  static final Setting WIDTH = new Setting("model", "width", IntegerRule.atLeast(1), null, null);
  static final Setting ACTIVATION = new Setting("model", "activation", ChoiceRule.of(ActivationKind.class),
      (b, v) -> b.activation((ActivationKind) v), b -> b.activation);
  static final Setting ALPHA = new Setting("model", "alpha", new NumberRule(Interval.atLeast(0)),
      (b, v) -> b.alpha((Double) v), b -> b.alpha);
  static final Setting HEAD = new Setting("model", "head", ChoiceRule.of(HeadKind.class),
      (b, v) -> b.head((HeadKind) v), b -> b.head);
  static final Setting INIT = new Setting("model", "init", ChoiceRule.of(InitKind.class),
      (b, v) -> b.init((InitKind) v), b -> b.init);
  static final Setting INIT_BIAS = new Setting("model", "init_bias", new NumberRule(Interval.any()),
      (b, v) -> b.initBias((Double) v), b -> b.initBias);
  static final Setting RELU_GRAD_AT_ZERO = new Setting("model", "relu_grad_at_zero", IntegerRule.between(0, 1),
      (b, v) -> b.reluGradAtZero((Integer) v), b -> b.reluGradAtZero);

  static final Setting OPTIMIZER = new Setting("train", "optimizer", ChoiceRule.of(OptimizerKind.class),
      (b, v) -> b.optimizer((OptimizerKind) v), b -> b.optimizer);
  static final Setting STEPS = new Setting("train", "steps", IntegerRule.atLeast(0),
      (b, v) -> b.steps((Integer) v), b -> b.steps);
  static final Setting BATCH_SIZE = new Setting("train", "batch_size", IntegerRule.atLeast(1),
      (b, v) -> b.batchSize((Integer) v), b -> b.batchSize);
  static final Setting LR = new Setting("train", "lr", new NumberRule(Interval.above(0)),
      (b, v) -> b.lr((Double) v), b -> b.lr);
  static final Setting MOMENTUM = new Setting("train", "momentum", new NumberRule(Interval.closedOpen(0, 1)),
      (b, v) -> b.momentum((Double) v), b -> b.momentum);
  static final Setting ADAM_BETA1 = new Setting("train", "adam_beta1", new NumberRule(Interval.closedOpen(0, 1)),
      (b, v) -> b.adamBeta1((Double) v), b -> b.adamBeta1);
  static final Setting ADAM_BETA2 = new Setting("train", "adam_beta2", new NumberRule(Interval.closedOpen(0, 1)),
      (b, v) -> b.adamBeta2((Double) v), b -> b.adamBeta2);
  static final Setting L2 = new Setting("train", "l2", new NumberRule(Interval.atLeast(0)),
      (b, v) -> b.l2((Double) v), b -> b.l2);
  static final Setting DECAY_BIAS = new Setting("train", "decay_bias", new FlagRule(),
      (b, v) -> b.decayBias((Boolean) v), b -> b.decayBias);
  /** A test hook of the engine: the trial fails on purpose at this step, to exercise failure handling. */
  static final Setting FAULT_AT_STEP = new Setting("train", "fault_at_step", IntegerRule.atLeast(0),
      (b, v) -> b.faultAtStep((Integer) v), b -> b.faultAtStep);

  static final Setting EVERY = new Setting("probe", "every", IntegerRule.atLeast(1),
      (b, v) -> b.probeEvery((Integer) v), b -> b.probeEvery);
  static final Setting PROBE_SAMPLES = new Setting("probe", "samples", IntegerRule.atLeast(1),
      (b, v) -> b.probeSamples((Integer) v), b -> b.probeSamples);
  /** Bounds the training rows death is decided on, for file data sets too large to scan at every checkpoint. */
  static final Setting DEATH_ROWS = new Setting("probe", "death_rows", IntegerRule.atLeast(1),
      (b, v) -> b.deathRows((Integer) v), b -> b.deathRows);
  static final Setting DORMANT_TAU = new Setting("probe", "dormant_tau", new NumberRule(Interval.closed(0, 1)),
      (b, v) -> b.dormantTau((Double) v), b -> b.dormantTau);
  static final Setting SATURATION_EPS = new Setting("probe", "saturation_eps", new NumberRule(Interval.above(0)),
      (b, v) -> b.saturationEps((Double) v), b -> b.saturationEps);

  static final Setting STRATEGY = new Setting("revival", "strategy", ChoiceRule.of(RevivalKind.class),
      (b, v) -> b.revival((RevivalKind) v), b -> b.revival);
  static final Setting REVIVAL_EVERY = new Setting("revival", "every", IntegerRule.atLeast(1),
      (b, v) -> b.revivalEvery((Integer) v), b -> b.revivalEvery);
  static final Setting WASHOUT = new Setting("revival", "washout", IntegerRule.atLeast(0),
      (b, v) -> b.revivalWashout((Integer) v), b -> b.revivalWashout);
  static final Setting SIGMA = new Setting("revival", "sigma", new NumberRule(Interval.above(0)),
      (b, v) -> b.kickSigma((Double) v), b -> b.kickSigma);
  static final Setting TARGET = new Setting("revival", "target", ChoiceRule.ofWords("dead", "dormant"),
      (b, v) -> b.kickTarget((String) v), b -> b.kickTarget);
  static final Setting SCOPE = new Setting("revival", "scope", ChoiceRule.ofWords("neuron", "layer"),
      (b, v) -> b.kickScope((String) v), b -> b.kickScope);
  static final Setting OFFSET = new Setting("revival", "offset", new NumberRule(Interval.atLeast(0)),
      (b, v) -> b.warmingOffset((Double) v), b -> b.warmingOffset);
  static final Setting HOLD = new Setting("revival", "hold", IntegerRule.atLeast(0),
      (b, v) -> b.warmingHold((Integer) v), b -> b.warmingHold);
  static final Setting ANNEAL = new Setting("revival", "anneal", IntegerRule.atLeast(0),
      (b, v) -> b.warmingAnneal((Integer) v), b -> b.warmingAnneal);
  static final Setting SCHEDULE = new Setting("revival", "schedule", ChoiceRule.ofWords("linear", "cosine", "exponential"),
      (b, v) -> b.warmingSchedule((String) v), b -> b.warmingSchedule);

  /** In file order: data, model, train, probe, revival; within a section, in the order the format documents them. */
  static final List<Setting> ALL = List.of(SOURCE, PATH, LABEL, TASK, DATA_SAMPLES, NOISE, CLASSES,
      FEATURES, FUNCTION, TEST_FRACTION, DATA_SEED, HIDDEN, DEPTH, WIDTH, ACTIVATION, ALPHA, HEAD, INIT,
      INIT_BIAS, RELU_GRAD_AT_ZERO, OPTIMIZER, STEPS, BATCH_SIZE, LR, MOMENTUM, ADAM_BETA1, ADAM_BETA2,
      L2, DECAY_BIAS, FAULT_AT_STEP, EVERY, PROBE_SAMPLES, DEATH_ROWS, DORMANT_TAU, SATURATION_EPS, STRATEGY,
      REVIVAL_EVERY, WASHOUT, SIGMA, TARGET, SCOPE, OFFSET, HOLD, ANNEAL, SCHEDULE);

  /**
   * Short names that must be written dotted as axes: {@code samples} is in two sections, and
   * {@code seed} or {@code every} alone do not say what they seed or how often.
   */
  private static final Set<String> MUST_BE_DOTTED = Set.of("samples", "seed", "every");

  private static final Map<String, Setting> BY_NAME = byName();

  private SettingRegistry() {}

  /** The setting {@code key} of {@code section}, or null. */
  static Setting inSection(String section, String key) {
    return BY_NAME.get(section + "." + key);
  }

  static List<String> keysOf(String section) {
    return ALL.stream().filter(s -> s.section().equals(section)).map(Setting::key).toList();
  }

  /**
   * The setting an axis (or a {@code when} key) names, short or dotted; null after reporting an
   * unknown or ambiguous name at {@code at}.
   */
  static Setting byAxisName(String name, Node at, String field, Problems problems) {
    Setting exact = BY_NAME.get(name);
    if (exact != null) {
      return exact;
    }
    List<Setting> sameKey = ALL.stream().filter(s -> s.key().equals(name)).toList();
    if (sameKey.size() == 1 && !MUST_BE_DOTTED.contains(name)) {
      return sameKey.get(0);
    }
    if (!sameKey.isEmpty()) {
      String dotted = String.join(" or ", sameKey.stream().map(Setting::path).toList());
      String seedHint = name.equals("seed") ? " (trial seeds are the top-level seeds:)" : "";
      problems.at(at, field, "'" + name + "' is ambiguous as a short name: write " + dotted + seedHint);
    } else {
      problems.at(at, field, Suggestion.closest(name, axisNames())
          .map(close -> "unknown setting '" + name + "' (did you mean '" + close + "'?)")
          .orElse("unknown setting '" + name + "'; accepted: " + String.join(", ", shortNames())
              + ", or any setting dotted as section.key (train.lr); only dotted: " + String.join(", ", dottedOnly())));
    }
    return null;
  }

  /**
   * The settings whose values decide {@code s}'s effective value: data.task defaults from the
   * source, model.head from the task, model.hidden can be spelled by depth and width.
   */
  static Set<Setting> influences(Setting s) {
    if (s == TASK) {
      return Set.of(TASK, SOURCE);
    }
    if (s == HEAD) {
      return Set.of(HEAD, TASK, SOURCE);
    }
    if (s == HIDDEN) {
      return Set.of(HIDDEN, DEPTH, WIDTH);
    }
    return Set.of(s);
  }

  /** Every name an axis may use: the unmistakable short keys, then all dotted paths. */
  static List<String> axisNames() {
    List<String> names = new ArrayList<>(shortNames());
    ALL.forEach(s -> names.add(s.path()));
    return names;
  }

  /** The short keys that name one setting unmistakably. */
  private static List<String> shortNames() {
    return ALL.stream().filter(SettingRegistry::shortNameAllowed).map(Setting::key).toList();
  }

  /** The settings that can only be named dotted. */
  private static List<String> dottedOnly() {
    return ALL.stream().filter(s -> !shortNameAllowed(s)).map(Setting::path).toList();
  }

  private static boolean shortNameAllowed(Setting s) {
    return !MUST_BE_DOTTED.contains(s.key()) && ALL.stream().filter(t -> t.key().equals(s.key())).count() == 1;
  }

  private static Map<String, Setting> byName() {
    Map<String, Setting> m = new LinkedHashMap<>();
    ALL.forEach(s -> m.put(s.path(), s));
    return Map.copyOf(m);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> castWidths(Object v) {
    return (List<Integer>) v;
  }
}
