package org.deadrelu.model.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every setting of a trial, each declared once (see {@link Setting}); engine code reads them with
 * {@code config.get(Settings.LR)}. The declaration order is the order of a trial's canonical text
 * (its id) and of the trials table's columns: a setting added later goes where its column should
 * be and declares {@link Setting.Builder#hashedOnlyOffDefault()}, so existing trials keep their ids.
 * The rules between settings are in {@link CrossSettingRules}.
 */
public final class Settings {

  public static final String CLASSIFICATION = "classification";
  public static final String REGRESSION = "regression";

  private static final List<Setting<?>> DECLARED = new ArrayList<>();

  public static final Setting<DataSourceKind> DATA_SOURCE = declare(Setting.define("data.source",
          ChoiceType.of(DataSourceKind.class))
      .byDefault(DataSourceKind.BLOBS).column("data_source")
      .doc("where the data comes from: generated (`blobs`, `spirals`, `teacher`, `function`), bundled"
          + " (`digits`, `breast_cancer`), a file (`csv`, `parquet`), or an online stream"
          + " (`slowly_changing`: Dohare et al.'s slowly-changing regression)"));
  public static final Setting<String> DATA_PATH = declare(Setting.define("data.path",
          new TextType("a Hadoop path such as file:///data/wine.csv"))
      .onlyWhen(DATA_SOURCE, DataSourceKind::isFile).unsetMeans("none (required for a file source)")
      .column("data_path")
      .doc("the file of a `csv` or `parquet` source, any Hadoop path (`file://`, `hdfs://`, `s3a://`);"
          + " refused for other sources"));
  public static final Setting<String> DATA_LABEL = declare(Setting.define("data.label",
          new TextType("the name of the label column"))
      .byDefault("label").onlyWhen(DATA_SOURCE, DataSourceKind::isFile).column("data_label")
      .doc("the label column of a file source; refused for other sources"));
  public static final Setting<String> DATA_TASK = declare(Setting.define("data.task",
          ChoiceType.words(CLASSIFICATION, REGRESSION))
      .byDefault("`regression` for `teacher`, `function` and `slowly_changing`, else `classification`",
          v -> v.get(Settings.DATA_SOURCE).naturalTask(), DATA_SOURCE)
      .column("data_task")
      .doc("what the labels are; a built-in source poses one task, a file source either"));
  public static final Setting<Integer> DATA_SAMPLES = declare(Setting.define("data.samples",
          new IntegerType(IntegerRange.atLeast(2)))
      .byDefault(1000).onlyWhen(DATA_SOURCE, DataSourceKind::isSynthetic).column("data_samples")
      .doc("generated rows"));
  public static final Setting<Double> DATA_NOISE = declare(Setting.define("data.noise",
          new NumberType(Interval.atLeast(0)))
      .byDefault(1.0).onlyWhen(DATA_SOURCE, DataSourceKind::isSynthetic).column("data_noise")
      .doc("standard deviation of the generator's noise"));
  public static final Setting<Integer> DATA_CLASSES = declare(Setting.define("data.classes",
          new IntegerType(IntegerRange.atLeast(2)))
      .byDefault(3).onlyWhen(DATA_SOURCE, s -> s == DataSourceKind.BLOBS).column("data_classes")
      .doc("classes of the blobs"));
  public static final Setting<Integer> DATA_FEATURES = declare(Setting.define("data.features",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(2).onlyWhen(DATA_SOURCE, s -> s == DataSourceKind.BLOBS || s == DataSourceKind.TEACHER)
      .column("data_features")
      .doc("input dimension of the generated data"));
  public static final Setting<String> DATA_FUNCTION = declare(Setting.define("data.function",
          ChoiceType.words("abs", "sin", "square", "step"))
      .byDefault("abs").onlyWhen(DATA_SOURCE, s -> s == DataSourceKind.FUNCTION).column("data_function")
      .doc("the 1-D function learned, on x in [-1, 1]"));
  public static final Setting<Integer> DATA_PERIOD = declare(Setting.define("data.period",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(10_000).onlyWhen(DATA_SOURCE, DataSourceKind::isStream).hashedOnlyOffDefault().column("data_period")
      .doc("steps between changes of the slow bits of `slowly_changing`: task k is steps [k period, (k + 1) period)"));
  public static final Setting<Boolean> DATA_FLIP_ONE = declare(Setting.define("data.flip_one", new FlagType())
      .byDefault(false).onlyWhen(DATA_SOURCE, DataSourceKind::isStream).hashedOnlyOffDefault().column("data_flip_one")
      .doc("`slowly_changing`: flip one slow bit, chosen at random, at each change instead of drawing all 15 afresh"));
  // a stream has no rows to hold out: each of its examples is fresh when it is trained on
  public static final Setting<Double> TEST_FRACTION = declare(Setting.define("data.test_fraction",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.2).onlyWhen(DATA_SOURCE, s -> !s.isStream())
      .doc("share of the rows held out for testing, measured at every checkpoint"));
  public static final Setting<Long> DATA_SEED = declare(Setting.define("data.seed",
          new LongType(IntegerRange.wideAtLeast(0)))
      .byDefault(0L).column("data_seed")
      .doc("seeds data generation and the train/test split (the same for every replicate); for"
          + " `slowly_changing`, its target network (the trial's seed draws its inputs)"));

  // a shift is applied while training, not to the data set: its own section, outside the data's cache key
  public static final Setting<ShiftKind> SHIFT_KIND = declare(Setting.define("shift.kind", ChoiceType.of(ShiftKind.class))
      .byDefault(ShiftKind.NONE).hashedOnlyOffDefault().column("shift_kind")
      .doc("how the task changes every `shift.every` steps: `permute_inputs` (a fresh random order of the"
          + " input features per task, as Online Permuted MNIST), `permute_labels` (a fresh random relabelling"
          + " of the classes per task); task 0 is the data as they are; the permutations come from the"
          + " trial's seed"));
  public static final Setting<Integer> SHIFT_EVERY = declare(Setting.define("shift.every",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(1000).onlyWhen(SHIFT_KIND, k -> k != ShiftKind.NONE).hashedOnlyOffDefault().column("shift_every")
      .doc("steps per task: task k is steps [k every, (k + 1) every)"));

  public static final Setting<List<Integer>> HIDDEN = declare(Setting.define("model.hidden", new WidthsType())
      .byDefault(List.of(32, 32))
      .alsoColumn("depth", ColumnType.INT, List::size)
      .alsoColumn("width", ColumnType.INT, w -> w.stream().mapToInt(Integer::intValue).max().orElse(0))
      .doc("widths of the hidden layers, input side first (`[]`: none); in the trials table also as"
          + " `depth` (their count) and `width` (the widest)"));
  public static final Setting<ActivationKind> ACTIVATION = declare(Setting.define("model.activation",
          ChoiceType.of(ActivationKind.class))
      .byDefault(ActivationKind.RELU)
      .doc("the hidden layers' activation"));
  public static final Setting<Double> ALPHA = declare(Setting.define("model.alpha", new NumberType(Interval.atLeast(0)))
      .byDefault(0.01).onlyWhen(ACTIVATION, ActivationKind::hasAlpha)
      .doc("negative-side slope of `leaky_relu`, initial slope of `prelu`, scale of `elu`"));
  public static final Setting<HeadKind> HEAD = declare(Setting.define("model.head", ChoiceType.of(HeadKind.class))
      .byDefault("`linear` for regression, else `softmax`",
          v -> REGRESSION.equals(v.get(Settings.DATA_TASK)) ? HeadKind.LINEAR : HeadKind.SOFTMAX, DATA_TASK)
      .doc("output head and loss: `softmax` (+ cross-entropy), `relu_normalize` (ReLU, normalize,"
          + " cross-entropy), `linear` (+ mean squared error)"));
  public static final Setting<InitKind> INIT = declare(Setting.define("model.init", ChoiceType.of(InitKind.class))
      .byDefault(InitKind.HE_NORMAL)
      .doc("weight initializer (`rai`: randomized asymmetric initialization)"));
  public static final Setting<Double> INIT_BIAS = declare(Setting.define("model.init_bias", new NumberType(Interval.any()))
      .byDefault(0.0)
      .doc("every hidden bias starts here (output biases start at 0)"));
  public static final Setting<Integer> RELU_GRAD_AT_ZERO = declare(Setting.define("model.relu_grad_at_zero",
          new IntegerType(IntegerRange.between(0, 1)))
      .byDefault(0)
      .doc("the ReLU derivative used at exactly 0"));

  public static final Setting<OptimizerKind> OPTIMIZER = declare(Setting.define("train.optimizer",
          ChoiceType.of(OptimizerKind.class))
      .byDefault(OptimizerKind.SGD)
      .doc("the update rule"));
  public static final Setting<Integer> STEPS = declare(Setting.define("train.steps", new IntegerType(IntegerRange.atLeast(0)))
      .byDefault(1000)
      .doc("minibatch steps; 0 measures the initialization only"));
  public static final Setting<Integer> BATCH_SIZE = declare(Setting.define("train.batch_size",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(64)
      .doc("minibatch size (capped at the training rows)"));
  public static final Setting<Double> LR = declare(Setting.define("train.lr", new NumberType(Interval.above(0)))
      .byDefault(0.01)
      .doc("learning rate"));
  public static final Setting<Double> MOMENTUM = declare(Setting.define("train.momentum",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.9).onlyWhen(OPTIMIZER, o -> o == OptimizerKind.MOMENTUM)
      .doc("momentum coefficient mu (v = mu v + g, p -= lr v)"));
  public static final Setting<Double> ADAM_BETA1 = declare(Setting.define("train.adam_beta1",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.9).onlyWhen(OPTIMIZER, o -> o == OptimizerKind.ADAM)
      .doc("Adam's first-moment decay"));
  public static final Setting<Double> ADAM_BETA2 = declare(Setting.define("train.adam_beta2",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.999).onlyWhen(OPTIMIZER, o -> o == OptimizerKind.ADAM)
      .doc("Adam's second-moment decay"));
  public static final Setting<Double> L2 = declare(Setting.define("train.l2", new NumberType(Interval.atLeast(0)))
      .byDefault(0.0)
      .doc("weight decay lambda: adds lambda/2 |w|^2 to the objective"));
  public static final Setting<Boolean> DECAY_BIAS = declare(Setting.define("train.decay_bias", new FlagType())
      .byDefault(true)
      .doc("whether `l2` also decays biases and PReLU slopes"));

  public static final Setting<Integer> PROBE_EVERY = declare(Setting.define("probe.every",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(100).column("probe_every")
      .doc("checkpoint interval in steps (step 0 and the last step always); with `probe.schedule: geometric`,"
          + " the first checkpoint after step 0"));
  public static final Setting<String> PROBE_SCHEDULE = declare(Setting.define("probe.schedule",
          ChoiceType.words("every", "geometric"))
      .byDefault("every").hashedOnlyOffDefault().column("probe_schedule")
      .doc("`every`: a checkpoint every `probe.every` steps; `geometric`: at `every`, 2 `every`, 4 `every`, ..."
          + " (a number of checkpoints logarithmic in the steps); step 0 and the last step always"));
  public static final Setting<Integer> ERROR_WINDOW = declare(Setting.define("probe.error_window",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(100).hashedOnlyOffDefault().column("error_window")
      .doc("the online loss and error on the incoming examples are averaged over windows of this many"
          + " steps, a `curves` row at the end of each, whatever the checkpoints"));
  // a stream's probe set is its current task's whole input set
  public static final Setting<Integer> PROBE_SAMPLES = declare(Setting.define("probe.samples",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(512).onlyWhen(DATA_SOURCE, s -> !s.isStream()).column("probe_samples")
      .doc("probe-set size, drawn once per trial from the training split"));
  /** Bounds the training rows death is decided on, for file data sets too large to scan at every checkpoint. */
  public static final Setting<Integer> DEATH_ROWS = declare(Setting.define("probe.death_rows",
          new IntegerType(IntegerRange.atLeast(1)))
      .unsetMeans("all").onlyWhen(DATA_SOURCE, s -> !s.isStream()).column("death_rows")
      .doc("the first this many training rows decide death (for file data sets too large to scan at every"
          + " checkpoint)"));
  public static final Setting<Double> DORMANT_TAU = declare(Setting.define("probe.dormant_tau",
          new NumberType(Interval.closed(0, 1)))
      .byDefault(0.025).column("dormant_tau")
      .doc("a neuron is dormant when its normalized activation score is <= tau"));
  public static final Setting<Double> SATURATION_EPS = declare(Setting.define("probe.saturation_eps",
          new NumberType(Interval.above(0)))
      .byDefault(0.01).column("saturation_eps")
      .doc("|f'(z)| below which a sigmoid or tanh neuron counts as saturated"));
  /** Measuring, not a treatment: it adds the layers table's rank columns and changes nothing else. */
  public static final Setting<Boolean> PROBE_RANKS = declare(Setting.define("probe.ranks", new FlagType())
      .byDefault(false).hashedOnlyOffDefault().column("probe_ranks").notAnAxis()
      .doc("measure the rank of each hidden layer's probe-set post-activations at every checkpoint (the"
          + " `layers` table's `effective_rank`, `stable_rank`, `srank` and `approximate_rank`; null when off);"
          + " off by default, as it adds about a fifth to the measuring time of 32-wide layers"));
  /** A test hook of the engine: the trial fails on purpose at this step, to exercise failure handling. */
  public static final Setting<Integer> FAULT_AT_STEP = declare(Setting.define("train.fault_at_step",
          new IntegerType(IntegerRange.atLeast(0)))
      .unsetMeans("none")
      .doc("for testing failure handling only: the trial throws at this step"));

  // revival settings enter ids only when a cure is chosen, so trials without one keep their ids
  public static final Setting<RevivalKind> REVIVAL = declare(Setting.define("revival.strategy",
          ChoiceType.of(RevivalKind.class))
      .byDefault(RevivalKind.NONE).hashedOnlyOffDefault().column("revival")
      .doc("the cure applied during training: to neurons that died (`warming`, `kick`, `redo`), or after"
          + " every update to keep the network plastic (`shrink_perturb`, `cbp`)"));
  public static final Setting<Integer> REVIVAL_EVERY = declare(Setting.define("revival.every",
          new IntegerType(IntegerRange.atLeast(1)))
      .byDefault(100).onlyWhen(REVIVAL, RevivalKind::intervenes).column("revival_every")
      .doc("intervene every this many steps"));
  public static final Setting<Integer> REVIVAL_WASHOUT = declare(Setting.define("revival.washout",
          new IntegerType(IntegerRange.atLeast(0)))
      .byDefault(0).noneWhen(0).onlyWhen(REVIVAL, RevivalKind::washesOut).column("revival_washout")
      .doc("no intervention in the last this many steps, so the end of training measures what the cure left"
          + " behind"));
  public static final Setting<Double> KICK_SIGMA = declare(Setting.define("revival.sigma", new NumberType(Interval.above(0)))
      .byDefault(0.1).onlyWhen(REVIVAL, r -> r == RevivalKind.KICK).column("kick_sigma")
      .doc("standard deviation of the kick's noise"));
  public static final Setting<String> KICK_TARGET = declare(Setting.define("revival.target",
          ChoiceType.words("dead", "dormant"))
      .byDefault("dead").onlyWhen(REVIVAL, r -> r == RevivalKind.KICK).column("kick_target")
      .doc("which neurons a kick targets"));
  public static final Setting<String> KICK_SCOPE = declare(Setting.define("revival.scope",
          ChoiceType.words("neuron", "layer"))
      .byDefault("neuron").onlyWhen(REVIVAL, r -> r == RevivalKind.KICK).column("kick_scope")
      .doc("`neuron`: only the targets; `layer`: every neuron of a layer holding a target"));
  public static final Setting<Double> WARMING_OFFSET = declare(Setting.define("revival.offset",
          new NumberType(Interval.atLeast(0)))
      .byDefault(0.5).onlyWhen(REVIVAL, r -> r == RevivalKind.WARMING).column("warming_offset")
      .doc("the offset gamma warming adds to every hidden bias"));
  public static final Setting<Integer> WARMING_HOLD = declare(Setting.define("revival.hold",
          new IntegerType(IntegerRange.atLeast(0)))
      .byDefault(100).onlyWhen(REVIVAL, r -> r == RevivalKind.WARMING).column("warming_hold")
      .doc("steps gamma is held"));
  public static final Setting<Integer> WARMING_ANNEAL = declare(Setting.define("revival.anneal",
          new IntegerType(IntegerRange.atLeast(0)))
      .byDefault(100).onlyWhen(REVIVAL, r -> r == RevivalKind.WARMING).column("warming_anneal")
      .doc("steps over which gamma then falls to exactly 0"));
  public static final Setting<String> WARMING_SCHEDULE = declare(Setting.define("revival.schedule",
          ChoiceType.words("linear", "cosine", "exponential"))
      .byDefault("linear").onlyWhen(REVIVAL, r -> r == RevivalKind.WARMING).column("warming_schedule")
      .doc("the shape of gamma's fall"));
  public static final Setting<Double> SP_SHRINK = declare(Setting.define("revival.shrink",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(1e-4).onlyWhen(REVIVAL, r -> r == RevivalKind.SHRINK_PERTURB).hashedOnlyOffDefault()
      .column("sp_shrink")
      .doc("shrink and perturb's lambda: after every update each weight and bias is multiplied by 1 - lambda"));
  public static final Setting<Double> SP_PERTURB = declare(Setting.define("revival.perturb",
          new NumberType(Interval.atLeast(0)))
      .byDefault(1e-4).onlyWhen(REVIVAL, r -> r == RevivalKind.SHRINK_PERTURB).hashedOnlyOffDefault()
      .column("sp_perturb")
      .doc("shrink and perturb's sigma: the standard deviation of the Gaussian noise then added to each weight"
          + " and bias"));
  public static final Setting<Double> CBP_REPLACEMENT_RATE = declare(Setting.define("revival.replacement_rate",
          new NumberType(new Interval(0, false, 1, true)))
      .byDefault(1e-4).onlyWhen(REVIVAL, r -> r == RevivalKind.CBP).hashedOnlyOffDefault()
      .column("cbp_replacement_rate")
      .doc("continual backprop's rho: each step a hidden layer owes rho times its mature neurons in"
          + " replacements, made once a whole one is owed"));
  public static final Setting<Integer> CBP_MATURITY = declare(Setting.define("revival.maturity",
          new IntegerType(IntegerRange.atLeast(0)))
      .byDefault(100).onlyWhen(REVIVAL, r -> r == RevivalKind.CBP).hashedOnlyOffDefault()
      .column("cbp_maturity")
      .doc("continual backprop's maturity threshold m: a neuron may be replaced once it has lived more than m"
          + " updates"));
  public static final Setting<Double> CBP_UTILITY_DECAY = declare(Setting.define("revival.utility_decay",
          new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.99).onlyWhen(REVIVAL, r -> r == RevivalKind.CBP).hashedOnlyOffDefault()
      .column("cbp_utility_decay")
      .doc("continual backprop's eta: the decay of the running average of each neuron's contribution utility"));

  /** Every declaration above, in order. */
  static final List<Setting<?>> ALL = List.copyOf(DECLARED);

  private Settings() {}

  private static <T> Setting<T> declare(Setting.Builder<T> declaration) {
    Setting<T> s = declaration.build();
    DECLARED.add(s);
    return s;
  }
}
