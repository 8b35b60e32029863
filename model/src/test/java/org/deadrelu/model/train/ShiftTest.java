package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.SHIFT_EVERY;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ShiftKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A shift, read back from the buffers the engine trains on: rows whose every value names its row and
 * feature (feature j of row i is 100 i + j) show which order of the features each step fed, and class
 * i mod 3 of row i shows the relabelling.
 */
class ShiftTest {
  static final int ROWS = 6;
  static final int FEATURES = 8;

  static Dataset named() {
    double[][] x = new double[ROWS][FEATURES];
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < FEATURES; j++) {
        x[i][j] = 100 * i + j;
      }
      y[i] = i % 3;
    }
    return new Dataset("named", true, 3, x, y, new double[0][FEATURES], new double[0]);
  }

  /** A feed of the named rows, every row in every batch, one network per seed. */
  static TableFeed feed(ShiftKind kind, int every, long... seeds) {
    MinibatchSampler[] samplers = new MinibatchSampler[seeds.length];
    Shift[] shifts = new Shift[seeds.length];
    for (int s = 0; s < seeds.length; s++) {
      samplers[s] = new MinibatchSampler(ROWS, ROWS, new SplittableRandom(seeds[s]));
      shifts[s] = new Shift(kind, every, kind == ShiftKind.PERMUTE_INPUTS ? FEATURES : 3, seeds[s]);
    }
    return new TableFeed(named(), samplers, shifts, ROWS);
  }

  /** Per step and network, the feature order fed (the same for every row of the batch, checked). */
  static int[][][] ordersFed(TableFeed feed, int networks, int steps) {
    INDArray input = Nd4j.create(DataType.DOUBLE, networks, ROWS, FEATURES);
    INDArray targets = Nd4j.create(DataType.DOUBLE, networks, ROWS, 3);
    int[][][] orders = new int[steps][networks][];
    for (int t = 0; t < steps; t++) {
      feed.next(t, new boolean[networks], input, targets);
      double[] in = input.ravel().toDoubleVector();
      for (int s = 0; s < networks; s++) {
        int[] order = null;
        for (int r = 0; r < ROWS; r++) {
          int at = (s * ROWS + r) * FEATURES;
          int row = (int) in[at] / 100;
          int[] o = new int[FEATURES];
          for (int j = 0; j < FEATURES; j++) {
            assertEquals(row, (int) in[at + j] / 100, "a fed row holds one row's features");
            o[j] = (int) in[at + j] - 100 * row;
          }
          if (order != null) {
            assertArrayEquals(order, o, "one order for every row of a step");
          }
          order = o;
        }
        orders[t][s] = order;
      }
    }
    return orders;
  }

  static final int[] IDENTITY = {0, 1, 2, 3, 4, 5, 6, 7};

  @Test
  void permutedInputsChangeExactlyAtTaskBoundaries() {
    int every = 3;
    int steps = 5 * every;
    int[][][] orders = ordersFed(feed(ShiftKind.PERMUTE_INPUTS, every, 21), 1, steps);
    for (int t = 0; t < steps; t++) {
      int[] o = orders[t][0];
      int[] sorted = o.clone();
      Arrays.sort(sorted);
      assertArrayEquals(IDENTITY, sorted, "a permutation of the features at step " + t);
      if (t < every) {
        assertArrayEquals(IDENTITY, o, "task 0 is the data as they are");
      } else if (t % every == 0) {
        assertFalse(Arrays.equals(orders[t - 1][0], o), "step " + t + " starts a task: a fresh order");
      } else {
        assertArrayEquals(orders[t - 1][0], o, "step " + t + " is inside a task");
      }
    }
  }

  @Test
  void trialsThatShareASeedSeeTheSamePermutationsWhateverElseDiffers() {
    // networks 0 and 2 share seed 7; network 1 has seed 8
    int[][][] orders = ordersFed(feed(ShiftKind.PERMUTE_INPUTS, 2, 7, 8, 7), 3, 8);
    // seed 7 alone, with another period: task k still has the same order
    int[][][] longer = ordersFed(feed(ShiftKind.PERMUTE_INPUTS, 4, 7), 1, 16);
    boolean differs = false;
    for (int t = 0; t < 8; t++) {
      assertArrayEquals(orders[t][0], orders[t][2], "step " + t);
      assertArrayEquals(orders[t][0], longer[2 * t][0], "task " + t / 2);
      differs |= !Arrays.equals(orders[t][0], orders[t][1]);
    }
    assertTrue(differs, "another seed, other permutations");
  }

  @Test
  void permutedLabelsRenameTheClassesAtTaskBoundariesAndLeaveTheInputsAlone() {
    int every = 2;
    TableFeed feed = feed(ShiftKind.PERMUTE_LABELS, every, 30);
    INDArray input = Nd4j.create(DataType.DOUBLE, 1, ROWS, FEATURES);
    INDArray targets = Nd4j.create(DataType.DOUBLE, 1, ROWS, 3);
    int[][] renaming = new int[12][];
    for (int t = 0; t < 12; t++) {
      feed.next(t, new boolean[1], input, targets);
      double[] in = input.ravel().toDoubleVector();
      double[] out = targets.ravel().toDoubleVector();
      int[] sigma = new int[3];
      Arrays.fill(sigma, -1);
      for (int r = 0; r < ROWS; r++) {
        int row = (int) in[r * FEATURES] / 100;
        for (int j = 0; j < FEATURES; j++) {
          assertEquals(100 * row + j, in[r * FEATURES + j], "inputs as they are");
        }
        int fed = -1;
        for (int k = 0; k < 3; k++) {
          assertTrue(out[r * 3 + k] == 0 || out[r * 3 + k] == 1);
          fed = out[r * 3 + k] == 1 ? k : fed;
        }
        assertEquals(1.0, Arrays.stream(out, r * 3, r * 3 + 3).sum(), "one-hot");
        assertTrue(sigma[row % 3] == -1 || sigma[row % 3] == fed, "one name per class");
        sigma[row % 3] = fed;
      }
      renaming[t] = sigma;
      int[] sorted = sigma.clone();
      Arrays.sort(sorted);
      assertArrayEquals(new int[] {0, 1, 2}, sorted, "a permutation of the classes at step " + t);
      if (t < every) {
        assertArrayEquals(new int[] {0, 1, 2}, sigma, "task 0 has the classes as they are");
      } else if (t % every != 0) {
        assertArrayEquals(renaming[t - 1], sigma, "step " + t + " is inside a task");
      }
    }
    // of 5 fresh relabellings of 3 classes, some differ from the one before (each repeats 1 time in 6)
    long changes = java.util.stream.IntStream.range(1, 6)
        .filter(k -> !Arrays.equals(renaming[k * every], renaming[k * every - 1])).count();
    assertTrue(changes >= 3, changes + " changes");
    assertEquals(0, feed.earlierRows(), "relabelling leaves the inputs of every task the same");
  }

  @Test
  void theEarlierTasksInputsAreTheSplitUnderEachEarlierOrder() {
    int every = 2;
    TableFeed feed = feed(ShiftKind.PERMUTE_INPUTS, every, 40, 41);
    int[][][] orders = ordersFed(feed, 2, 3 * every + 1); // the current task is 3: tasks 0, 1, 2 are earlier
    int rows = feed.earlierRows();
    assertEquals(3 * ROWS, rows);
    INDArray input = Nd4j.create(DataType.DOUBLE, 2, rows, FEATURES);
    feed.fillEarlierChunk(0, rows, input);
    double[] in = input.ravel().toDoubleVector();
    for (int s = 0; s < 2; s++) {
      for (int k = 0; k < 3; k++) {
        int[] order = orders[k * every][s]; // as the training stream fed task k
        for (int i = 0; i < ROWS; i++) {
          for (int j = 0; j < FEATURES; j++) {
            assertEquals(100 * i + order[j], in[(s * rows + k * ROWS + i) * FEATURES + j],
                "network " + s + ", task " + k + ", row " + i + ", feature " + j);
          }
        }
      }
    }
  }

  @Test
  void aShiftingTrialTrainsAsTheStationaryOneUntilItsFirstBoundaryAndNotAfter() {
    Dataset data = TestData.twoClasses(200, 4, 11);
    TrialConfig.Builder b = TrialConfig.builder().set(HIDDEN, List.of(8)).set(STEPS, 40).set(PROBE_EVERY, 10)
        .set(BATCH_SIZE, 16).set(PROBE_SAMPLES, 32).set(LR, 0.1).seed(3);
    TrialOutput still = new Trainer(DataType.DOUBLE).train(b.build(), data);
    TrialOutput shifting = new Trainer(DataType.DOUBLE)
        .train(b.set(SHIFT_KIND, ShiftKind.PERMUTE_INPUTS).set(SHIFT_EVERY, 20).build(), data);
    // checkpoints 0, 10, 20 measure task 0 (step 20 measures the task of step 19); 30, 40 task 1
    for (int i = 0; i < still.curves().size(); i++) {
      CurvePoint a = still.curves().get(i);
      CurvePoint c = shifting.curves().get(i);
      assertEquals(a.step(), c.step());
      assertEquals(0, a.task());
      assertEquals(a.step() <= 20 ? 0 : 1, c.task(), "step " + a.step());
      if (a.step() <= 20) {
        assertEquals(a.probeLoss(), c.probeLoss(), "step " + a.step());
      } else {
        assertNotEquals(a.probeLoss(), c.probeLoss(), "step " + a.step());
      }
    }
    for (NeuronRecord n : still.neurons()) {
      assertNull(n.deadGlobal(), "stationary data: no second death");
    }
    for (NeuronRecord n : shifting.neurons()) {
      assertTrue(n.deadGlobal() != null && (!n.deadGlobal() || n.dead()), "dead on every task implies dead on this one");
    }
  }
}
