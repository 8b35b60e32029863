package org.deadrelu.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The probe's schedules, against the steps listed by hand. */
class CheckpointsTest {

  @Test
  void everyKStepsWithStepZeroAndTheLast() {
    assertArrayEquals(new int[] {0, 10, 20, 25}, new Checkpoints(25, 10).all());
    assertArrayEquals(new int[] {0, 10, 20, 30}, new Checkpoints(30, 10).all());
    assertArrayEquals(new int[] {0}, new Checkpoints(0, 10).all());
  }

  @Test
  void geometricDoublesFromTheFirstInterval() {
    assertArrayEquals(new int[] {0, 10, 20, 40, 80, 160, 320, 640, 1000}, new Checkpoints(1000, 10, true).all());
    assertArrayEquals(new int[] {0, 1, 2, 4, 8, 16}, new Checkpoints(16, 1, true).all());
    assertArrayEquals(new int[] {0, 7}, new Checkpoints(7, 100, true).all());
    // a million steps from every 100: 0, 100 2^k for k = 0..13 (819,200), and 1,000,000
    assertEquals(16, new Checkpoints(1_000_000, 100, true).count());
    assertArrayEquals(new int[] {0}, new Checkpoints(0, 5, true).all());
  }

  @Test
  void containsAgreesWithTheListAndCountWithItsLength() {
    for (boolean geometric : new boolean[] {false, true}) {
      for (int[] se : new int[][] {{1000, 10}, {1000, 3}, {999, 7}, {16, 1}, {5, 10}, {0, 1}}) {
        Checkpoints c = new Checkpoints(se[0], se[1], geometric);
        int[] all = c.all();
        assertEquals(all.length, c.count(), c.toString());
        int[] contained = IntStream.rangeClosed(0, se[0]).filter(c::contains).toArray();
        assertArrayEquals(all, contained, c.toString());
      }
    }
    assertTrue(new Checkpoints(100, 10, true).contains(80));
    assertFalse(new Checkpoints(100, 10, true).contains(30));
    assertFalse(new Checkpoints(100, 10, true).contains(60));
  }
}
