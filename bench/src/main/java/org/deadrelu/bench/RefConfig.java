package org.deadrelu.bench;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.L2;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.train.MinibatchSampler;

/** The three reference configurations every variant trains. */
enum RefConfig {
  /** 16-64-64-1, MSE, batch 256: the reference sweep's network. */
  A("a", DataSourceKind.TEACHER, 16, List.of(64, 64), HeadKind.LINEAR, 256, 0.01),
  /** The digits (64 standardized pixels), 64-128-10, softmax + cross-entropy, batch 128. */
  B("b", DataSourceKind.DIGITS, 0, List.of(128), HeadKind.SOFTMAX, 128, 0.05),
  /** A tiny network, 8-32-1, MSE, batch 64: per-op overhead dominates. */
  C("c", DataSourceKind.TEACHER, 8, List.of(32), HeadKind.LINEAR, 64, 0.01),
  /**
   * The slowly-changing regression's learner, 20-5-1, MSE, batch 1: online learning, a step per
   * example, where the per-step overhead is everything (its data here: 20 teacher features).
   */
  D("d", DataSourceKind.TEACHER, 20, List.of(5), HeadKind.LINEAR, 1, 0.01),
  /** A small classifier, 2-32-32-2 softmax on two spirals, batch 32: the shape of a typical sweep's trials. */
  E("e", DataSourceKind.SPIRALS, 2, List.of(32, 32), HeadKind.SOFTMAX, 32, 0.05);

  /** Minibatches precomputed per configuration; step k uses batch k mod BATCHES. */
  static final int BATCHES = 16;

  final String id;
  final DataSourceKind source;
  final int features;
  final List<Integer> hidden;
  final HeadKind head;
  final int batch;
  final double lr;

  RefConfig(String id, DataSourceKind source, int features, List<Integer> hidden, HeadKind head, int batch,
      double lr) {
    this.id = id;
    this.source = source;
    this.features = features;
    this.hidden = hidden;
    this.head = head;
    this.batch = batch;
    this.lr = lr;
  }

  static RefConfig of(String id) {
    for (RefConfig c : values()) {
      if (c.id.equalsIgnoreCase(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown configuration '" + id + "' (a, b, c, d or e)");
  }

  /** The trial with seed {@code seed}: plain SGD, ReLU, no weight decay, He-normal weights, zero biases. */
  TrialConfig trial(long seed) {
    TrialConfig.Builder b = TrialConfig.builder()
        .set(DATA_SOURCE, source)
        .set(HIDDEN, hidden)
        .set(ACTIVATION, ActivationKind.RELU)
        .set(HEAD, head)
        .set(OPTIMIZER, OptimizerKind.SGD)
        .set(LR, lr)
        .set(L2, 0.0)
        .set(BATCH_SIZE, batch)
        .seed(seed);
    if (source == DataSourceKind.TEACHER) {
      b.set(DATA_TASK, "regression").set(DATA_FEATURES, features).set(DATA_SAMPLES, 2000);
    } else {
      b.set(DATA_TASK, "classification");
    }
    return b.build();
  }

  List<TrialConfig> trials(int population) {
    List<TrialConfig> t = new ArrayList<>();
    for (int s = 0; s < population; s++) {
      t.add(trial(s));
    }
    return t;
  }

  /** "16-64-64-1 MSE, batch 256" */
  String describe(Data d) {
    StringBuilder s = new StringBuilder();
    for (int w : d.sizes) {
      s.append(s.length() == 0 ? "" : "-").append(w);
    }
    return String.format(Locale.ROOT, "%s %s, batch %d, lr %s%s", s,
        head == HeadKind.SOFTMAX ? "softmax+CE" : "MSE", batch, lr,
        source == DataSourceKind.DIGITS ? ", digits" : source == DataSourceKind.SPIRALS ? ", spirals" : ", teacher data");
  }

  /** FLOPs of one training step of one network: 6 x batch x sum of fan_in x fan_out. */
  double flopsPerNetworkStep(Data d) {
    double macs = 0;
    for (int l = 0; l + 1 < d.sizes.length; l++) {
      macs += (double) d.sizes[l] * d.sizes[l + 1];
    }
    return 6.0 * batch * macs;
  }

  Data data() {
    return new Data(this);
  }

  /** The data set (built the engine's way) and BATCHES fixed minibatches of it, shared by every variant. */
  static final class Data {
    final int[] sizes;
    final int in;
    final int out;
    final int batch;
    /** batch k: x[k] [batch][in], y[k] [batch][out] (one-hot for the classifier). */
    final double[][][] x;
    final double[][][] y;

    Data(RefConfig c) {
      Dataset d = DatasetFactory.build(c.trial(0), null);
      in = d.features();
      out = d.outputs();
      batch = c.batch;
      sizes = new int[c.hidden.size() + 2];
      sizes[0] = in;
      for (int i = 0; i < c.hidden.size(); i++) {
        sizes[i + 1] = c.hidden.get(i);
      }
      sizes[sizes.length - 1] = out;
      MinibatchSampler sampler = new MinibatchSampler(d.trainX().length, batch, new SplittableRandom(20240501L));
      x = new double[BATCHES][][];
      y = new double[BATCHES][][];
      for (int k = 0; k < BATCHES; k++) {
        int[] rows = sampler.next();
        x[k] = new double[batch][];
        y[k] = new double[batch][out];
        for (int r = 0; r < batch; r++) {
          x[k][r] = d.trainX()[rows[r]].clone();
          double label = d.trainY()[rows[r]];
          if (d.classification()) {
            y[k][r][(int) label] = 1.0;
          } else {
            y[k][r][0] = label;
          }
        }
      }
    }
  }
}
