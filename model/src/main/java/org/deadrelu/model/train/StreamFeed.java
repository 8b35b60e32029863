package org.deadrelu.model.train;

import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import org.deadrelu.model.data.LtuTargetNetwork;
import org.deadrelu.model.data.SlowlyChangingRegression;
import org.deadrelu.model.data.StreamSpec;
import org.deadrelu.model.population.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Slowly-changing regression online: each step, {@code batch} fresh examples per network, from a
 * {@link SlowlyChangingRegression} stream of its trial's seed (so trials that share a seed see the
 * same inputs, whatever else differs), all of one step in one task: task k is steps [k period, (k +
 * 1) period). The current task's training set T is its whole input set, the 2^(m - f) inputs with its
 * slow bits (row r: fast bit j is bit j of r), each with its target; there is nothing held out.
 * Earlier tasks' inputs are the input sets of the other slow patterns the network has seen.
 *
 * <p>A step writes the population's inputs into one host buffer and copies it once; targets are looked
 * up in a table of the current task's 2^(m - f) targets, made when the slow bits change.
 */
final class StreamFeed extends Feed {
  /** Salts the trial's seed for its stream of inputs, apart from the streams the trial splits off its seed. */
  private static final long SALT = 0x2545F4914F6CDD1DL;

  private final StreamSpec spec;
  private final LtuTargetNetwork target;
  private final int batch;
  private final int m;
  private final int slowBits;
  private final int taskRows;
  private final SlowlyChangingRegression[] streams;
  /** Per network: its current slow pattern (bit i = slow bit i), its task's targets by fast pattern. */
  private final long[] slow;
  private final double[][] targets;
  /** Per network: the slow patterns it has seen, and those of them that are not its current one. */
  private final LinkedHashSet<Long>[] seen;
  private final long[][] earlier;
  private final double[] x;
  private final double[] y;
  private final double[] row;
  private final HostCopy inputs = new HostCopy();
  private final HostCopy outputs = new HostCopy();
  private final PopulationData.Staging stage = new PopulationData.Staging();
  private int task;
  /** Step 0's batch is made with the feed, so that task 0's inputs are known before it is fed (step 0's checkpoint). */
  private boolean primed;

  /** @param seeds each network's trial seed */
  @SuppressWarnings("unchecked")
  StreamFeed(StreamSpec spec, long[] seeds, int batch) {
    this.spec = spec;
    this.target = spec.target();
    this.batch = batch;
    this.m = spec.inputs();
    this.slowBits = spec.slowBits();
    this.taskRows = spec.taskInputs();
    int p = seeds.length;
    this.streams = new SlowlyChangingRegression[p];
    this.slow = new long[p];
    this.targets = new double[p][taskRows];
    this.seen = new LinkedHashSet[p];
    this.earlier = new long[p][0];
    for (int s = 0; s < p; s++) {
      // the stream counts examples: batch of them per step, so its period is the task's steps times the batch
      streams[s] = new SlowlyChangingRegression(target, slowBits, (long) spec.period() * batch, spec.flipOne(),
          new SplittableRandom(seeds[s] ^ SALT).nextLong());
      seen[s] = new LinkedHashSet<>();
    }
    this.x = new double[p * batch * m];
    this.y = new double[p * batch];
    this.row = new double[m];
    for (int s = 0; s < p; s++) {
      make(s);
    }
    primed = true;
  }

  @Override
  int batch() {
    return batch;
  }

  @Override
  int trainRows() {
    return taskRows;
  }

  @Override
  int testRows() {
    return 0;
  }

  @Override
  int task() {
    return task;
  }

  @Override
  boolean changesTasks() {
    return true;
  }

  @Override
  void next(int step, boolean[] done, INDArray input, INDArray targetsOut) {
    task = step / spec.period();
    if (primed) {
      primed = false; // step 0's batch is made already
    } else {
      for (int s = 0; s < streams.length; s++) {
        if (!done[s]) { // a finished network keeps its last batch
          make(s);
        }
      }
    }
    inputs.write(x, input);
    outputs.write(y, targetsOut);
  }

  /** Network s's next batch, into its part of the host buffers. */
  private void make(int s) {
    for (int b = 0; b < batch; b++) {
      int at = (s * batch + b) * m;
      if (streams[s].advance(x, at)) {
        newTask(s, at);
      }
      int fast = 0;
      for (int j = slowBits; j < m; j++) {
        fast |= (x[at + j] != 0 ? 1 : 0) << (j - slowBits);
      }
      y[s * batch + b] = targets[s][fast];
    }
  }

  /** Network s's slow bits were just set, as in x[at, at + f): its task's targets and its earlier patterns. */
  private void newTask(int s, int at) {
    long bits = 0;
    for (int i = 0; i < slowBits; i++) {
      bits |= (x[at + i] != 0 ? 1L : 0L) << i;
    }
    long pattern = bits;
    slow[s] = pattern;
    for (int r = 0; r < taskRows; r++) {
      writeInput(pattern, r, row, 0);
      targets[s][r] = target.output(row, 0);
    }
    seen[s].add(pattern);
    earlier[s] = seen[s].stream().mapToLong(Long::longValue).filter(q -> q != pattern).toArray();
  }

  /** The input with slow pattern {@code pattern} and fast pattern {@code fast}, into into[at, at + m). */
  private void writeInput(long pattern, int fast, double[] into, int at) {
    for (int i = 0; i < slowBits; i++) {
      into[at + i] = (pattern >>> i) & 1L;
    }
    for (int j = slowBits; j < m; j++) {
      into[at + j] = (fast >>> (j - slowBits)) & 1;
    }
  }

  @Override
  void fillTrain(int[][] rows, INDArray input, INDArray targetsOut) {
    int p = rows.length;
    int n = rows[0].length;
    double[] in = stage.buffer("x", p * n * m);
    double[] out = stage.buffer("y", p * n);
    for (int s = 0; s < p; s++) {
      for (int r = 0; r < n; r++) {
        writeInput(slow[s], rows[s][r], in, (s * n + r) * m);
        out[s * n + r] = targets[s][rows[s][r]];
      }
    }
    stage.copy(in, input);
    stage.copy(out, targetsOut);
  }

  @Override
  void fillTrainChunk(int[][] rows, int from, int count, INDArray input) {
    int p = rows.length;
    int n = (int) input.size(1);
    double[] in = stage.buffer("x", p * n * m);
    for (int s = 0; s < p; s++) {
      for (int r = 0; r < n; r++) {
        writeInput(slow[s], rows[s][from + (r < count ? r : 0)], in, (s * n + r) * m);
      }
    }
    stage.copy(in, input);
  }

  @Override
  void fillTest(INDArray input, INDArray targetsOut) {
    throw new IllegalStateException("a stream holds nothing out");
  }

  @Override
  int earlierRows() {
    int most = 0;
    for (long[] patterns : earlier) {
      most = Math.max(most, patterns.length);
    }
    return Math.multiplyExact(most, taskRows);
  }

  @Override
  void fillEarlierChunk(int from, int count, INDArray input) {
    int p = earlier.length;
    int n = (int) input.size(1);
    double[] in = stage.buffer("x", p * n * m);
    for (int s = 0; s < p; s++) {
      for (int r = 0; r < n; r++) {
        int i = from + (r < count ? r : 0);
        int at = (s * n + r) * m;
        if (i < earlier[s].length * taskRows) {
          writeInput(earlier[s][i / taskRows], i % taskRows, in, at);
        } else {
          writeInput(slow[s], 0, in, at); // a row of its own current task: in the union already
        }
      }
    }
    stage.copy(in, input);
  }
}
