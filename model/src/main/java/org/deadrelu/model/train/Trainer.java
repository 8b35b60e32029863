package org.deadrelu.model.train;

import java.util.SplittableRandom;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.net.ForwardPass;
import org.deadrelu.model.net.Network;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.activation.Activations;
import org.deadrelu.model.net.head.Head;
import org.deadrelu.model.optim.Optimizer;
import org.deadrelu.model.optim.WeightDecay;
import org.deadrelu.model.probe.NeuronProbe;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one trial and probes it at every checkpoint. Every random draw comes from the trial's seed,
 * split into independent streams for initialization, shuffling and the probe set, so a trial's rows
 * do not depend on anything else that runs in the same JVM.
 */
public final class Trainer {
  private final DataType dtype;

  public Trainer(DataType dtype) {
    this.dtype = dtype;
  }

  /** Single precision, the engine's default. */
  public Trainer() {
    this(DataType.FLOAT);
  }

  /** Never throws for a trial's own failure: that becomes a row with status FAILED. */
  public TrialOutput train(TrialConfig c, Dataset data) {
    TrialRecorder recorder = new TrialRecorder(c);
    int step = 0;
    try {
      SplittableRandom root = new SplittableRandom(c.seed());
      SplittableRandom initRng = root.split();
      SplittableRandom shuffleRng = root.split();
      SplittableRandom probeRng = root.split();

      TrainingData td = TrainingData.of(data, c.probeSamples(), probeRng, dtype);
      recorder.describeData(data.name(), "train-sample(" + td.probeRows().length + ")",
          td.probeRows().length);
      Network net = build(c, data, initRng);
      Optimizer optimizer = Optimizer.of(c, net.parameters());
      WeightDecay decay = new WeightDecay(c.l2(), c.decayBias());
      NeuronProbe probe = new NeuronProbe(c.dormantTau(), c.saturationEps());
      Checkpoints checkpoints = new Checkpoints(c.steps(), c.probeEvery());
      MinibatchSampler sampler = new MinibatchSampler(td.trainRows(), c.batchSize(), shuffleRng);

      double lossSum = 0;
      int lossCount = 0;
      for (step = 0; ; step++) {
        if (checkpoints.contains(step)) {
          Double trainLoss = lossCount == 0 ? null : lossSum / lossCount;
          lossSum = 0;
          lossCount = 0;
          if (!checkpoint(recorder, probe, net, td, step, trainLoss, optimizer.learningRate())) {
            return recorder.finish(TrialStatus.DIVERGED, "non-finite probe loss or parameter at step " + step, step, step);
          }
        }
        if (step == c.steps()) {
          return recorder.finish(TrialStatus.OK, null, step, null);
        }
        if (c.faultAtStep() != null && c.faultAtStep() == step) {
          throw new InjectedFault(step);
        }
        int[] rows = sampler.next();
        INDArray x = Nd4j.pullRows(td.trainX(), 1, rows);
        INDArray y = Nd4j.pullRows(td.trainY(), 1, rows);
        ForwardPass pass = net.forward(x);
        double loss = net.loss(pass, y);
        if (!Double.isFinite(loss)) {
          // measure the network as it stands (its parameters are still finite), then stop
          if (!recorder.measured(step) && net.parametersFinite()) {
            checkpoint(recorder, probe, net, td, step, loss, optimizer.learningRate());
          }
          return recorder.finish(TrialStatus.DIVERGED, "non-finite training loss at step " + step, step, step);
        }
        lossSum += loss;
        lossCount++;
        net.backward(pass, y);
        decay.addGradient(net.parameters());
        optimizer.step(net.parameters());
      }
    } catch (RuntimeException | LinkageError e) {
      return recorder.finish(TrialStatus.FAILED, describe(e), step, null);
    }
  }

  /** Runs the probe; false when the network has diverged. */
  private static boolean checkpoint(TrialRecorder recorder, NeuronProbe probe, Network net,
      TrainingData td, int step, Double trainLoss, double lr) {
    ProbeMeasurement m = probe.measure(step, net, td.probeX(), td.probeY());
    Double testLoss = null;
    Double testAccuracy = null;
    if (td.testX() != null) {
      ForwardPass test = net.forward(td.testX());
      testLoss = net.loss(test, td.testY());
      double acc = net.head().accuracy(test.output(), td.testY());
      testAccuracy = Double.isNaN(acc) ? null : acc;
    }
    Double probeAccuracy = Double.isNaN(m.accuracy()) ? null : m.accuracy();
    recorder.checkpoint(m, new CurvePoint(step, trainLoss, m.loss(), probeAccuracy, testLoss,
        testAccuracy, lr, 0.0));
    return Double.isFinite(m.loss()) && net.parametersFinite();
  }

  private Network build(TrialConfig c, Dataset data, SplittableRandom initRng) {
    int[] sizes = new int[c.hidden().size() + 2];
    sizes[0] = data.features();
    for (int i = 0; i < c.hidden().size(); i++) {
      sizes[i + 1] = c.hidden().get(i);
    }
    sizes[sizes.length - 1] = data.outputs();
    double alpha = c.alpha() == null ? 0.0 : c.alpha();
    Activation activation = Activations.of(c.activation(), alpha, c.reluGradAtZero());
    return Network.initialize(sizes, activation, Head.of(c.head()), c.init(), c.initBias(), alpha,
        initRng, dtype);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
