package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.DORMANT_TAU;
import static org.deadrelu.model.config.Settings.ERROR_WINDOW;
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
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_EVERY;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.SATURATION_EPS;
import static org.deadrelu.model.config.Settings.SHIFT_EVERY;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.deadrelu.model.config.Settings.WARMING_ANNEAL;
import static org.deadrelu.model.config.Settings.WARMING_HOLD;
import static org.deadrelu.model.config.Settings.WARMING_OFFSET;
import static org.deadrelu.model.config.Settings.WARMING_SCHEDULE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.ShiftKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.net.head.Head;
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
 *
 * <p>On data whose task changes (a shift, a stream; see {@link Feed}) death is decided twice at a
 * checkpoint: on the current task's training inputs ({@code dead}), then, going on from there, on
 * every task's seen so far ({@code deadGlobal}). Every step's training loss (and, for classification,
 * error) also goes into windows of {@code probe.error_window} steps, a curves row at the end of each.
 */
public final class Trainer {
  private final DataType dtype;
  /** Time spent measuring since this trainer was made (see {@link #measuringNanos}). */
  private long measuringNanos;
  /** Of {@link #measuringNanos}: the death scans', and the held-out split's. */
  private long deathScanNanos;
  private long heldOutNanos;

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

  /**
   * Of {@link #measuringNanos}, the time the death scans took: deciding death on the training rows
   * outside the probe set (and, on data whose task changes, on the earlier tasks' rows).
   */
  public long deathScanNanos() {
    return deathScanNanos;
  }

  /** Of {@link #measuringNanos}, the time the held-out split's loss and accuracy took at checkpoints. */
  public long heldOutNanos() {
    return heldOutNanos;
  }

