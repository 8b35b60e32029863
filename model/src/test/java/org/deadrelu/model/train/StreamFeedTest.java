package org.deadrelu.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deadrelu.model.data.LtuTargetNetwork;
import org.deadrelu.model.data.StreamSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stream a population of slowly-changing-regression trials trains on, read back from the buffers
 * the engine trains on: the slow bits change at multiples of the period and only there, every target
 * is the target network's output, trials that share a seed see the same stream, and the sets death is
 * decided on are the current task's 32 inputs and the 32-input sets of the other slow patterns seen.
 */
class StreamFeedTest {
  static final int M = 20;
  static final int F = 15;
  static final LtuTargetNetwork TARGET = LtuTargetNetwork.random(M, 100, LtuTargetNetwork.BETA, new Random(4));

  /** Per step, per network, per example: the input fed, and its target, after {@code steps} steps. */
  record Fed(double[][][][] x, double[][][] y) {}

  static Fed run(StreamFeed feed, int networks, int batch, int steps) {
    INDArray input = Nd4j.create(DataType.DOUBLE, networks, batch, M);
    INDArray targets = Nd4j.create(DataType.DOUBLE, networks, batch, 1);
    double[][][][] x = new double[steps][networks][batch][];
    double[][][] y = new double[steps][networks][batch];
    boolean[] done = new boolean[networks];
    for (int t = 0; t < steps; t++) {
      feed.next(t, done, input, targets);
      double[] in = input.ravel().toDoubleVector();
      double[] out = targets.ravel().toDoubleVector();
      for (int s = 0; s < networks; s++) {
        for (int b = 0; b < batch; b++) {
          x[t][s][b] = Arrays.copyOfRange(in, (s * batch + b) * M, (s * batch + b + 1) * M);
          y[t][s][b] = out[s * batch + b];
        }
      }
    }
    return new Fed(x, y);
  }

  static double[] slow(double[] input) {
    return Arrays.copyOfRange(input, 0, F);
  }

