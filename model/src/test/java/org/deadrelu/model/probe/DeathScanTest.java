package org.deadrelu.model.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.junit.jupiter.api.Test;

/**
 * The scan on {@link DeadNeuronTest}'s hand-built network (hidden z = x - 10, x, -x - 1, x - 3), one
 * row per chunk, so which rows it read shows where it stopped.
 */
class DeathScanTest {

  /** Scans {@code xs} from the given known maxima; returns the dead flags of the hidden layer and records the rows read. */
  private static boolean[] scan(double[] xs, double[] knownHidden, List<Double> read) {
    PopulationNetwork net = DeadNeuronTest.handBuilt(ActivationKind.RELU, 0);
    Pass pass = net.pass("death", 1);
    double[][][] maxima = {{knownHidden.clone(), {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}}};
    boolean[][][] dead = DeathScan.dead(net, pass, xs.length, maxima, (from, count, p) -> {
      assertEquals(1, count);
      read.add(xs[from]);
      p.input().assign(xs[from]);
    });
    assertArrayEquals(new boolean[] {false, false}, dead[0][1], "softmax outputs never stop learning");
    return dead[0][0];
  }

  private static double[] unknown() {
    double[] m = new double[4];
    Arrays.fill(m, Double.NEGATIVE_INFINITY);
    return m;
  }

  @Test
  void neuronsAlreadySeenActiveCostNoScanAtAll() {
    List<Double> read = new ArrayList<>();
    assertArrayEquals(new boolean[4], scan(new double[] {-2, -1, 0.5, 3}, new double[] {0.1, 2, 1, 0.5}, read));
    assertEquals(List.of(), read);
  }

  @Test
  void theScanStopsAtTheRowThatSettlesTheLastNeuron() {
    // x = 20 makes z = 10, 20, -21, 17: all alive but neuron 2, which x = -2 (z = 1) settles
    List<Double> read = new ArrayList<>();
    assertArrayEquals(new boolean[4], scan(new double[] {20, -2, -1, 0.5, 3}, unknown(), read));
    assertEquals(List.of(20.0, -2.0), read);
  }

  @Test
  void aNeuronActiveOnlyOnTheLastRowIsAliveAndTheDeadOnesCostEveryRow() {
    List<Double> read = new ArrayList<>();
    assertArrayEquals(new boolean[] {false, false, false, false}, scan(new double[] {-2, -1, 0.5, 3, 20}, unknown(), read));
    assertEquals(List.of(-2.0, -1.0, 0.5, 3.0, 20.0), read);
    read.clear();
    // without x = 20, z = x - 10 and z = x - 3 (maximum exactly 0) never exceed 0: dead
    assertArrayEquals(new boolean[] {true, false, false, true}, scan(new double[] {-2, -1, 0.5, 3}, unknown(), read));
    assertEquals(4, read.size());
  }

  @Test
  void chunksSplitTheScannedRowsEvenlyAndNeverFewerThanTheProbeOrTheMinimum() {
    // 544 rows beside a probe of 256: two chunks of 272 (fixed chunks of 256 would scan 768 rows)
    assertEquals(272, DeathScan.chunkRows(256, 544));
    assertEquals(256, DeathScan.chunkRows(256, 512), "an exact multiple keeps the probe's size, and its buffers");
    assertEquals(100, DeathScan.chunkRows(256, 100), "fewer rows than a chunk: one chunk of them all");
    assertEquals(1, DeathScan.chunkRows(256, 0));
    assertEquals(DeathScan.MIN_CHUNK, DeathScan.chunkRows(8, 4 * DeathScan.MIN_CHUNK));
    assertEquals(2147483647 / 8388607 + 1, DeathScan.chunkRows(256, Integer.MAX_VALUE), "no overflow");
    assertEquals(300, DeathScan.chunkRows(300), "a varying count: the probe's size");
    for (int probe : new int[] {1, 64, 256, 300, 1000}) {
      for (int rows = 1; rows <= 5000; rows += 7) {
        int chunk = DeathScan.chunkRows(probe, rows);
        int chunks = (rows + chunk - 1) / chunk;
        int target = Math.max(probe, DeathScan.MIN_CHUNK);
        assertEquals(true, chunk >= Math.min(rows, target), probe + "/" + rows + ": chunk " + chunk);
        assertEquals(true, chunks * chunk - rows < chunks, probe + "/" + rows + ": at most one unused row per chunk");
      }
    }
  }
}
