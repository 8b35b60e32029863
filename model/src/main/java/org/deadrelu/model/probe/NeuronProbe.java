package org.deadrelu.model.probe;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.HostCopy;
import org.deadrelu.model.net.NativeArrays;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Measures every neuron of every network of a population on its probe set: one forward and one
 * backward pass over the whole set (in buffers kept for the purpose), then reductions over the rows.
 * Death is decided on the maxima of a {@link DeathScan} over the training split, passed in; every
 * other measure (active rate, dormancy, saturation, gradients) is a probe-set measure.
 */
public final class NeuronProbe {
  /** Added to the layer mean so a layer of all-zero outputs gives scores of 0, not NaN. */
  private static final double DORMANT_EPS = 1e-9;
  private final double[] dormantTau;
  private final INDArray saturationEps;
  private final HostCopy copy = new HostCopy();

  /**
   * @param dormantTau per network
   * @param saturationEps per network, a [P, 1, 1] column
   */
  public NeuronProbe(double[] dormantTau, INDArray saturationEps) {
    this.dormantTau = dormantTau.clone();
    this.saturationEps = saturationEps;
  }

  /**
   * Probes every network on the rows in {@code pass} (input already filled) against targets y.
   * Leaves the probe-set gradients in the network's gradient buffers.
   *
   * @param deathMaxima per network, layer and neuron, the maximum pre-activation over the rows death
   *     is decided on (see {@link DeathScan}); null when those rows are exactly the probe set's
   * @param withProbeRows the death rows are {@code deathMaxima}'s and the probe set's together (the
   *     scan left out the probe's rows, which this pass covers)
   */
  public List<ProbeMeasurement> measure(int step, PopulationNetwork net, Pass pass, INDArray y,
      double[][][] deathMaxima, boolean withProbeRows) {
    net.forward(pass);
    double[] loss = net.loss(pass, y);
    double[] accuracy = net.head().accuracy(pass.output(), y);
    net.backward(pass);
    int p = net.size();
    int layers = net.layers();
    List<List<LayerMeasures>> perNetwork = new ArrayList<>();
    for (int s = 0; s < p; s++) {
      perNetwork.add(new ArrayList<>());
    }
    for (int l = 0; l < layers; l++) {
      LayerMeasures[] m = measureLayer(net, pass, l, l == layers - 1, deathMaxima, withProbeRows);
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

  private LayerMeasures[] measureLayer(PopulationNetwork net, Pass pass, int l, boolean output,
      double[][][] deathMaxima, boolean withProbeRows) {
    INDArray z = pass.z(l);
    boolean outputRelu = output && net.head().kind() == HeadKind.RELU_NORMALIZE;
    INDArray positive = Nd4j.exec(new Step(z, z.ulike(), 0.0)); // [z > 0]
    // the output layer's "activation" is the head's: relu for relu_normalize, identity otherwise
    INDArray h = output ? (outputRelu ? positive.mul(z) : z) : pass.h(l);
    double[][] activeRate = matrix(positive.mean(1));
    double[][] maxPreact = matrix(z.max(1));
    INDArray absH = Transforms.abs(h, true);
    double[][] meanAbsAct = matrix(absH.mean(1));
    // a mean of tiny values can round to 0 where the values are not: zero-ness is read off the maximum
    double[][] maxAbsAct = matrix(absH.max(1));
    double[][] saturated = null;
    if (!output && net.activation().kind().saturates()) {
      // eps - |f'(z)| > 0 iff saturated
      INDArray derivative = z.ulike();
      net.activation().derivative(z, null, derivative);
      INDArray below = Transforms.abs(derivative, false).negi().addi(saturationEps);
      saturated = matrix(Nd4j.exec(new Step(below, below, 0.0)).mean(1));
    }
    INDArray weightGradient = net.weightGradient(l);
    double[][] gradNorm = matrix(weightGradient.norm2(1));
    double[] layerGradNorm = weightGradient.norm2(1, 2).toDoubleVector();
    double[] biasGradNorm = net.biasGradient(l).norm2(1, 2).toDoubleVector();
    double[][] bias = matrix(net.bias(l).reshape(net.size(), net.bias(l).size(2)));
    INDArray incoming = net.weights(l);
    double[][] weightNorm = matrix(incoming.norm2(1));
    double[] layerWeightNorm = incoming.norm2(1, 2).toDoubleVector();
    INDArray slopeArray = output ? null : net.slope(l);
    double[][] slope = slopeArray == null ? null : matrix(slopeArray.reshape(net.size(), slopeArray.size(2)));

    LayerMeasures[] out = new LayerMeasures[net.size()];
    for (int s = 0; s < out.length; s++) {
      int width = activeRate[s].length;
      double layerMean = 0;
      for (double v : meanAbsAct[s]) {
        layerMean += v;
      }
      layerMean /= width;
      double[] score = new double[width];
      boolean[] dormant = new boolean[width];
      boolean[] dead = new boolean[width];
      double[] deathMax = deathMaxima == null ? maxPreact[s] : deathMaxima[s][l];
      if (deathMaxima != null && withProbeRows) {
        deathMax = deathMax.clone();
        for (int i = 0; i < width; i++) {
          deathMax[i] = Math.max(deathMax[i], maxPreact[s][i]); // NaN (a diverged network) stays NaN: never dead
        }
      }
      boolean zero = true;
      for (int i = 0; i < width; i++) {
        score[i] = meanAbsAct[s][i] / (layerMean + DORMANT_EPS);
        dormant[i] = score[i] <= dormantTau[s];
        // the relu_normalize head's units have relu'(0) = 0; other output units never stop learning
        dead[i] = output ? outputRelu && deathMax[i] <= 0 : net.activation().zeroGradientBelow(deathMax[i]);
        zero &= maxAbsAct[s][i] == 0;
      }
      out[s] = new LayerMeasures(output, activeRate[s], deathMax, meanAbsAct[s], zero, score, dormant, dead,
          saturated == null ? null : saturated[s], gradNorm[s], bias[s], weightNorm[s],
          slope == null ? null : slope[s], layerGradNorm[s], biasGradNorm[s], layerWeightNorm[s]);
    }
    return out;
  }

  /**
   * Per network: every output is exactly the same float on every row (no tolerance: an output that
   * is merely small still depends on the input). A NaN output is not constant.
   */
  private boolean[] constantOutput(INDArray out) {
    int p = (int) out.size(0);
    boolean[] constant = new boolean[p];
    double[][] max = matrix(out.max(1));
    double[][] min = matrix(out.min(1));
    for (int s = 0; s < p; s++) {
      boolean same = true;
      for (int k = 0; k < max[s].length; k++) {
        same &= max[s][k] == min[s][k];
      }
      constant[s] = same;
    }
    return constant;
  }

  /**
   * A [P, ...] array as P rows, read in one native copy: {@code toDoubleMatrix} reads element by
   * element, which made the probe of 8 digit classifiers several times slower.
   */
  private double[][] matrix(INDArray a) {
    INDArray whole = NativeArrays.wholeRowMajor(a) ? a : a.dup('c');
    int p = (int) whole.size(0);
    int n = (int) (whole.length() / p);
    double[] v = copy.read(whole);
    double[][] out = new double[p][n];
    for (int s = 0; s < p; s++) {
      System.arraycopy(v, s * n, out[s], 0, n);
    }
    return out;
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