  static int differing(double[] a, double[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i] != b[i] ? 1 : 0;
    }
    return n;
  }

  @Test
  void theSlowBitsChangeAtMultiplesOfThePeriodAndNowhereElse() {
    int period = 7;
    int batch = 3;
    int steps = 10 * period;
    for (boolean flipOne : new boolean[] {true, false}) {
      StreamFeed feed = new StreamFeed(new StreamSpec(TARGET, F, period, flipOne), new long[] {1, 2}, batch);
      Fed fed = run(feed, 2, batch, steps);
      for (int s = 0; s < 2; s++) {
        for (int t = 0; t < steps; t++) {
          for (int b = 1; b < batch; b++) {
            assertArrayEquals(slow(fed.x[t][s][0]), slow(fed.x[t][s][b]), "one step's examples share the task");
          }
          if (t == 0) {
            continue;
          }
          int changed = differing(slow(fed.x[t][s][0]), slow(fed.x[t - 1][s][0]));
          if (t % period != 0) {
            assertEquals(0, changed, "step " + t + " is inside a task");
          } else if (flipOne) {
            assertEquals(1, changed, "step " + t + " starts a task: one slow bit flips");
          } else {
            // drawn afresh: all 15 bits equal again has probability 2^-15 per change; this seed has none
            assertTrue(changed > 0, "step " + t + " starts a task: the slow bits are drawn afresh");
          }
        }
      }
    }
  }

  @Test
  void theTaskIsThatOfTheLastBatchFed() {
    StreamFeed feed = new StreamFeed(new StreamSpec(TARGET, F, 5, false), new long[] {3}, 1);
    INDArray input = Nd4j.create(DataType.DOUBLE, 1, 1, M);
    INDArray targets = Nd4j.create(DataType.DOUBLE, 1, 1, 1);
    assertEquals(0, feed.task());
    int[] expected = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2};
    for (int t = 0; t < expected.length; t++) {
      feed.next(t, new boolean[1], input, targets);
      assertEquals(expected[t], feed.task(), "after step " + t);
    }
  }

  @Test
  void everyTargetIsTheTargetNetworksOutputAndTheFastBitsAreFreshEachExample() {
    int batch = 4;
    Fed fed = run(new StreamFeed(new StreamSpec(TARGET, F, 50, false), new long[] {9}, batch), 1, batch, 200);
    int repeats = 0;
    for (int t = 0; t < 200; t++) {
      for (int b = 0; b < batch; b++) {
        assertEquals(TARGET.output(fed.x[t][0][b]), fed.y[t][0][b], 1e-12, "step " + t + " example " + b);
        for (double v : fed.x[t][0][b]) {
          assertTrue(v == 0 || v == 1);
        }
      }
      repeats += Arrays.equals(fed.x[t][0][0], fed.x[t][0][1]) ? 1 : 0;
    }
    // two fresh examples of one task agree in all 5 fast bits 1 time in 32: about 6 of 200
    assertTrue(repeats < 25, "examples of a step are drawn apart: " + repeats + " repeats");
  }

  @Test
  void trialsThatShareASeedSeeTheSameStreamWhateverTheirOtherSettings() {
    // networks 0 and 2 share seed 5 (as two trials at different learning rates would); network 1 does not
    Fed fed = run(new StreamFeed(new StreamSpec(TARGET, F, 10, false), new long[] {5, 6, 5}, 2), 3, 2, 60);
    // the same seed alone, in a population of its own
    Fed alone = run(new StreamFeed(new StreamSpec(TARGET, F, 10, false), new long[] {5}, 2), 1, 2, 60);
    boolean differs = false;
    for (int t = 0; t < 60; t++) {
      for (int b = 0; b < 2; b++) {
        assertArrayEquals(fed.x[t][0][b], fed.x[t][2][b]);
        assertArrayEquals(fed.x[t][0][b], alone.x[t][0][b]);
        assertEquals(fed.y[t][0][b], alone.y[t][0][b]);
        differs |= !Arrays.equals(fed.x[t][0][b], fed.x[t][1][b]);
      }
    }
    assertTrue(differs, "another seed, another stream");
  }

  @Test
  void theCurrentTasksSetIsItsThirtyTwoInputsWithTheirTargets() {
    int period = 4;
    StreamFeed feed = new StreamFeed(new StreamSpec(TARGET, F, period, false), new long[] {1, 2}, 1);
    Fed fed = run(feed, 2, 1, 3 * period + 1); // the current task is task 3
    int[] all = new int[32];
    for (int r = 0; r < 32; r++) {
      all[r] = r;
    }
    INDArray input = Nd4j.create(DataType.DOUBLE, 2, 32, M);
    INDArray targets = Nd4j.create(DataType.DOUBLE, 2, 32, 1);
    feed.fillTrain(new int[][] {all, all}, input, targets);
    double[] in = input.ravel().toDoubleVector();
    double[] out = targets.ravel().toDoubleVector();
    for (int s = 0; s < 2; s++) {
      double[] current = slow(fed.x[3 * period][s][0]);
      for (int r = 0; r < 32; r++) {
        double[] x = Arrays.copyOfRange(in, (s * 32 + r) * M, (s * 32 + r + 1) * M);
        assertArrayEquals(current, slow(x), "row " + r + " has the current slow bits");
        for (int j = 0; j < 5; j++) {
          assertEquals((r >> j) & 1, (int) x[F + j], "row " + r + ", fast bit " + j);
        }
        assertEquals(TARGET.output(x), out[s * 32 + r], 1e-12);
      }
    }
  }

  @Test
  void theEarlierTasksInputsAreTheOtherSlowPatternsSeenWithEveryFastPattern() {
    int period = 3;
    int steps = 6 * period + 1;
    // flip-one revisits patterns: a flip and its undoing give the current pattern again
    for (boolean flipOne : new boolean[] {false, true}) {
      StreamFeed feed = new StreamFeed(new StreamSpec(TARGET, F, period, flipOne), new long[] {11, 12}, 1);
      Fed fed = run(feed, 2, 1, steps);
      int rows = feed.earlierRows();
      INDArray input = Nd4j.create(DataType.DOUBLE, 2, rows, M);
      feed.fillEarlierChunk(0, rows, input);
      double[] in = input.ravel().toDoubleVector();
      for (int s = 0; s < 2; s++) {
        // expected: every slow pattern the stream showed, but the current one, with each of the 32 fast patterns
        Set<List<Double>> patterns = new HashSet<>();
        for (int t = 0; t < steps; t++) {
          patterns.add(boxed(slow(fed.x[t][s][0])));
        }
        List<Double> current = boxed(slow(fed.x[steps - 1][s][0]));
        patterns.remove(current);
        Set<List<Double>> expected = new HashSet<>();
        for (List<Double> p : patterns) {
          for (int r = 0; r < 32; r++) {
            List<Double> x = new ArrayList<>(p);
            for (int j = 0; j < 5; j++) {
              x.add((double) ((r >> j) & 1));
            }
            expected.add(x);
          }
        }
        Set<List<Double>> written = new HashSet<>();
        List<Double> padding = null;
        for (int r = 0; r < rows; r++) {
          List<Double> x = boxed(Arrays.copyOfRange(in, (s * rows + r) * M, (s * rows + r + 1) * M));
          if (r < expected.size()) {
            written.add(x);
          } else {
            padding = x;
          }
        }
        assertEquals(expected, written, "network " + s + (flipOne ? ", flip one" : ""));
        if (padding != null) {
          assertEquals(current, padding.subList(0, F), "a shorter network repeats a row of its current task");
        }
      }
      assertTrue(rows >= 32, "some earlier task");
    }
  }

  @Test
  void aPeriodLongerThanTheRunIsOneTaskWithNoEarlierInputs() {
    StreamFeed feed = new StreamFeed(new StreamSpec(TARGET, F, 1000, false), new long[] {1}, 2);
    run(feed, 1, 2, 50);
    assertEquals(0, feed.task());
    assertEquals(0, feed.earlierRows());
    assertEquals(32, feed.trainRows());
    assertEquals(0, feed.testRows());
  }

  private static List<Double> boxed(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }
}
