package org.deadrelu.jobs.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MachineSpeedTest {
  @Test
  void secondsWeighTheGemmAndTheRestByTheirOwnFactors() {
    // 0.5 s of gemm at 3x and 0.25 s of the rest at 2x: 1.5 + 0.5
    assertEquals(2.0, new MachineSpeed(3, 2).seconds(new Work(0.5, 0.25)), 1e-12);
    assertEquals(0.75, MachineSpeed.REFERENCE.seconds(new Work(0.5, 0.25)), 1e-12);
  }

  @Test
  void twoRunsOfDifferentGemmSharesGiveBackTheFactorsThatTimedThem() {
    Work small = new Work(0.02, 0.08);
    Work wide = new Work(0.042, 0.022);
    // timed on a machine 4.5x slower at gemm and 2.25x at the rest
    double smallSeconds = 4.5 * 0.02 + 2.25 * 0.08;
    double wideSeconds = 4.5 * 0.042 + 2.25 * 0.022;
    MachineSpeed s = MachineSpeed.fit(small, smallSeconds, wide, wideSeconds);
    assertEquals(4.5, s.gemm(), 1e-9);
    assertEquals(2.25, s.rest(), 1e-9);
    // and the order of the runs does not matter
    MachineSpeed swapped = MachineSpeed.fit(wide, wideSeconds, small, smallSeconds);
    assertEquals(4.5, swapped.gemm(), 1e-9);
    assertEquals(2.25, swapped.rest(), 1e-9);
  }

  @Test
  void runsThatCannotSeparateTheFactorsGiveOneForBoth() {
    // the same gemm share: any split fits, so one factor, measured over modelled: 0.9 / 0.3
    MachineSpeed alike = MachineSpeed.fit(new Work(0.1, 0.1), 0.6, new Work(0.05, 0.05), 0.3);
    assertEquals(3.0, alike.gemm(), 1e-9);
    assertEquals(3.0, alike.rest(), 1e-9);
    // a noisy pair whose exact solution has a negative factor: the gemm-heavy run took less time than
    // the rest of its work alone would at the other run's pace
    MachineSpeed noisy = MachineSpeed.fit(new Work(0.02, 0.08), 0.4, new Work(0.06, 0.01), 0.04);
    assertEquals((0.4 + 0.04) / (0.02 + 0.08 + 0.06 + 0.01), noisy.gemm(), 1e-9);
    assertEquals(noisy.gemm(), noisy.rest(), 1e-12);
  }

  @Test
  void aSpeedMustBePositiveAndFinite() {
    assertThrows(IllegalArgumentException.class, () -> new MachineSpeed(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MachineSpeed(1, -2));
    assertThrows(IllegalArgumentException.class, () -> new MachineSpeed(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new MachineSpeed(1, Double.POSITIVE_INFINITY));
  }
}
