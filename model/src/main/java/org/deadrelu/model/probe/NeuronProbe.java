package org.deadrelu.model.probe;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.net.head.Head;
import org.deadrelu.model.population.HostCopy;
import org.deadrelu.model.population.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures every neuron of every network of a population on its probe set: one forward and one
 * backward pass over the whole set (in buffers kept for the purpose), then reductions over the rows
 * and, where asked for, the {@link FeatureRanks} of each hidden layer's post-activations. Every
 * measure is a probe-set measure but death, which {@link DeathScan} settles on the training split.
 */
public final class NeuronProbe {
  /** Added to a layer's mean so a layer of all-zero outputs (or gradients) gives scores of 0, not NaN. */
  private static final double DORMANT_EPS = 1e-9;
  private final double[] dormantTau;
  private final double[] saturationEps;
  /** Per network, whether to measure its hidden layers' feature ranks. */
  private final boolean[] ranks;
  private final GramSpectrum spectrum = new GramSpectrum();
  /**
   * The copies, one set per thread and kept across probes: a task builds a probe per population, and
   * copies grown afresh for each would be most of what it allocates. A probe is used on the thread
   * that made it, each copy within one call.
   */
  private static final ThreadLocal<HostCopy[]> COPIES = ThreadLocal.withInitial(
      () -> new HostCopy[] {new HostCopy(), new HostCopy(), new HostCopy(), new HostCopy()});
  private final HostCopy zCopy = COPIES.get()[0];
  private final HostCopy hCopy = COPIES.get()[1];
  private final HostCopy dCopy = COPIES.get()[2];
  private final HostCopy wCopy = COPIES.get()[3];
  private static final ThreadLocal<ColumnReductions> REDUCTIONS = ThreadLocal.withInitial(ColumnReductions::new);
  private final ColumnReductions reductions = REDUCTIONS.get();

  /**
   * @param dormantTau per network
   * @param saturationEps per network, a [P, 1, 1] column
   * @param ranks per network, whether to measure the feature ranks of its hidden layers
   */
  public NeuronProbe(double[] dormantTau, INDArray saturationEps, boolean[] ranks) {
    this.dormantTau = dormantTau.clone();
    this.saturationEps = saturationEps.ravel().toDoubleVector();
    this.ranks = ranks.clone();
  }

  /** A probe that measures no feature ranks. */
  public NeuronProbe(double[] dormantTau, INDArray saturationEps) {
    this(dormantTau, saturationEps, new boolean[dormantTau.length]);
  }

  /**
   * Probes every network on the rows in {@code pass} (input already filled) against targets y.
   * Leaves the probe-set gradients in the network's gradient buffers. Death here is death on the
   * probe rows; where it is decided on more rows, {@link DeathScan} settles it and
   * {@link ProbeMeasurement#withDead} puts its answer in.
   */
  public List<ProbeMeasurement> measure(int step, PopulationNetwork net, Pass pass, INDArray y) {
    net.forward(pass);
    Head.Scores scores = net.lossAndAccuracy(pass, y);
    double[] loss = scores.loss();
    double[] accuracy = scores.accuracy();
    net.backward(pass);
    int p = net.size();
    int layers = net.layers();
    List<List<LayerMeasures>> perNetwork = new ArrayList<>();
    for (int s = 0; s < p; s++) {
      perNetwork.add(new ArrayList<>());
    }
    for (int l = 0; l < layers; l++) {
      LayerMeasures[] m = measureLayer(net, pass, l, l == layers - 1);
      for (int s = 0; s < p; s++) {
        perNetwork.get(s).add(m[s]);
      }
    }
    boolean[] constant = constantOutput(pass.output());
    List<ProbeMeasurement> out = new ArrayList<>();
    for (int s = 0; s < p; s++) {
      out.add(new ProbeMeasurement(step, loss[s], accuracy[s], constant[s], zeroLayer(perNetwork.get(s)),
          perNetwork.get(s)));
    }
    return out;
  }

