package org.deadrelu.model.config;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fully resolved trial: every setting that can change its results, plus its seed. Immutable;
 * {@link #trialId()} hashes its canonical form, so the same trial always has the same id.
 *
 * <p>Settings that mean nothing for the chosen activation, optimizer or data source are null (alpha
 * for plain ReLU, momentum for Adam, noise for the digits), so two spellings of one trial hash alike.
 *
 * @param dataSource where the data comes from
 * @param dataPath Hadoop path of a csv or parquet source; null otherwise
 * @param dataLabel label column of a file source
 * @param dataTask "classification" or "regression"
 * @param dataSamples number of generated samples (synthetic sources)
 * @param dataNoise noise level of a synthetic source (standard deviation)
 * @param dataClasses classes of the blobs source
 * @param dataFeatures input dimension of the blobs and teacher sources
 * @param dataFunction the 1-D function of the function source (abs, sin, square, step)
 * @param testFraction share of the data held out for testing, in [0, 1)
 * @param dataSeed seed of data generation and of the train/test split (fixed across replicates)
 * @param hidden widths of the hidden layers, input side first
 * @param activation hidden-layer activation
 * @param alpha negative-side slope (leaky_relu, initial prelu slope) or scale (elu); null otherwise
 * @param head output head and loss
 * @param init weight initializer
 * @param initBias constant every bias starts at (hidden and output layers)
 * @param reluGradAtZero the ReLU derivative used at exactly 0 (0 or 1)
 * @param optimizer update rule
 * @param steps number of minibatch steps; 0 measures at initialization only
 * @param batchSize minibatch size
 * @param lr learning rate
 * @param momentum momentum coefficient (momentum optimizer only)
 * @param adamBeta1 Adam's first-moment decay (adam only)
 * @param adamBeta2 Adam's second-moment decay (adam only)
 * @param l2 L2 weight decay strength lambda (adds lambda/2 |w|^2 to the objective)
 * @param decayBias whether biases and PReLU slopes are decayed too
 * @param probeEvery checkpoint interval in steps (step 0 and the last step always)
 * @param probeSamples probe-set size, drawn once per trial from the training split
 * @param deathRows the training rows death is decided on (the first this many); null for all of them
 * @param dormantTau dormant threshold on the normalized activation score, in [0, 1]
 * @param saturationEps |f'(z)| below which a bounded activation counts as saturated
 * @param faultAtStep for testing failure handling: the trial throws at this step; null normally
 * @param revival the cure applied during training
 * @param revivalEvery kick and redo: intervene every this many steps
 * @param revivalWashout kick and redo: no intervention in the last this many steps, so the end
 *     measures what a cure left, not what it just did; null for none
 * @param kickSigma kick: standard deviation of the noise
 * @param kickTarget kick: "dead" or "dormant" neurons
 * @param kickScope kick: "neuron" (only the targets) or "layer" (every neuron of a layer holding one)
 * @param warmingOffset warming: the offset gamma added to every hidden bias
 * @param warmingHold warming: steps gamma is held
 * @param warmingAnneal warming: steps over which it then falls to 0
 * @param warmingSchedule warming: "linear", "cosine" or "exponential"
 * @param seed the trial's seed: initialization, shuffling, probe-set draw
 */
public record TrialConfig(
    DataSourceKind dataSource,
    String dataPath,
    String dataLabel,
    String dataTask,
    Integer dataSamples,
    Double dataNoise,
    Integer dataClasses,
    Integer dataFeatures,
    String dataFunction,
    double testFraction,
    long dataSeed,
    List<Integer> hidden,
    ActivationKind activation,
    Double alpha,
    HeadKind head,
    InitKind init,
    double initBias,
    int reluGradAtZero,
    OptimizerKind optimizer,
    int steps,
    int batchSize,
    double lr,
    Double momentum,
    Double adamBeta1,
    Double adamBeta2,
    double l2,
    boolean decayBias,
    int probeEvery,
    int probeSamples,
    Integer deathRows,
    double dormantTau,
    double saturationEps,
    Integer faultAtStep,
    RevivalKind revival,
    Integer revivalEvery,
    Integer revivalWashout,
    Double kickSigma,
    String kickTarget,
    String kickScope,
    Double warmingOffset,
    Integer warmingHold,
    Integer warmingAnneal,
    String warmingSchedule,
    long seed)
    implements Serializable {

  public TrialConfig {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(optimizer, "optimizer");
    hidden = List.copyOf(hidden);
    // settings that mean nothing here are dropped, so equal trials hash alike
    if (!activation.hasAlpha()) {
      alpha = null;
    }
    if (optimizer != OptimizerKind.MOMENTUM) {
      momentum = null;
    }
    if (optimizer != OptimizerKind.ADAM) {
      adamBeta1 = null;
      adamBeta2 = null;
    }
    if (!dataSource.isFile()) {
      dataPath = null;
      dataLabel = null;
    }
    if (!dataSource.isSynthetic()) {
      dataSamples = null;
      dataNoise = null;
    }
    if (dataSource != DataSourceKind.BLOBS) {
      dataClasses = null;
    }
    if (dataSource != DataSourceKind.BLOBS && dataSource != DataSourceKind.TEACHER) {
      dataFeatures = null;
    }
    if (dataSource != DataSourceKind.FUNCTION) {
      dataFunction = null;
    }
    revival = revival == null ? RevivalKind.NONE : revival;
    if (revival != RevivalKind.KICK && revival != RevivalKind.REDO) {
      revivalEvery = null;
      revivalWashout = null;
    }
    if (revivalWashout != null && revivalWashout == 0) {
      revivalWashout = null; // no washout, spelled either way, is one trial
    }
    if (revival != RevivalKind.KICK) {
      kickSigma = null;
      kickTarget = null;
      kickScope = null;
    }
    if (revival != RevivalKind.WARMING) {
      warmingOffset = null;
      warmingHold = null;
      warmingAnneal = null;
      warmingSchedule = null;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean isClassification() {
    return "classification".equals(dataTask);
  }

  /** Hidden widths joined by '-', e.g. "64-64" (empty for no hidden layer). */
  public String hiddenString() {
    return hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
  }

  /** The canonical text of every setting except the seed: equal exactly when two configurations are. */
  public String canonicalConfig() {
    StringBuilder s = new StringBuilder();
    field(s, "data.source", EnumNames.of(dataSource));
    field(s, "data.path", dataPath);
    field(s, "data.label", dataLabel);
    field(s, "data.task", dataTask);
    field(s, "data.samples", dataSamples);
    field(s, "data.noise", dataNoise);
    field(s, "data.classes", dataClasses);
    field(s, "data.features", dataFeatures);
    field(s, "data.function", dataFunction);
    field(s, "data.test_fraction", testFraction);
    field(s, "data.seed", dataSeed);
    field(s, "model.hidden", hiddenString());
    field(s, "model.activation", EnumNames.of(activation));
    field(s, "model.alpha", alpha);
    field(s, "model.head", EnumNames.of(head));
    field(s, "model.init", EnumNames.of(init));
    field(s, "model.init_bias", initBias);
    field(s, "model.relu_grad_at_zero", reluGradAtZero);
    field(s, "train.optimizer", EnumNames.of(optimizer));
    field(s, "train.steps", steps);
    field(s, "train.batch_size", batchSize);
    field(s, "train.lr", lr);
    field(s, "train.momentum", momentum);
    field(s, "train.adam_beta1", adamBeta1);
    field(s, "train.adam_beta2", adamBeta2);
    field(s, "train.l2", l2);
    field(s, "train.decay_bias", decayBias);
    field(s, "probe.every", probeEvery);
    field(s, "probe.samples", probeSamples);
    field(s, "probe.death_rows", deathRows); // absent (all rows) for every trial before it existed
    field(s, "probe.dormant_tau", dormantTau);
    field(s, "probe.saturation_eps", saturationEps);
    field(s, "train.fault_at_step", faultAtStep);
    // revival settings appear only when a cure is chosen, so trials without one keep their ids
    if (revival != RevivalKind.NONE) {
      field(s, "revival.strategy", EnumNames.of(revival));
    }
    field(s, "revival.every", revivalEvery);
    field(s, "revival.washout", revivalWashout);
    field(s, "revival.sigma", kickSigma);
    field(s, "revival.target", kickTarget);
    field(s, "revival.scope", kickScope);
    field(s, "revival.offset", warmingOffset);
    field(s, "revival.hold", warmingHold);
    field(s, "revival.anneal", warmingAnneal);
    field(s, "revival.schedule", warmingSchedule);
    return s.toString();
  }

  /** Hash of the configuration without the seed: replicates share it. */
  public String configId() {
    return hash(canonicalConfig());
  }

  /** Hash of the configuration and the seed: the trial's identity across runs, retries and resumes. */
  public String trialId() {
    return hash(canonicalConfig() + "seed=" + seed + ";");
  }

  private static void field(StringBuilder s, String key, Object value) {
    if (value != null) {
      s.append(key).append('=').append(value).append(';');
    }
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Mutable builder with the documented defaults. */
  public static final class Builder {
    public DataSourceKind dataSource = DataSourceKind.BLOBS;
    public String dataPath;
    public String dataLabel = "label";
    public String dataTask = "classification";
    public int dataSamples = 1000;
    public double dataNoise = 1.0;
    public int dataClasses = 3;
    public int dataFeatures = 2;
    public String dataFunction = "abs";
    public double testFraction = 0.2;
    public long dataSeed = 0;
    public List<Integer> hidden = List.of(32, 32);
    public ActivationKind activation = ActivationKind.RELU;
    public Double alpha = 0.01;
    public HeadKind head = HeadKind.SOFTMAX;
    public InitKind init = InitKind.HE_NORMAL;
    public double initBias = 0.0;
    public int reluGradAtZero = 0;
    public OptimizerKind optimizer = OptimizerKind.SGD;
    public int steps = 1000;
    public int batchSize = 64;
    public double lr = 0.01;
    public Double momentum = 0.9;
    public Double adamBeta1 = 0.9;
    public Double adamBeta2 = 0.999;
    public double l2 = 0.0;
    public boolean decayBias = true;
    public int probeEvery = 100;
    public int probeSamples = 512;
    public Integer deathRows;
    public double dormantTau = 0.025;
    public double saturationEps = 0.01;
    public Integer faultAtStep;
    public RevivalKind revival = RevivalKind.NONE;
    public int revivalEvery = 100;
    public Integer revivalWashout;
    public double kickSigma = 0.1;
    public String kickTarget = "dead";
    public String kickScope = "neuron";
    public double warmingOffset = 0.5;
    public int warmingHold = 100;
    public int warmingAnneal = 100;
    public String warmingSchedule = "linear";
    public long seed = 0;

    Builder() {}

    Builder(TrialConfig c) {
      dataSource = c.dataSource;
      dataPath = c.dataPath;
      dataLabel = c.dataLabel == null ? dataLabel : c.dataLabel;
      dataTask = c.dataTask;
      dataSamples = c.dataSamples == null ? dataSamples : c.dataSamples;
      dataNoise = c.dataNoise == null ? dataNoise : c.dataNoise;
      dataClasses = c.dataClasses == null ? dataClasses : c.dataClasses;
      dataFeatures = c.dataFeatures == null ? dataFeatures : c.dataFeatures;
      dataFunction = c.dataFunction == null ? dataFunction : c.dataFunction;
      testFraction = c.testFraction;
      dataSeed = c.dataSeed;
      hidden = c.hidden;
      activation = c.activation;
      alpha = c.alpha == null ? alpha : c.alpha;
      head = c.head;
      init = c.init;
      initBias = c.initBias;
      reluGradAtZero = c.reluGradAtZero;
      optimizer = c.optimizer;
      steps = c.steps;
      batchSize = c.batchSize;
      lr = c.lr;
      momentum = c.momentum == null ? momentum : c.momentum;
      adamBeta1 = c.adamBeta1 == null ? adamBeta1 : c.adamBeta1;
      adamBeta2 = c.adamBeta2 == null ? adamBeta2 : c.adamBeta2;
      l2 = c.l2;
      decayBias = c.decayBias;
      probeEvery = c.probeEvery;
      probeSamples = c.probeSamples;
      deathRows = c.deathRows;
      dormantTau = c.dormantTau;
      saturationEps = c.saturationEps;
      faultAtStep = c.faultAtStep;
      revival = c.revival;
      revivalEvery = c.revivalEvery == null ? revivalEvery : c.revivalEvery;
      revivalWashout = c.revivalWashout;
      kickSigma = c.kickSigma == null ? kickSigma : c.kickSigma;
      kickTarget = c.kickTarget == null ? kickTarget : c.kickTarget;
      kickScope = c.kickScope == null ? kickScope : c.kickScope;
      warmingOffset = c.warmingOffset == null ? warmingOffset : c.warmingOffset;
      warmingHold = c.warmingHold == null ? warmingHold : c.warmingHold;
      warmingAnneal = c.warmingAnneal == null ? warmingAnneal : c.warmingAnneal;
      warmingSchedule = c.warmingSchedule == null ? warmingSchedule : c.warmingSchedule;
      seed = c.seed;
    }

    public Builder dataSource(DataSourceKind v) { dataSource = v; return this; }
    public Builder dataPath(String v) { dataPath = v; return this; }
    public Builder dataLabel(String v) { dataLabel = v; return this; }
    public Builder dataTask(String v) { dataTask = v; return this; }
    public Builder dataSamples(int v) { dataSamples = v; return this; }
    public Builder dataNoise(double v) { dataNoise = v; return this; }
    public Builder dataClasses(int v) { dataClasses = v; return this; }
    public Builder dataFeatures(int v) { dataFeatures = v; return this; }
    public Builder dataFunction(String v) { dataFunction = v; return this; }
    public Builder testFraction(double v) { testFraction = v; return this; }
    public Builder dataSeed(long v) { dataSeed = v; return this; }
    public Builder hidden(List<Integer> v) { hidden = v; return this; }
    public Builder activation(ActivationKind v) { activation = v; return this; }
    public Builder alpha(Double v) { alpha = v; return this; }
    public Builder head(HeadKind v) { head = v; return this; }
    public Builder init(InitKind v) { init = v; return this; }
    public Builder initBias(double v) { initBias = v; return this; }
    public Builder reluGradAtZero(int v) { reluGradAtZero = v; return this; }
    public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
    public Builder steps(int v) { steps = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder lr(double v) { lr = v; return this; }
    public Builder momentum(Double v) { momentum = v; return this; }
    public Builder adamBeta1(Double v) { adamBeta1 = v; return this; }
    public Builder adamBeta2(Double v) { adamBeta2 = v; return this; }
    public Builder l2(double v) { l2 = v; return this; }
    public Builder decayBias(boolean v) { decayBias = v; return this; }
    public Builder probeEvery(int v) { probeEvery = v; return this; }
    public Builder probeSamples(int v) { probeSamples = v; return this; }
    public Builder deathRows(Integer v) { deathRows = v; return this; }
    public Builder dormantTau(double v) { dormantTau = v; return this; }
    public Builder saturationEps(double v) { saturationEps = v; return this; }
    public Builder faultAtStep(Integer v) { faultAtStep = v; return this; }
    public Builder revival(RevivalKind v) { revival = v; return this; }
    public Builder revivalEvery(int v) { revivalEvery = v; return this; }
    public Builder revivalWashout(Integer v) { revivalWashout = v; return this; }
    public Builder kickSigma(double v) { kickSigma = v; return this; }
    public Builder kickTarget(String v) { kickTarget = v; return this; }
    public Builder kickScope(String v) { kickScope = v; return this; }
    public Builder warmingOffset(double v) { warmingOffset = v; return this; }
    public Builder warmingHold(int v) { warmingHold = v; return this; }
    public Builder warmingAnneal(int v) { warmingAnneal = v; return this; }
    public Builder warmingSchedule(String v) { warmingSchedule = v; return this; }
    public Builder seed(long v) { seed = v; return this; }

    public TrialConfig build() {
      return new TrialConfig(dataSource, dataPath, dataLabel, dataTask, dataSamples, dataNoise,
          dataClasses, dataFeatures, dataFunction, testFraction, dataSeed, hidden, activation, alpha,
          head, init, initBias, reluGradAtZero, optimizer, steps, batchSize, lr, momentum, adamBeta1,
          adamBeta2, l2, decayBias, probeEvery, probeSamples, deathRows, dormantTau, saturationEps, faultAtStep, revival, revivalEvery, revivalWashout, kickSigma, kickTarget,
          kickScope, warmingOffset, warmingHold, warmingAnneal, warmingSchedule, seed);
    }
  }
}
