package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.DORMANT_TAU;
import static org.deadrelu.model.config.Settings.FAULT_AT_STEP;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.KICK_SCOPE;
import static org.deadrelu.model.config.Settings.KICK_SIGMA;
import static org.deadrelu.model.config.Settings.KICK_TARGET;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_RANKS;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_EVERY;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.SATURATION_EPS;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.deadrelu.model.config.Settings.WARMING_ANNEAL;
import static org.deadrelu.model.config.Settings.WARMING_HOLD;
import static org.deadrelu.model.config.Settings.WARMING_OFFSET;
import static org.deadrelu.model.config.Settings.WARMING_SCHEDULE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.PerSlice;
import org.deadrelu.model.probe.DeathScan;
import org.deadrelu.model.probe.NeuronProbe;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.revival.PendingEvent;
import org.deadrelu.model.revival.Reinitialization;
import org.deadrelu.model.revival.StepCure;
import org.deadrelu.model.revival.ThermalKick;
import org.deadrelu.model.revival.WarmingSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a population of trials in lockstep and probes them at every checkpoint. The trials must
 * share a {@link PopulationKey}; everything else is per trial. Every random draw comes from the
 * trial's own seed, split into independent streams for initialization, shuffling and the probe
 * set, so a trial's rows do not depend on which population it was in or what else ran in the JVM.
 * A trial that diverges or fails is frozen and finished; the others go on undisturbed.
 */
public final class Trainer {
  private final DataType dtype;
  /** Time spent measuring since this trainer was made (see {@link #measuringNanos}). */
  private long measuringNanos;

  public Trainer(DataType dtype) {
    this.dtype = dtype;
  }

  /** Single precision, the engine's default. */
  public Trainer() {
    this(DataType.FLOAT);
  }

  /**
   * Nanoseconds this trainer has spent measuring, over all its populations: checkpoints (the death
   * scan, the neuron probe, the held-out evaluation, recording) and the measurements kick and ReDo
   * take before intervening. The rest of its time is training.
   */
  public long measuringNanos() {
    return measuringNanos;
  }

  /** Trains one trial alone (a population of one). */
  public TrialOutput train(TrialConfig c, Dataset data) {
    return train(List.of(c), data).get(0);
  }

  /** Never throws for a trial's own failure: that becomes its row with status FAILED. */
  public List<TrialOutput> train(List<TrialConfig> trials, Dataset data) {
    Run run = new Run(trials, data);
    try {
      run.loop();
    } catch (RuntimeException | LinkageError e) {
      run.failRunning(describe(e));
    }
    return run.outputs();
  }

  private final class Run {
    final List<TrialConfig> trials;
    final int p;
    final TrialRecorder[] recorders;
    final TrialOutput[] outputs;
    final long started = System.nanoTime();
    int step;

    Run(List<TrialConfig> trials, Dataset data) {
      this.trials = trials;
      this.p = trials.size();
      this.recorders = new TrialRecorder[p];
      this.outputs = new TrialOutput[p];
      for (int s = 0; s < p; s++) {
        recorders[s] = new TrialRecorder(trials.get(s));
      }
      this.data = data;
    }

    final Dataset data;
    PopulationNetwork net;
    PopulationData rows;
    PopulationData.Staging stage = new PopulationData.Staging();
    Pass trainPass;
    Pass probePass;
    /** Chunks of the training split for deciding death; null when the probe set is the whole split. */
    Pass deathPass;
    int deathRows;
    int[][] probeIdx;
    /**
     * Per network, the training rows the death scan covers: those outside its probe set when death is
     * decided on the whole split (the probe's own pass covers the rest), else the first death_rows.
     */
    int[][] scanRows;
    /** Whether the probe's rows count towards death (they do unless death_rows bounds the rows). */
    boolean probeRowsDecideDeath;
    /** The death scan used the probe's buffers since the probe set was last put in them. */
    boolean probeInputStale;
    Pass testPass;
    INDArray trainY;
    INDArray probeY;
    INDArray testY;
    NeuronProbe probe;
    MinibatchSampler[] samplers;
    double[] lossSum;
    int lossCount;
    SplittableRandom[] revivalRng;
    WarmingSchedule[] warming;
    List<StepCure> stepCures;
    double[] offsets;
    Double[] lastLoss;