  /**
   * One layer's measures, by Java loops over one native copy of each array it reads (pre-activations,
   * activations, weights and their gradients; the reductions over rows in {@link ColumnReductions}):
   * a chain of ND4J reductions costs tens of microseconds per op whatever the size, which on small
   * networks would make the probe a large share of a trial.
   */
  private LayerMeasures[] measureLayer(PopulationNetwork net, Pass pass, int l, boolean output) {
    int p = net.size();
    int rows = pass.rows();
    int width = net.sizes()[l + 1];
    // the output layer's "activation" is the head's: relu for relu_normalize, identity otherwise; a
    // ReLU's activations are read off z, in the pass that counts and maximizes it
    boolean positivePart = output ? net.head().kind() == HeadKind.RELU_NORMALIZE
        : net.activation().valuesArePositivePart();
    INDArray zAll = whole(pass.z(l)); // [P, rows, width]
    INDArray hAll = output ? null : whole(pass.h(l));
    // the forward pass just run left f'(z) in the pass (sigmoid's and tanh's derivative is that same
    // computation), so no second evaluation and no new arrays per checkpoint
    INDArray derivativeAll = !output && net.activation().kind().saturates() ? whole(pass.derivative(l)) : null;
    int block = rows * width;
    boolean floats = zAll.dataType() == DataType.FLOAT;
    double[][] activeRate = new double[p][width];
    double[][] maxPreact = new double[p][width];
    double[][] meanAbsAct = new double[p][width];
    double[][] saturated = derivativeAll == null ? null : new double[p][width];
    boolean[] allZero = new boolean[p];
    FeatureRanks[] featureRanks = new FeatureRanks[p];
    for (int s = 0; s < p; s++) {
      int from = s * block;
      // one network at a time: its rows stay in the caches through the reductions
      if (floats) {
        float[] z = zCopy.readFloatsRange(zAll, from, block);
        if (positivePart) {
          reductions.positiveCountMaxAndSum(z, rows, width, activeRate[s], maxPreact[s], meanAbsAct[s]);
        } else {
          reductions.positiveCountAndMax(z, rows, width, activeRate[s], maxPreact[s]);
          float[] h = output ? z : hCopy.readFloatsRange(hAll, from, block);
          reductions.absoluteSum(h, rows, width, false, meanAbsAct[s]);
        }
        if (derivativeAll != null) {
          reductions.countAbsoluteBelow(dCopy.readFloatsRange(derivativeAll, from, block), rows, width,
              saturationEps[s], saturated[s]);
        }
      } else {
        double[] z = zCopy.readRange(zAll, from, block);
        if (positivePart) {
          reductions.positiveCountMaxAndSum(z, rows, width, activeRate[s], maxPreact[s], meanAbsAct[s]);
        } else {
          reductions.positiveCountAndMax(z, rows, width, activeRate[s], maxPreact[s]);
          double[] h = output ? z : hCopy.readRange(hAll, from, block);
          reductions.absoluteSum(h, rows, width, false, meanAbsAct[s]);
        }
        if (derivativeAll != null) {
          reductions.countAbsoluteBelow(dCopy.readRange(derivativeAll, from, block), rows, width, saturationEps[s],
              saturated[s]);
        }
      }
      boolean zero = true;
      for (int i = 0; i < width; i++) {
        // zero-ness off the sum, exact (a mean of tiny values could round to 0 where they are not)
        zero &= meanAbsAct[s][i] == 0;
        activeRate[s][i] /= rows;
        meanAbsAct[s][i] /= rows;
        if (saturated != null) {
          saturated[s][i] /= rows;
        }
      }
      allZero[s] = zero;
      if (!output && ranks[s]) {
        double[] sigma = spectrum.singularValues(hCopy.readRange(hAll, from, block), 0, rows, width);
        featureRanks[s] = sigma == null ? null : FeatureRanks.fromSingularValues(sigma);
      }
    }
    double[] layerGradNorm = new double[p];
    double[][] gradNorm = columnNorms(net.weightGradient(l), p, width, layerGradNorm);
    double[] biasGradNorm = new double[p];
    columnNorms(net.biasGradient(l), p, width, biasGradNorm);
    double[] layerWeightNorm = new double[p];
    double[][] weightNorm = columnNorms(net.weights(l), p, width, layerWeightNorm);
    double[][] outgoingNorm = output ? null : rowNorms(net.weights(l + 1), p, width);
    double[][] bias = perNetwork(net.bias(l), p, width);
    INDArray slopeArray = output ? null : net.slope(l);
    double[][] slope = slopeArray == null ? null : perNetwork(slopeArray, p, width);

    LayerMeasures[] out = new LayerMeasures[p];
    for (int s = 0; s < p; s++) {
      double layerMean = 0;
      for (double v : meanAbsAct[s]) {
        layerMean += v;
      }
      layerMean /= width;
      double[] score = new double[width];
      boolean[] dormant = new boolean[width];
      boolean[] dead = new boolean[width];
      for (int i = 0; i < width; i++) {
        score[i] = meanAbsAct[s][i] / (layerMean + DORMANT_EPS);
        dormant[i] = score[i] <= dormantTau[s];
        dead[i] = DeathScan.zeroGradient(net, l, maxPreact[s][i]);
      }
      double gradMean = 0;
      for (double g : gradNorm[s]) {
        gradMean += g;
      }
      gradMean /= width;
      double[] gradScore = new double[width];
      for (int i = 0; i < width; i++) {
        gradScore[i] = gradNorm[s][i] / (gradMean + DORMANT_EPS);
      }
      out[s] = new LayerMeasures(output, activeRate[s], maxPreact[s], meanAbsAct[s], allZero[s], score, dormant, dead,
          saturated == null ? null : saturated[s], gradNorm[s], gradScore, bias[s], weightNorm[s],
          outgoingNorm == null ? null : outgoingNorm[s], slope == null ? null : slope[s], layerGradNorm[s],
          biasGradNorm[s], layerWeightNorm[s], featureRanks[s]);
    }
    return out;
  }

