package org.deadrelu.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's {@link MultiLayerNetwork} (deeplearning4j-nn 1.0.0-M2.1) doing the same math, one network at
 * a time: dense ReLU layers, identity + MSE or softmax + MCXENT output, plain SGD, no
 * regularization, float, deadrelu's initial weights of seed 0 copied in. DL4J's layout: parameter
 * "l_W" is [nIn, nOut] (z = x W + b, as deadrelu), "l_b" is [1, nOut]. Its MSE is the mean over
 * outputs of squared errors, averaged over the minibatch, and gradients are divided by the
 * minibatch size (miniBatch(true), the default): the same objective as deadrelu's.
 */
final class Dl4jVariant implements Variant {
  private final MultiLayerNetwork net;
  private final DataSet[] batches;
  private final INDArray[] initialW;
  private final INDArray[] initialB;
  private final ProfilingMode mode;
  private final double flops;
  private int next;

  /** @param mode the ND4J profiling mode to train under (the JVM's default, or DISABLED when tuned) */
  Dl4jVariant(RefConfig config, RefConfig.Data data, ProfilingMode mode) {
    this.mode = mode;
    int layers = data.sizes.length - 1;
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(0)
        .dataType(DataType.FLOAT)
        .updater(new org.nd4j.linalg.learning.config.Sgd(config.lr))
        .weightInit(WeightInit.RELU) // overwritten below with deadrelu's weights
        .list();
    for (int l = 0; l + 1 < layers; l++) {
      list.layer(new DenseLayer.Builder().nIn(data.sizes[l]).nOut(data.sizes[l + 1])
          .activation(Activation.RELU).build());
    }
    boolean softmax = config.head == HeadKind.SOFTMAX;
    list.layer(new OutputLayer.Builder(softmax ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
        .nIn(data.sizes[layers - 1]).nOut(data.sizes[layers])
        .activation(softmax ? Activation.SOFTMAX : Activation.IDENTITY).build());
    MultiLayerConfiguration conf = list.build();
    net = new MultiLayerNetwork(conf);
    net.init();

    InitialWeights init = InitialWeights.of(data.sizes, config.trial(0));
    initialW = new INDArray[layers];
    initialB = new INDArray[layers];
    for (int l = 0; l < layers; l++) {
      initialW[l] = Nd4j.create(init.w[l]).castTo(DataType.FLOAT);
      initialB[l] = Nd4j.create(new double[][] {init.b[l]}).castTo(DataType.FLOAT);
    }
    batches = new DataSet[RefConfig.BATCHES];
    for (int k = 0; k < RefConfig.BATCHES; k++) {
      batches[k] = new DataSet(Nd4j.create(data.x[k]).castTo(DataType.FLOAT),
          Nd4j.create(data.y[k]).castTo(DataType.FLOAT));
    }
    flops = config.flopsPerNetworkStep(data);
    reset();
  }

  @Override
  public int networks() {
    return 1;
  }

  @Override
  public ProfilingMode profilingMode() {
    return mode;
  }

  @Override
  public void reset() {
    for (int l = 0; l < initialW.length; l++) {
      net.setParam(l + "_W", initialW[l]);
      net.setParam(l + "_b", initialB[l]);
    }
    next = 0;
  }

  @Override
  public void step() {
    net.fit(batches[next]);
    next = (next + 1) % RefConfig.BATCHES;
  }

  @Override
  public double[] evalLoss() {
    return new double[] {net.score(batches[0], false)};
  }

  @Override
  public double flopsPerStep() {
    return flops;
  }
}
