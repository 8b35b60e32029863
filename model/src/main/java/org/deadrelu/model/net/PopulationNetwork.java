package org.deadrelu.model.net;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ADAM_BETA1;
import static org.deadrelu.model.config.Settings.ADAM_BETA2;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.DECAY_BIAS;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.L2;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.MOMENTUM;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.RELU_GRAD_AT_ZERO;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.activation.Activations;
import org.deadrelu.model.net.head.Head;
import org.deadrelu.model.optim.Adam;
import org.deadrelu.model.optim.Momentum;
import org.deadrelu.model.optim.Optimizer;
import org.deadrelu.model.optim.Sgd;
import org.deadrelu.model.optim.WeightDecay;
import org.deadrelu.model.population.BatchedGemm;
import org.deadrelu.model.population.FiniteValues;
import org.deadrelu.model.population.HostCopy;
import org.deadrelu.model.population.NativeArrays;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.ParameterKind;
import org.deadrelu.model.population.PerSlice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * P fully connected networks of the same shape, trained in lockstep: every parameter is stacked
 * along a leading network dimension, so each ND4J op (a batched gemm, an element-wise op) works on
 * all of them at once. Everything that differs between trials (learning rate, weight decay and
 * whether it touches biases, alpha, initial bias, initializer, seed) is a per-network value, never a
 * separate code path, and no op mixes values of two networks: a network's results do not depend on
 * its neighbours. One network is a population of one.
 *
 * <p>Layer l holds W [P, in, out] and b [P, 1, out]. Parameters are listed weights first (one per
 * layer), then biases, then PReLU slopes.
 */
public final class PopulationNetwork {
  /** One copy per thread for {@link #parametersFinite}, kept across calls (each uses it within the call). */
  private static final ThreadLocal<HostCopy> FINITE_COPY = ThreadLocal.withInitial(HostCopy::new);

  private final int population;
  private final int[] sizes;
  private final DataType dtype;
  private final Activation activation;
  private final Head head;
  private final INDArray[] weights;
  private final INDArray[] biases;
  private final INDArray[] slopes;
  private final INDArray eluAlpha;
  private final List<Parameter> parameters = new ArrayList<>();
  private final Optimizer optimizer;
  private final PerSlice lr;
  private final double[] baseLr;
  private final Map<String, Pass> passes = new HashMap<>();
  /** Bias warming's offset per network, added to every hidden bias in the forward pass; null if none. */
  private PerSlice biasOffset;
  private INDArray[] effectiveBias;

  private PopulationNetwork(int[] sizes, List<TrialConfig> trials, INDArray[] weights, INDArray[] biases,
      INDArray[] slopes, DataType dtype) {
    TrialConfig first = trials.get(0);
    this.population = trials.size();
    this.sizes = sizes.clone();
    this.dtype = dtype;
    this.activation = Activations.of(first.get(ACTIVATION), first.get(RELU_GRAD_AT_ZERO));
    this.head = Head.of(first.get(HEAD));
    this.weights = weights;
    this.biases = biases;
    this.slopes = slopes;
    this.eluAlpha = first.get(ACTIVATION).alphaRole() == ActivationKind.AlphaRole.SCALE
        ? new PerSlice(trials.stream().mapToDouble(t -> t.get(ALPHA)).toArray(), dtype).column()
        : null;
    for (int l = 0; l < weights.length; l++) {
      parameters.add(new Parameter(l, ParameterKind.WEIGHT, weights[l], weights[l].ulike(),
          decayOf(trials, weights[l], false), weights[l].ulike()));
    }
    for (int l = 0; l < biases.length; l++) {
      parameters.add(new Parameter(l, ParameterKind.BIAS, biases[l], biases[l].ulike(),
          decayOf(trials, biases[l], true), biases[l].ulike()));
    }
    if (activation.learnsSlope()) {
      for (int l = 0; l < slopes.length; l++) {
        parameters.add(new Parameter(l, ParameterKind.SLOPE, slopes[l], slopes[l].ulike(),
            decayOf(trials, slopes[l], true), slopes[l].ulike()));
      }
    }
    this.baseLr = trials.stream().mapToDouble(t -> t.get(LR)).toArray();
    this.lr = new PerSlice(baseLr, dtype);
    this.optimizer = switch (first.get(OPTIMIZER)) {
      case SGD -> new Sgd();
      case MOMENTUM -> new Momentum(new PerSlice(trials.stream().mapToDouble(t -> t.get(MOMENTUM)).toArray(), dtype), parameters);
      case ADAM -> new Adam(trials.stream().mapToDouble(t -> t.get(ADAM_BETA1)).toArray(),
          trials.stream().mapToDouble(t -> t.get(ADAM_BETA2)).toArray(), parameters, dtype);
    };
  }

