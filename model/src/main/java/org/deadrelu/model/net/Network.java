package org.deadrelu.model.net;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.head.Head;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected network: hidden layers with one activation, then an output layer read by a
 * head. Parameters are updated in place; gradients live in buffers owned by the network.
 */
public final class Network {
  private final List<DenseLayer> layers;
  private final Activation activation;
  private final Head head;
  private final List<Parameter> parameters = new ArrayList<>();

  public Network(List<DenseLayer> layers, Activation activation, Head head) {
    this.layers = List.copyOf(layers);
    this.activation = activation;
    this.head = head;
    for (int l = 0; l < layers.size(); l++) {
      DenseLayer layer = layers.get(l);
      parameters.add(new Parameter(l, ParameterKind.WEIGHT, layer.weights(), layer.weights().ulike()));
      parameters.add(new Parameter(l, ParameterKind.BIAS, layer.bias(), layer.bias().ulike()));
      if (layer.slope() != null && activation.learnsSlope() && l < layers.size() - 1) {
        parameters.add(new Parameter(l, ParameterKind.SLOPE, layer.slope(), layer.slope().ulike()));
      }
    }
  }

  /**
   * A freshly initialized network.
   *
   * @param sizes layer widths from input to output, e.g. [2, 64, 64, 3]
   * @param initBias constant every hidden bias starts at; the output bias starts at 0
   * @param alpha initial negative-side slope for the leaky family
   */
  public static Network initialize(int[] sizes, Activation activation, Head head, InitKind init,
      double initBias, double alpha, RandomGenerator rng, DataType dtype) {
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 0; l + 1 < sizes.length; l++) {
      int fanIn = sizes[l];
      int width = sizes[l + 1];
      boolean output = l + 2 == sizes.length;
      INDArray w = Nd4j.create(Initializer.draw(init, fanIn, width, rng), new long[] {fanIn, width},
          DataType.DOUBLE).castTo(dtype);
      INDArray b = Nd4j.zeros(dtype, 1, width).addi(output ? 0.0 : initBias);
      INDArray slope = !output && activation.usesSlope() ? Nd4j.zeros(dtype, 1, width).addi(alpha) : null;
      layers.add(new DenseLayer(w, b, slope));
    }
    return new Network(layers, activation, head);
  }

  public List<DenseLayer> layers() {
    return layers;
  }

  public int hiddenLayers() {
    return layers.size() - 1;
  }

  public Activation activation() {
    return activation;
  }

  public Head head() {
    return head;
  }

  /** Trainable arrays in a fixed order: per layer weights, bias, then slope where learned. */
  public List<Parameter> parameters() {
    return parameters;
  }

  public DataType dataType() {
    return layers.get(0).weights().dataType();
  }

  public ForwardPass forward(INDArray x) {
    int n = layers.size();
    INDArray[] z = new INDArray[n];
    INDArray[] h = new INDArray[n];
    INDArray a = x;
    for (int l = 0; l < n; l++) {
      DenseLayer layer = layers.get(l);
      z[l] = Nd4j.createUninitialized(dataType(), a.rows(), layer.width());
      Nd4j.gemm(a, layer.weights(), z[l], false, false, 1.0, 0.0);
      z[l].addiRowVector(layer.bias());
      if (l < n - 1) {
        h[l] = z[l].ulike();
        activation.apply(z[l], layer.slope(), h[l]);
      } else {
        h[l] = z[l];
      }
      a = h[l];
    }
    return new ForwardPass(x, z, h);
  }

  /** Mean data loss of a pass against targets y (no regularization term). */
  public double loss(ForwardPass pass, INDArray y) {
    return head.loss(pass.output(), y);
  }

  /**
   * Fills every parameter's gradient buffer with d(mean data loss)/d(parameter) for this pass.
   * Weight decay is not included: see {@code WeightDecay}.
   */
  public void backward(ForwardPass pass, INDArray y) {
    int n = layers.size();
    INDArray dz = pass.output().ulike();
    head.gradient(pass.output(), y, dz);
    for (int l = n - 1; l >= 0; l--) {
      DenseLayer layer = layers.get(l);
      INDArray in = pass.inputOf(l);
      Nd4j.gemm(in, dz, gradientOf(l, ParameterKind.WEIGHT), true, false, 1.0, 0.0);
      gradientOf(l, ParameterKind.BIAS).assign(dz.sum(0).reshape(1, layer.width()));
      if (l == 0) {
        break;
      }
      DenseLayer below = layers.get(l - 1);
      INDArray dh = Nd4j.createUninitialized(dataType(), in.rows(), in.columns());
      Nd4j.gemm(dz, layer.weights(), dh, false, true, 1.0, 0.0);
      INDArray zBelow = pass.z()[l - 1];
      if (activation.learnsSlope()) {
        // h = slope * z where z <= 0, so dL/dslope = sum over rows of dh * min(z, 0)
        INDArray negZ = org.nd4j.linalg.ops.transforms.Transforms.min(zBelow, 0.0, true);
        gradientOf(l - 1, ParameterKind.SLOPE).assign(dh.mul(negZ).sum(0).reshape(1, below.width()));
      }
      INDArray deriv = zBelow.ulike();
      activation.derivative(zBelow, pass.h()[l - 1], below.slope(), deriv);
      dz = dh.muli(deriv);
    }
  }

  public INDArray gradientOf(int layer, ParameterKind kind) {
    for (Parameter p : parameters) {
      if (p.layer() == layer && p.kind() == kind) {
        return p.gradient();
      }
    }
    throw new IllegalArgumentException("no " + kind + " parameter in layer " + layer);
  }

  /** Whether every parameter is a finite number. */
  public boolean parametersFinite() {
    for (Parameter p : parameters) {
      double s = p.value().sumNumber().doubleValue();
      if (!Double.isFinite(s)) {
        return false;
      }
    }
    return true;
  }
}