    void loop() {
      TrialConfig first = trials.get(0);
      SplittableRandom[] init = new SplittableRandom[p];
      samplers = new MinibatchSampler[p];
      rows = new PopulationData(data);
      int batch = Math.min(first.get(BATCH_SIZE), rows.trainRows());
      int probeRows = Math.min(first.get(PROBE_SAMPLES), rows.trainRows());
      probeIdx = new int[p][];
      deathRows = first.get(DEATH_ROWS) == null ? rows.trainRows() : Math.min(first.get(DEATH_ROWS), rows.trainRows());
      revivalRng = new SplittableRandom[p];
      warming = new WarmingSchedule[p];
      offsets = new double[p];
      lastLoss = new Double[p];
      for (int s = 0; s < p; s++) {
        TrialConfig c = trials.get(s);
        SplittableRandom root = new SplittableRandom(c.seed());
        init[s] = root.split();
        samplers[s] = new MinibatchSampler(rows.trainRows(), batch, root.split());
        probeIdx[s] = sampleRows(rows.trainRows(), probeRows, root.split());
        revivalRng[s] = root.split();
        if (c.get(REVIVAL) == RevivalKind.WARMING) {
          warming[s] = new WarmingSchedule(c.get(WARMING_OFFSET), c.get(WARMING_HOLD), c.get(WARMING_ANNEAL), c.get(WARMING_SCHEDULE));
        }
        recorders[s].describeData(data.name(), "train-sample(" + probeRows + ")", probeRows, rows.trainRows(), deathRows);
      }
      int[] sizes = new int[first.get(HIDDEN).size() + 2];
      sizes[0] = data.features();
      for (int i = 0; i < first.get(HIDDEN).size(); i++) {
        sizes[i + 1] = first.get(HIDDEN).get(i);
      }
      sizes[sizes.length - 1] = data.outputs();
      net = PopulationNetwork.initialize(sizes, trials, init, dtype);
      stepCures = StepCure.of(trials, net, revivalRng);
      boolean[] ranks = new boolean[p];
      for (int s = 0; s < p; s++) {
        ranks[s] = trials.get(s).get(PROBE_RANKS);
      }
      probe = new NeuronProbe(trials.stream().mapToDouble(t -> t.get(DORMANT_TAU)).toArray(),
          new PerSlice(trials.stream().mapToDouble(t -> t.get(SATURATION_EPS)).toArray(), dtype).column(), ranks);

      trainPass = net.pass("train", batch);
      trainY = Nd4j.create(dtype, p, batch, data.outputs());
      probePass = net.pass("probe", probeRows);
      probeY = Nd4j.create(dtype, p, probeRows, data.outputs());
      rows.fillTrain(probeIdx, probePass.input(), probeY, stage);
      // sampling every row gives the whole split in order: the probe's own pass then decides death
      if (!(probeRows == rows.trainRows() && deathRows == rows.trainRows())) {
        probeRowsDecideDeath = deathRows == rows.trainRows();
        scanRows = probeRowsDecideDeath ? complements(probeIdx, rows.trainRows()) : firstRows(p, deathRows);
        int chunk = DeathScan.chunkRows(probeRows, scanRows[0].length);
        deathPass = chunk == probeRows ? probePass : net.pass("death", chunk);
      }
      if (rows.testRows() > 0) {
        testPass = net.pass("test", rows.testRows());
        testY = Nd4j.create(dtype, p, rows.testRows(), data.outputs());
        rows.fillTest(p, testPass.input(), testY, stage);
      }

      Checkpoints checkpoints = new Checkpoints(first.get(STEPS), first.get(PROBE_EVERY));
      lossSum = new double[p];
      int[][] batchRows = new int[p][];
      boolean anyWarming = java.util.Arrays.stream(warming).anyMatch(java.util.Objects::nonNull);
      for (step = 0; ; step++) {
        if (anyWarming) {
          for (int s = 0; s < p; s++) {
            offsets[s] = warming[s] == null ? 0.0 : warming[s].offsetAt(step);
          }
          net.setBiasOffset(offsets);
        }
        if (checkpoints.contains(step)) {
          checkpoint(running(), true);
        }
        if (step == first.get(STEPS)) {
          for (int s : running()) {
            finish(s, TrialStatus.OK, null, null);
          }
          return;
        }
        for (int s : running()) {
          Integer fault = trials.get(s).get(FAULT_AT_STEP);
          if (fault != null && fault == step) {
            finish(s, TrialStatus.FAILED, new InjectedFault(step).getMessage(), null);
          }
        }
        List<Integer> running = running();
        if (running.isEmpty()) {
          return;
        }
        intervene(running);
        for (int s = 0; s < p; s++) {
          // a finished network keeps its last rows: its sampler is its own and stops with it
          batchRows[s] = outputs[s] == null || batchRows[s] == null ? samplers[s].next() : batchRows[s];
        }
        rows.fillTrain(batchRows, trainPass.input(), trainY, stage);
        net.forward(trainPass);
        double[] loss = net.loss(trainPass, trainY);
        List<Integer> diverged = new ArrayList<>();
        for (int s : running) {
          if (!Double.isFinite(loss[s])) {
            diverged.add(s);
          } else {
            lossSum[s] += loss[s];
          }
          lastLoss[s] = loss[s];
          recorders[s].lossAfterInterventions(loss[s]);
        }
        lossCount++;
        if (!diverged.isEmpty()) {
          divergeAtTrainingStep(diverged, loss);
        }
        net.backward(trainPass);
        net.update();
        afterUpdate();
      }
    }