  /**
   * A fresh population: network p's weights are drawn from {@code rngs[p]} with its trial's
   * initializer, its hidden biases start at its initial bias, output biases at 0, slopes at alpha.
   * The trials must agree on activation, head and optimizer.
   *
   * @param sizes layer widths from input to output, e.g. [2, 64, 64, 3]
   */
  public static PopulationNetwork initialize(int[] sizes, List<TrialConfig> trials, RandomGenerator[] rngs,
      DataType dtype) {
    int p = trials.size();
    int layers = sizes.length - 1;
    INDArray[] w = new INDArray[layers];
    INDArray[] b = new INDArray[layers];
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] flat = new double[p * in * out];
      double[] bias = new double[p * out];
      for (int s = 0; s < p; s++) {
        TrialConfig c = trials.get(s);
        Initializer.Layer drawn = Initializer.draw(c.get(INIT), in, out, l + 1 < layers ? c.get(INIT_BIAS) : 0.0, rngs[s]);
        System.arraycopy(drawn.weights(), 0, flat, s * in * out, in * out);
        System.arraycopy(drawn.biases(), 0, bias, s * out, out);
      }
      w[l] = Nd4j.create(flat, new long[] {p, in, out}, DataType.DOUBLE).castTo(dtype);
      b[l] = Nd4j.create(bias, new long[] {p, 1, out}, DataType.DOUBLE).castTo(dtype);
    }
    boolean slope = trials.get(0).get(ACTIVATION).alphaRole() == ActivationKind.AlphaRole.SLOPE;
    INDArray[] slopes = new INDArray[slope ? layers - 1 : 0];
    for (int l = 0; l < slopes.length; l++) {
      int out = sizes[l + 1];
      double[] flat = new double[p * out];
      for (int s = 0; s < p; s++) {
        java.util.Arrays.fill(flat, s * out, (s + 1) * out, trials.get(s).get(ALPHA));
      }
      slopes[l] = Nd4j.create(flat, new long[] {p, 1, out}, DataType.DOUBLE).castTo(dtype);
    }
    return new PopulationNetwork(sizes, trials, w, b, slopes, dtype);
  }

  /**
   * Per-network decay strengths shaped like {@code value}: lambda, or for biases and slopes lambda
   * only where that network decays biases; null when no network decays this array at all.
   */
  private static INDArray decayOf(List<TrialConfig> trials, INDArray value, boolean biasLike) {
    double[] lambda = trials.stream().mapToDouble(t -> biasLike && !t.get(DECAY_BIAS) ? 0.0 : t.get(L2)).toArray();
    if (java.util.Arrays.stream(lambda).allMatch(v -> v == 0)) {
      return null;
    }
    INDArray decay = value.ulike();
    for (int s = 0; s < lambda.length; s++) {
      decay.slice(s).assign(lambda[s]);
    }
    return decay;
  }

  public int size() {
    return population;
  }

  public int[] sizes() {
    return sizes.clone();
  }

  public int layers() {
    return weights.length;
  }

  public DataType dataType() {
    return dtype;
  }

  public Activation activation() {
    return activation;
  }

  public Head head() {
    return head;
  }

  /** Layer l's incoming weights, live: [P, in, out] (column i holds neuron i's). */
  public INDArray weights(int layer) {
    return weights[layer];
  }

  /** Layer l's biases, live: [P, 1, out]. */
  public INDArray bias(int layer) {
    return biases[layer];
  }

  /** Hidden layer l's negative-side slopes [P, 1, out] (leaky family), else null. */
  public INDArray slope(int layer) {
    return slopes.length == 0 ? null : slopes[layer];
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** The gradient of layer l's weights, as the last backward pass left it. */
  public INDArray weightGradient(int layer) {
    return parameters.get(layer).gradient();
  }

  /** The gradient of layer l's biases, as the last backward pass left it. */
  public INDArray biasGradient(int layer) {
    return parameters.get(weights.length + layer).gradient();
  }

  /**
   * The buffers for passes over {@code rows} rows for one purpose (training batches, the probe set,
   * the held-out set), made on first use and kept.
   */
  public Pass pass(String purpose, int rows) {
    return passes.computeIfAbsent(purpose + "/" + rows, k -> PassPool.take(population, sizes, rows, dtype));
  }

  /**
   * Hands this network's passes to the calling thread's {@link PassPool} for the next population of
   * the same shape; the network must not run a pass afterwards.
   */
  public void releasePasses() {
    PassPool.give(passes.values());
    passes.clear();
  }

  public void forward(Pass pass) {
    forward(pass, weights.length);
  }

  /** The forward pass through the first {@code layers} layers only (their z, and the activations they feed). */
  public void forward(Pass pass, int layers) {
    forward(pass, layers, true);
  }

  /**
   * The forward pass through the first {@code layers} layers, without the derivatives only a
   * backward pass reads: for rows that are evaluated or scanned, never learned from.
   */
  public void evaluate(Pass pass, int layers) {
    forward(pass, layers, false, weights.length);
  }

  /**
   * The pre-activations of the first {@code layers} layers, and only the activations they read: the
   * last of those layers' activation is left as it was (a scan for death reads z alone).
   */
  public void preActivations(Pass pass, int layers) {
    forward(pass, layers, false, layers);
  }

  private void forward(Pass pass, int layers, boolean derivatives) {
    forward(pass, layers, derivatives, weights.length);
  }

  /**
   * Forward through {@code layers} layers; layer l's activation only where layer l + 1 <
   * {@code activatedBelow} (at most the layer count: the output layer has none) reads it.
   */
  private void forward(Pass pass, int layers, boolean derivatives, int activatedBelow) {
    for (int l = 0; l < layers; l++) {
      BatchedGemm.affine(pass.a[l], weights[l], biasInForce(l), pass.ones, pass.z[l]); // z = a W + b
      if (l + 1 < activatedBelow) {
        INDArray param = slopes.length > 0 ? slopes[l] : eluAlpha;
        if (derivatives) {
          activation.forward(pass.z[l], param, pass.a[l + 1], pass.d[l], pass.scratch[l]);
        } else {
          activation.values(pass.z[l], param, pass.a[l + 1], pass.d[l], pass.scratch[l]);
        }
      }
    }
  }

  /** The bias the forward pass adds: b, plus the warming offset on hidden layers while one is set. */
  private INDArray biasInForce(int l) {
    if (biasOffset == null || biasOffset.allZero() || l == weights.length - 1) {
      return biases[l];
    }
    return effectiveBias[l].assign(biases[l]).addi(biasOffset.column());
  }

  /**
   * Sets the offset each network adds to its hidden biases in the forward pass (bias warming). The
   * bias parameters themselves are not changed, and their gradient is unaffected.
   */
  public void setBiasOffset(double[] perNetwork) {
    if (biasOffset == null) {
      biasOffset = new PerSlice(perNetwork, dtype);
      effectiveBias = new INDArray[biases.length];
      for (int l = 0; l < biases.length; l++) {
        effectiveBias[l] = biases[l].ulike();
      }
    }
    for (int s = 0; s < perNetwork.length; s++) {
      if (biasOffset.get(s) != perNetwork[s]) {
        biasOffset.set(s, perNetwork[s]);
      }
    }
  }

  /** Network p's optimizer forgets hidden neuron i of layer l: its incoming weights, bias and outgoing weights. */
  public void forgetOptimizerState(int p, int layer, int neuron) {
    optimizer.forget(layer, NDArrayIndex.point(p), NDArrayIndex.all(), NDArrayIndex.point(neuron));
    optimizer.forget(weights.length + layer, NDArrayIndex.point(p), NDArrayIndex.all(), NDArrayIndex.point(neuron));
    optimizer.forget(layer + 1, NDArrayIndex.point(p), NDArrayIndex.point(neuron), NDArrayIndex.all());
  }

  /** Each network's mean loss on the pass's rows against targets y; leaves dz of the output in the pass. */
  public double[] loss(Pass pass, INDArray y) {
    int out = weights.length - 1;
    return head.lossAndGradient(pass.z[out], y, pass.headScratch, pass.dz[out], pass.perSlice);
  }

  /** {@link #loss} and each network's accuracy on the same rows (NaN for regression), in one read of the output where the head can. */
  public Head.Scores lossAndAccuracy(Pass pass, INDArray y) {
    int out = weights.length - 1;
    return head.lossGradientAndAccuracy(pass.z[out], y, pass.headScratch, pass.dz[out], pass.perSlice);
  }

  /**
   * Each network's mean loss and accuracy (NaN for regression) on the pass's rows against targets y,
   * for rows evaluated and never learned from (the held-out split): the losses {@link #loss} gives,
   * dz of the output not formed.
   */
  public Head.Scores evaluationLossAndAccuracy(Pass pass, INDArray y) {
    int out = weights.length - 1;
    return head.lossAndAccuracy(pass.z[out], y, pass.headScratch, pass.dz[out], pass.perSlice);
  }

  /** Fills the gradient buffers with d(mean data loss)/d(parameters); call after {@link #loss}. */
  public void backward(Pass pass) {
    for (int l = weights.length - 1; l >= 0; l--) {
      BatchedGemm.gemm(pass.a[l], true, pass.dz[l], false, weightGradient(l), 1.0, 0.0);
      BatchedGemm.gemm(pass.ones, true, pass.dz[l], false, biasGradient(l), 1.0, 0.0); // sum over rows
      if (l == 0) {
        break;
      }
      BatchedGemm.gemm(pass.dz[l], false, weights[l], true, pass.da[l], 1.0, 0.0);
      INDArray dh = pass.da[l];
      if (activation.learnsSlope()) {
        // h = slope z where z <= 0, so dL/dslope = sum over rows of dh min(z, 0)
        INDArray negZ = Transforms.min(pass.scratch[l - 1].assign(pass.z[l - 1]), 0.0, false);
        Nd4j.exec(new Sum(negZ.muli(dh), slopeGradient(l - 1), true, new int[] {1}));
      }
      activation.backward(pass.z[l - 1], pass.d[l - 1], dh, pass.dz[l - 1]);
    }
  }

  private INDArray slopeGradient(int layer) {
    return parameters.get(2 * weights.length + layer).gradient();
  }

  /** Weight decay and one optimizer step, for every network whose learning rate is not frozen. */
  public void update() {
    WeightDecay.addGradient(parameters);
    optimizer.step(parameters, lr);
  }

  /** Each network's weight-decay term (lambda/2 |p|^2 over what it decays). */
  public double[] penalty() {
    return WeightDecay.penalty(parameters, population);
  }

  /** Stops network p from learning (a diverged or failed trial); the others are untouched. */
  public void freeze(int p) {
    lr.set(p, 0.0);
  }

  public boolean frozen(int p) {
    return lr.get(p) == 0.0 && baseLr[p] != 0.0;
  }

  /**
   * Per network: every parameter is a finite number. One copy of each parameter and a loop over
   * the exponent bits: a sum per parameter through ND4J cost more than the held-out evaluation on
   * small networks, and a sum can overflow where no value is infinite.
   */
  public boolean[] parametersFinite() {
    boolean[] finite = new boolean[population];
    java.util.Arrays.fill(finite, true);
    HostCopy copy = FINITE_COPY.get();
    for (Parameter p : parameters) {
      INDArray v = NativeArrays.wholeRowMajor(p.value()) ? p.value() : p.value().dup('c');
      int per = (int) (v.length() / population);
      if (v.dataType() == DataType.FLOAT) {
        float[] f = copy.readFloats(v);
        for (int s = 0; s < population; s++) {
          finite[s] &= FiniteValues.all(f, s * per, per);
        }
      } else {
        double[] d = copy.read(v);
        for (int s = 0; s < population; s++) {
          finite[s] &= FiniteValues.all(d, s * per, per);
        }
      }
    }
    return finite;
  }
}
