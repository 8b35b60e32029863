package org.deadrelu.bench;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * deadrelu's engine: a population of P trials (seeds 0..P-1) of one reference configuration, trained
 * in lockstep by {@link PopulationNetwork} exactly as {@code Trainer} drives it (forward, loss,
 * backward, update), minus the checkpoints. Network s is initialized from seed s, so network 0 starts
 * from the same weights as the DL4J variants; it trains on minibatch k + s at step k.
 *
 * <p>The minibatches are copied into the pass's preallocated input [P, batch, in] with one bulk copy
 * per step (as the engine's own data path does), from float arrays prepared once. Runs with ND4J profiling off, as
 * the Spark executors do ({@code EngineSettings}). This class and {@link InitialWeights} are the only
 * users of the engine's API.
 */
final class EngineVariant implements Variant {
  private final int population;
  private final PopulationNetwork net;
  private final Pass pass;
  private final INDArray targets;
  private final INDArray[] initialW;
  private final INDArray[] initialB;
  private final float[][] inputs;
  private final float[][] labels;
  private final double flops;
  private int next;

  EngineVariant(RefConfig config, RefConfig.Data data, int population) {
    this.population = population;
    List<TrialConfig> trials = config.trials(population);
    RandomGenerator[] rngs = new RandomGenerator[population];
    for (int s = 0; s < population; s++) {
      rngs[s] = InitialWeights.initStream(trials.get(s));
    }
    net = PopulationNetwork.initialize(data.sizes, trials, rngs, DataType.FLOAT);
    initialW = new INDArray[net.layers()];
    initialB = new INDArray[net.layers()];
    for (int l = 0; l < initialW.length; l++) {
      initialW[l] = net.weights(l).dup();
      initialB[l] = net.bias(l).dup();
    }
    pass = net.pass("train", data.batch);
    targets = Nd4j.create(DataType.FLOAT, population, data.batch, data.out);
    // [P, batch, in]; a layout with a constant-1 bias column as the last input column is handled too
    int width = (int) pass.input().size(2);
    boolean onesColumn = width == data.in + 1;
    if (width != data.in && !onesColumn) {
      throw new IllegalStateException("engine input width " + width + ", expected " + data.in);
    }
    inputs = new float[RefConfig.BATCHES][population * data.batch * width];
    labels = new float[RefConfig.BATCHES][population * data.batch * data.out];
    for (int k = 0; k < RefConfig.BATCHES; k++) {
      for (int s = 0; s < population; s++) {
        int src = (k + s) % RefConfig.BATCHES;
        for (int r = 0; r < data.batch; r++) {
          int at = (s * data.batch + r) * width;
          for (int j = 0; j < data.in; j++) {
            inputs[k][at + j] = (float) data.x[src][r][j];
          }
          if (onesColumn) {
            inputs[k][at + data.in] = 1f;
          }
          for (int j = 0; j < data.out; j++) {
            labels[k][(s * data.batch + r) * data.out + j] = (float) data.y[src][r][j];
          }
        }
      }
    }
    flops = population * config.flopsPerNetworkStep(data);
  }

  @Override
  public int networks() {
    return population;
  }

  @Override
  public ProfilingMode profilingMode() {
    return ProfilingMode.DISABLED;
  }

  @Override
  public void reset() {
    for (int l = 0; l < initialW.length; l++) {
      net.weights(l).assign(initialW[l]);
      net.bias(l).assign(initialB[l]);
    }
    next = 0;
  }

  private void load(int k) {
    pass.input().data().setData(inputs[k]);
    targets.data().setData(labels[k]);
  }

  @Override
  public void step() {
    load(next);
    next = (next + 1) % RefConfig.BATCHES;
    net.forward(pass);
    net.loss(pass, targets);
    net.backward(pass);
    net.update();
  }

  @Override
  public double[] evalLoss() {
    load(0);
    net.forward(pass);
    return net.loss(pass, targets);
  }

  @Override
  public double flopsPerStep() {
    return flops;
  }
}