    /** Cures that act on every update's result (shrink and perturb, continual backprop), just after it. */
    private void afterUpdate() {
      for (StepCure cure : stepCures) {
        cure.afterUpdate(step, trainPass, running(), lastLoss).forEach((s, e) -> recorders[s].intervened(e));
      }
    }

    /**
     * Revival strategies act before the step's update: warming records its phase at step 0 (its
     * offset is applied in the forward pass); kick and ReDo probe and intervene every k steps.
     */
    private void intervene(List<Integer> running) {
      List<Integer> due = new ArrayList<>();
      for (int s : running) {
        TrialConfig c = trials.get(s);
        if (c.get(REVIVAL) == RevivalKind.WARMING && step == 0) {
          List<PendingEvent> events = new ArrayList<>();
          for (int l = 0; l + 1 < net.layers(); l++) {
            for (int i = 0; i < net.sizes()[l + 1]; i++) {
              events.add(new PendingEvent(0, l, i, "warming", c.get(WARMING_OFFSET), null));
            }
          }
          recorders[s].intervened(events);
        }
        boolean periodic = c.get(REVIVAL).intervenes();
        boolean washout = c.get(REVIVAL_WASHOUT) != null && step >= c.get(STEPS) - c.get(REVIVAL_WASHOUT);
        if (periodic && step > 0 && step % c.get(REVIVAL_EVERY) == 0 && !washout) {
          due.add(s);
        }
      }
      if (due.isEmpty()) {
        return;
      }
      long started = System.nanoTime();
      List<ProbeMeasurement> m = measure();
      measuringNanos += System.nanoTime() - started;
      for (int s : due) {
        TrialConfig c = trials.get(s);
        recorders[s].intervened(c.get(REVIVAL) == RevivalKind.KICK
            ? ThermalKick.apply(net, s, m.get(s), c.get(KICK_TARGET), c.get(KICK_SCOPE), c.get(KICK_SIGMA), revivalRng[s], step, lastLoss[s])
            : Reinitialization.apply(net, s, m.get(s), c.get(INIT), c.get(INIT_BIAS), revivalRng[s], step, lastLoss[s]));
      }
    }

    /** Measures the networks as they stand (their parameters still finite), then stops them. */
    private void divergeAtTrainingStep(List<Integer> diverged, double[] loss) {
      boolean[] finite = net.parametersFinite();
      List<Integer> measurable = diverged.stream().filter(s -> finite[s] && !recorders[s].measured(step)).toList();
      if (!measurable.isEmpty()) {
        checkpoint(measurable, false);
        for (int s : measurable) {
          recorders[s].replaceTrainLoss(loss[s]);
        }
      }
      for (int s : diverged) {
        finish(s, TrialStatus.DIVERGED, "non-finite training loss at step " + step, step);
      }
    }