  /** Per network, its shift; null when the population's data do not shift (its trials share the kind and period). */
  private static Shift[] shifts(List<TrialConfig> trials, Dataset data) {
    ShiftKind kind = trials.get(0).get(SHIFT_KIND);
    if (kind == ShiftKind.NONE) {
      return null;
    }
    int size = kind == ShiftKind.PERMUTE_INPUTS ? data.features() : data.numClasses();
    return trials.stream().map(t -> new Shift(kind, t.get(SHIFT_EVERY), size, t.seed())).toArray(Shift[]::new);
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
    } finally {
      if (run.net != null) {
        run.net.releasePasses();
      }
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
    Feed feed;
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
    /** The task whose rows the probe's and the held-out buffers hold. */
    int probeTask;
    int testTask;
    /** Chunks of the earlier tasks' inputs, for death over every task seen; made when first needed. */
    Pass earlierPass;
    /** Per network, dead on every task seen, at the last {@link #measure(boolean)} that asked; null on data whose task does not change. */
    boolean[][][] deadGlobal;
    Pass testPass;
    INDArray trainY;
    INDArray probeY;
    INDArray testY;
    NeuronProbe probe;
    double[] lossSum;
    int lossCount;
    /** The online-error window: per network, the sum of its steps' losses and errors; steps in it. */
    double[] windowLoss;
    double[] windowError;
    int windowSteps;
    boolean classification;
    SplittableRandom[] revivalRng;
    WarmingSchedule[] warming;
    List<StepCure> stepCures;
    double[] offsets;
    Double[] lastLoss;

    void loop() {
      TrialConfig first = trials.get(0);
      SplittableRandom[] init = new SplittableRandom[p];
      MinibatchSampler[] samplers = new MinibatchSampler[p];
      boolean stream = data.stream() != null;
      // a stream's T is its current task's whole input set, and its probe set too
      int trainRows = stream ? data.stream().taskInputs() : data.trainX().length;
      int batch = stream ? first.get(BATCH_SIZE) : Math.min(first.get(BATCH_SIZE), trainRows);
      int probeRows = first.get(PROBE_SAMPLES) == null ? trainRows : Math.min(first.get(PROBE_SAMPLES), trainRows);
      probeIdx = new int[p][];
      deathRows = first.get(DEATH_ROWS) == null ? trainRows : Math.min(first.get(DEATH_ROWS), trainRows);
      revivalRng = new SplittableRandom[p];
      warming = new WarmingSchedule[p];
      offsets = new double[p];
      lastLoss = new Double[p];
      for (int s = 0; s < p; s++) {
        TrialConfig c = trials.get(s);
        SplittableRandom root = new SplittableRandom(c.seed());
        init[s] = root.split();
        SplittableRandom shuffling = root.split();
        samplers[s] = stream ? null : new MinibatchSampler(trainRows, batch, shuffling);
        probeIdx[s] = sampleRows(trainRows, probeRows, root.split());
        revivalRng[s] = root.split();
        if (c.get(REVIVAL) == RevivalKind.WARMING) {
          warming[s] = new WarmingSchedule(c.get(WARMING_OFFSET), c.get(WARMING_HOLD), c.get(WARMING_ANNEAL), c.get(WARMING_SCHEDULE));
        }
        recorders[s].describeData(data.name(), (stream ? "current-task(" : "train-sample(") + probeRows + ")", probeRows,
            trainRows, deathRows);
      }
      feed = stream ? new StreamFeed(data.stream(), trials.stream().mapToLong(TrialConfig::seed).toArray(), batch)
          : new TableFeed(data, samplers, shifts(trials, data), deathRows);
      classification = data.classification();
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
      feed.fillTrain(probeIdx, probePass.input(), probeY);
      probeTask = feed.task();
      // sampling every row gives the whole split in order: the probe's own pass then decides death
      if (!(probeRows == trainRows && deathRows == trainRows)) {
        probeRowsDecideDeath = deathRows == trainRows;
        scanRows = probeRowsDecideDeath ? complements(probeIdx, trainRows) : firstRows(p, deathRows);
        int chunk = DeathScan.chunkRows(probeRows, scanRows[0].length);
        deathPass = chunk == probeRows ? probePass : net.pass("death", chunk);
      }
      if (feed.testRows() > 0) {
        testPass = net.pass("test", feed.testRows());
        testY = Nd4j.create(dtype, p, feed.testRows(), data.outputs());
        feed.fillTest(testPass.input(), testY);
        testTask = feed.task();
      }

      int steps = first.get(STEPS);
      Checkpoints checkpoints = new Checkpoints(steps, first.get(PROBE_EVERY), "geometric".equals(first.get(PROBE_SCHEDULE)));
      int window = first.get(ERROR_WINDOW);
      lossSum = new double[p];
      windowLoss = new double[p];
      windowError = new double[p];
      boolean[] done = new boolean[p];
      Integer[] faults = trials.stream().map(t -> t.get(FAULT_AT_STEP)).toArray(Integer[]::new);
      boolean anyWarming = java.util.Arrays.stream(warming).anyMatch(java.util.Objects::nonNull);
      for (step = 0; ; step++) {
        if (anyWarming) {
          for (int s = 0; s < p; s++) {
            offsets[s] = warming[s] == null ? 0.0 : warming[s].offsetAt(step);
          }
          net.setBiasOffset(offsets);
        }
        if (windowSteps > 0 && (step % window == 0 || step == steps)) {
          closeWindow(running());
        }
        if (checkpoints.contains(step)) {
          checkpoint(running(), true);
        }
        if (step == steps) {
          for (int s : running()) {
            finish(s, TrialStatus.OK, null, null);
          }
          return;
        }
        for (int s = 0; s < p; s++) {
          if (outputs[s] == null && faults[s] != null && faults[s] == step) {
            finish(s, TrialStatus.FAILED, new InjectedFault(step).getMessage(), null);
          }
        }
        List<Integer> running = running();
        if (running.isEmpty()) {
          return;
        }
        intervene(running);
        for (int s = 0; s < p; s++) {
          done[s] = outputs[s] != null;
        }
        feed.next(step, done, trainPass.input(), trainY);
        net.forward(trainPass);
        // each example is scored before the update it takes part in: the online (prequential) error
        Head.Scores scores = net.lossAndAccuracy(trainPass, trainY);
        double[] loss = scores.loss();
        double[] accuracy = classification ? scores.accuracy() : null;
        List<Integer> diverged = new ArrayList<>();
        for (int s : running) {
          if (!Double.isFinite(loss[s])) {
            diverged.add(s);
          } else {
            lossSum[s] += loss[s];
          }
          windowLoss[s] += loss[s];
          if (accuracy != null) {
            windowError[s] += 1 - accuracy[s];
          }
          lastLoss[s] = loss[s];
          recorders[s].lossAfterInterventions(loss[s]);
        }
        lossCount++;
        windowSteps++;
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
        if (testTask != feed.task()) {
          feed.fillTest(testPass.input(), testY);
          testTask = feed.task();
        }
        net.evaluate(testPass, net.layers());
        Head.Scores scores = net.evaluationLossAndAccuracy(testPass, testY);
        testLoss = scores.loss();
        testAccuracy = scores.accuracy();
        heldOutNanos += System.nanoTime() - started;
      }
      List<ProbeMeasurement> m = measure(true);
      boolean[] finite = net.parametersFinite();
      for (int s : which) {
        ProbeMeasurement ms = m.get(s);
        Double trainLoss = lossCount == 0 ? null : lossSum[s] / lossCount;
        recorders[s].checkpoint(ms, CurvePoint.checkpoint(step, feed.task(), trainLoss, ms.loss(), nanToNull(ms.accuracy()),
            testLoss == null ? null : testLoss[s], testAccuracy == null ? null : nanToNull(testAccuracy[s]),
            trials.get(s).get(LR), offsets[s]), deadGlobal == null ? null : deadGlobal[s]);
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

    /** Closes the online-error window that ends at this step, for the networks given, and opens the next. */
    private void closeWindow(List<Integer> which) {
      for (int s : which) {
        recorders[s].window(CurvePoint.window(step, feed.task(), windowLoss[s] / windowSteps,
            classification ? windowError[s] / windowSteps : null, trials.get(s).get(LR), offsets[s]));
      }
      java.util.Arrays.fill(windowLoss, 0.0);
      java.util.Arrays.fill(windowError, 0.0);
      windowSteps = 0;
    }

    private List<ProbeMeasurement> measure() {
      return measure(false);
    }

    /**
     * Every neuron of every network as it stands: death over the current task's training split, the
     * rest on the probe set; with {@code global}, also death over every task seen so far, into
     * {@link #deadGlobal} (null on data whose task never changes).
     */
    private List<ProbeMeasurement> measure(boolean global) {
      if (probeInputStale || probeTask != feed.task()) {
        feed.fillTrain(probeIdx, probePass.input(), probeY);
        probeInputStale = false;
        probeTask = feed.task();
      }
      List<ProbeMeasurement> m = probe.measure(step, net, probePass, probeY);
      deadGlobal = null;
      if (deathPass == null) {
        // the probe set is the whole split: its maxima are the split's
        if (global && feed.changesTasks()) {
          deadGlobal = deadOnEarlierTasks(probeMaxima(m), m);
        }
        return m;
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
      long scanStarted = System.nanoTime();
      boolean[][][] dead = DeathScan.dead(net, deathPass, scanRows[0].length, maxima, (from, count, pass) -> {
        feed.fillTrainChunk(scanRows, from, count, pass.input());
        probeInputStale |= pass == probePass;
      });
      deathScanNanos += System.nanoTime() - scanStarted;
      List<ProbeMeasurement> settled = new ArrayList<>();
      for (int s = 0; s < p; s++) {
        settled.add(m.get(s).withDead(dead[s]));
      }
      if (global && feed.changesTasks()) {
        deadGlobal = deadOnEarlierTasks(maxima, settled);
      }
      return settled;
    }

    /**
     * Death over every task seen: the scan goes on from the current task's maxima (exact where a
     * neuron is still dead there) over the earlier tasks' inputs, so only a neuron dead on the current
     * task costs rows, and a neuron is globally dead only if it is dead on the current task too.
     */
    private boolean[][][] deadOnEarlierTasks(double[][][] maxima, List<ProbeMeasurement> current) {
      int rows = feed.earlierRows();
      if (rows == 0) {
        boolean[][][] same = new boolean[p][net.layers()][];
        for (int s = 0; s < p; s++) {
          for (int l = 0; l < net.layers(); l++) {
            same[s][l] = current.get(s).layers().get(l).dead().clone();
          }
        }
        return same;
      }
      if (earlierPass == null) {
        int chunk = DeathScan.chunkRows(probePass.rows());
        earlierPass = chunk == probePass.rows() ? probePass : net.pass("death", chunk);
      }
      long scanStarted = System.nanoTime();
      boolean[][][] dead = DeathScan.dead(net, earlierPass, rows, maxima, (from, count, pass) -> {
        feed.fillEarlierChunk(from, count, pass.input());
        probeInputStale |= pass == probePass;
      });
      deathScanNanos += System.nanoTime() - scanStarted;
      return dead;
    }

    /** Per network, layer and neuron, a copy of the probe set's maximum pre-activation. */
    private double[][][] probeMaxima(List<ProbeMeasurement> m) {
      double[][][] maxima = new double[p][net.layers()][];
      for (int s = 0; s < p; s++) {
        for (int l = 0; l < net.layers(); l++) {
          maxima[s][l] = m.get(s).layers().get(l).maxPreact().clone();
        }
      }
      return maxima;
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
