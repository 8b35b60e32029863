package org.deadrelu.model.probe;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.DenseLayer;
import org.deadrelu.model.net.ForwardPass;
import org.deadrelu.model.net.Network;
import org.deadrelu.model.net.ParameterKind;
import org.deadrelu.model.net.activation.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Measures every neuron on a fixed probe set: one forward and one backward pass over the whole set,
 * then column reductions. The definitions are those of ARCHITECTURE.md "Death, measured".
 */
public final class NeuronProbe {
  /** Added to the layer mean so a layer of all-zero outputs gives scores of 0, not NaN. */
  private static final double DORMANT_EPS = 1e-9;
  /** Relative spread below which the network's output counts as constant. */
  private static final double CONSTANT_TOLERANCE = 1e-6;

  private final double dormantTau;
  private final double saturationEps;

  public NeuronProbe(double dormantTau, double saturationEps) {
    this.dormantTau = dormantTau;
    this.saturationEps = saturationEps;
  }

  /** Leaves the probe-set gradient in the network's gradient buffers. */
  public ProbeMeasurement measure(int step, Network net, INDArray x, INDArray y) {
    ForwardPass pass = net.forward(x);
    double loss = net.loss(pass, y);
    double accuracy = net.head().accuracy(pass.output(), y);
    net.backward(pass, y);
    List<LayerMeasures> layers = new ArrayList<>();
    int n = net.layers().size();
    for (int l = 0; l < n; l++) {
      layers.add(measureLayer(net, pass, l, l == n - 1));
    }
    return new ProbeMeasurement(step, loss, accuracy, isConstant(pass.output()), layers);
  }

  private LayerMeasures measureLayer(Network net, ForwardPass pass, int l, boolean output) {
    DenseLayer layer = net.layers().get(l);
    INDArray z = pass.z()[l];
    // the output layer's "activation" is the head's: relu for relu_normalize, identity otherwise
    boolean outputRelu = output && net.head().kind() == HeadKind.RELU_NORMALIZE;
    INDArray positive = Nd4j.exec(new Step(z, z.ulike(), 0.0)); // [z > 0]
    INDArray h = output ? (outputRelu ? positive.mul(z) : z) : pass.h()[l];

    double[] activeRate = positive.mean(0).toDoubleVector();
    double[] maxPreact = z.max(0).toDoubleVector();
    double[] meanAbsAct = Transforms.abs(h, true).mean(0).toDoubleVector();
    double layerMean = 0;
    for (double v : meanAbsAct) {
      layerMean += v;
    }
    layerMean /= meanAbsAct.length;
    int width = layer.width();
    double[] score = new double[width];
    boolean[] dormant = new boolean[width];
    boolean[] dead = new boolean[width];
    boolean canDie = output ? outputRelu : net.activation().kind().canDie();
    for (int i = 0; i < width; i++) {
      score[i] = meanAbsAct[i] / (layerMean + DORMANT_EPS);
      dormant[i] = score[i] <= dormantTau;
      dead[i] = canDie && maxPreact[i] <= 0;
    }
    double[] saturated = null;
    if (!output && net.activation().kind().saturates()) {
      saturated = saturatedRate(net.activation(), z, pass.h()[l], layer.slope());
    }
    INDArray dW = net.gradientOf(l, ParameterKind.WEIGHT);
    INDArray db = net.gradientOf(l, ParameterKind.BIAS);
    return new LayerMeasures(
        output,
        activeRate,
        maxPreact,
        meanAbsAct,
        score,
        dormant,
        dead,
        saturated,
        dW.norm2(0).toDoubleVector(),
        layer.bias().toDoubleVector(),
        layer.weights().norm2(0).toDoubleVector(),
        layer.slope() == null || output ? null : layer.slope().toDoubleVector(),
        dW.norm2Number().doubleValue(),
        db.norm2Number().doubleValue(),
        layer.weights().norm2Number().doubleValue());
  }

  private double[] saturatedRate(Activation activation, INDArray z, INDArray h, INDArray slope) {
    INDArray d = z.ulike();
    activation.derivative(z, h, slope, d);
    INDArray below = Transforms.abs(d, false).rsubi(saturationEps); // eps - |f'| > 0 iff saturated
    Nd4j.exec(new Step(below, below, 0.0));
    return below.mean(0).toDoubleVector();
  }

  private static boolean isConstant(INDArray out) {
    if (out.rows() < 2) {
      return true;
    }
    double spread = out.max(0).sub(out.min(0)).maxNumber().doubleValue();
    double scale = Transforms.abs(out, true).maxNumber().doubleValue();
    return spread <= CONSTANT_TOLERANCE * (1 + scale);
  }
}