    /** Probes the given networks; at a scheduled checkpoint, stops those that diverged. */
    private void checkpoint(List<Integer> which, boolean scheduled) {
      if (which.isEmpty()) {
        return;
      }
      long started = System.nanoTime();
      double[] testLoss = null;
      double[] testAccuracy = null;
      if (testPass != null) {
        net.forward(testPass);
        testLoss = net.loss(testPass, testY);
        testAccuracy = net.head().accuracy(testPass.output(), testY);
      }
      List<ProbeMeasurement> m = measure();
      boolean[] finite = net.parametersFinite();
      for (int s : which) {
        ProbeMeasurement ms = m.get(s);
        Double trainLoss = lossCount == 0 ? null : lossSum[s] / lossCount;
        recorders[s].checkpoint(ms, new CurvePoint(step, trainLoss, ms.loss(), nanToNull(ms.accuracy()),
            testLoss == null ? null : testLoss[s], testAccuracy == null ? null : nanToNull(testAccuracy[s]),
            trials.get(s).get(LR), offsets[s]));
        if (scheduled && (!Double.isFinite(ms.loss()) || !finite[s])) {
          finish(s, TrialStatus.DIVERGED, "non-finite probe loss or parameter at step " + step, step);
        }
      }
      if (scheduled) {
        java.util.Arrays.fill(lossSum, 0.0);
        lossCount = 0;
      }
      measuringNanos += System.nanoTime() - started;
    }

    /** Every neuron of every network as it stands: death over the training split, the rest on the probe set. */
    private List<ProbeMeasurement> measure() {
      if (probeInputStale) {
        rows.fillTrain(probeIdx, probePass.input(), probeY, stage);
        probeInputStale = false;
      }
      List<ProbeMeasurement> m = probe.measure(step, net, probePass, probeY);
      if (deathPass == null) {
        return m; // the probe set is the whole split
      }
      double[][][] maxima = new double[p][net.layers()][];
      for (int s = 0; s < p; s++) {
        for (int l = 0; l < net.layers(); l++) {
          if (probeRowsDecideDeath) {
            maxima[s][l] = m.get(s).layers().get(l).maxPreact().clone();
          } else {
            maxima[s][l] = new double[net.sizes()[l + 1]];
            java.util.Arrays.fill(maxima[s][l], Double.NEGATIVE_INFINITY);
          }
        }
      }
      boolean[][][] dead = DeathScan.dead(net, deathPass, scanRows[0].length, maxima, (from, count, pass) -> {
        rows.fillTrainChunk(scanRows, from, count, pass.input(), stage);
        probeInputStale |= pass == probePass;
      });
      List<ProbeMeasurement> settled = new ArrayList<>();
      for (int s = 0; s < p; s++) {
        settled.add(m.get(s).withDead(dead[s]));
      }
      return settled;
    }

    private List<Integer> running() {
      List<Integer> r = new ArrayList<>();
      for (int s = 0; s < p; s++) {
        if (outputs[s] == null) {
          r.add(s);
        }
      }
      return r;
    }

    private void finish(int s, TrialStatus status, String error, Integer divergedStep) {
      if (net != null) {
        net.freeze(s);
      }
      long share = (System.nanoTime() - started) / 1_000_000 / p;
      outputs[s] = recorders[s].finish(status, error, step, divergedStep, share);
    }

    void failRunning(String error) {
      for (int s : running()) {
        finish(s, TrialStatus.FAILED, error, null);
      }
    }

    List<TrialOutput> outputs() {
      return List.of(outputs);
    }
  }

  private static Double nanToNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** Per network, the rows of 0..n-1 not in its (ascending) probe rows, in ascending order. */
  static int[][] complements(int[][] probe, int n) {
    int[][] out = new int[probe.length][];
    for (int s = 0; s < probe.length; s++) {
      out[s] = new int[n - probe[s].length];
      int k = 0;
      int next = 0;
      for (int r = 0; r < n; r++) {
        if (next < probe[s].length && probe[s][next] == r) {
          next++;
        } else {
          out[s][k++] = r;
        }
      }
    }
    return out;
  }

  /** Rows 0..n-1 for each of {@code population} networks. */
  private static int[][] firstRows(int population, int n) {
    int[] first = new int[n];
    for (int i = 0; i < n; i++) {
      first[i] = i;
    }
    int[][] out = new int[population][];
    java.util.Arrays.fill(out, first);
    return out;
  }

  /** k distinct rows of n, by a partial Fisher-Yates shuffle (all n when k >= n), in ascending order. */
  static int[] sampleRows(int n, int k, SplittableRandom rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int take = Math.min(k, n);
    for (int i = 0; i < take; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, take);
    java.util.Arrays.sort(out);
    return out;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