  /**
   * A [P, k, width] array's per-network column norms (over k), and in {@code whole} each network's
   * norm over all its entries: one host copy of the whole population (a copy per network cost more
   * than the sums on these small blocks), squares summed in double, row by row.
   */
  private double[][] columnNorms(INDArray a, int p, int width, double[] whole) {
    double[] v = wCopy.read(whole(a));
    int k = (int) (a.length() / p / width);
    double[][] out = new double[p][width];
    for (int s = 0; s < p; s++) {
      double[] sum = out[s];
      for (int r = 0; r < k; r++) {
        int at = (s * k + r) * width;
        for (int i = 0; i < width; i++) {
          sum[i] += v[at + i] * v[at + i];
        }
      }
      double total = 0;
      for (int i = 0; i < width; i++) {
        total += sum[i];
        sum[i] = Math.sqrt(sum[i]);
      }
      whole[s] = Math.sqrt(total);
    }
    return out;
  }

  /** A [P, width, k] array's per-network row norms (over k): a neuron's outgoing weights are its row of the next layer's W. */
  private double[][] rowNorms(INDArray a, int p, int width) {
    double[] v = wCopy.read(whole(a));
    int k = (int) (a.length() / p / width);
    double[][] out = new double[p][width];
    for (int s = 0; s < p; s++) {
      for (int i = 0; i < width; i++) {
        int at = (s * width + i) * k;
        double sum = 0;
        for (int j = 0; j < k; j++) {
          sum += v[at + j] * v[at + j];
        }
        out[s][i] = Math.sqrt(sum);
      }
    }
    return out;
  }

  /** A [P, 1, width] array as P rows. */
  private double[][] perNetwork(INDArray a, int p, int width) {
    double[] v = wCopy.read(whole(a));
    double[][] out = new double[p][];
    for (int s = 0; s < p; s++) {
      out[s] = java.util.Arrays.copyOfRange(v, s * width, (s + 1) * width);
    }
    return out;
  }

  /** The array itself where it is whole and row-major, else a row-major copy (a parameter's view into a flat buffer). */
  private static INDArray whole(INDArray a) {
    return NativeArrays.wholeRowMajor(a) ? a : a.dup('c');
  }

  /**
   * Per network: every output is exactly the same float on every row (no tolerance: an output that
   * is merely small still depends on the input). A NaN output is not constant.
   */
  private boolean[] constantOutput(INDArray out) {
    int p = (int) out.size(0);
    int rows = (int) out.size(1);
    int width = (int) out.size(2);
    double[] v = zCopy.read(whole(out));
    boolean[] constant = new boolean[p];
    for (int s = 0; s < p; s++) {
      boolean same = true;
      int first = s * rows * width;
      for (int r = 1; r < rows && same; r++) {
        for (int k = 0; k < width; k++) {
          same &= v[first + r * width + k] == v[first + k]; // NaN == NaN is false: not constant
        }
      }
      for (int k = 0; k < width; k++) {
        same &= !Double.isNaN(v[first + k]);
      }
      constant[s] = same;
    }
    return constant;
  }

  /** The first hidden layer whose output is 0 on every probe row (what makes a network constant), or null. */
  private static Integer zeroLayer(List<LayerMeasures> layers) {
    for (int l = 0; l < layers.size(); l++) {
      if (!layers.get(l).outputLayer() && layers.get(l).allZero()) {
        return l;
      }
    }
    return null;
  }
}
