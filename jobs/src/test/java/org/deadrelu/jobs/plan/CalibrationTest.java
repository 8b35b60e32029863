package org.deadrelu.jobs.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void theReferencesSeparateGemmFromTheRest() {
    Work small = Calibration.work(SweepLoader.load("s.yaml", Calibration.SMALL).expand());
    Work wide = Calibration.work(SweepLoader.load("w.yaml", Calibration.WIDE).expand());
    double smallShare = small.gemm() / (small.gemm() + small.rest());
    double wideShare = wide.gemm() / (wide.gemm() + wide.rest());
    assertTrue(smallShare < 0.3 && wideShare > 0.6, "gemm shares " + smallShare + ", " + wideShare);
  }

  @Test
  void theFittedSpeedReproducesTheReferencesItWasTimedOn() {
    Calibration c = Calibration.measure(0.2);
    assertTrue(c.rounds() >= Calibration.MIN_ROUNDS, "rounds " + c.rounds());
    assertTrue(c.smallSeconds() > 0 && c.wideSeconds() > 0 && c.seconds() >= c.smallSeconds() + c.wideSeconds(), c.toString());
    List<TrialConfig> small = SweepLoader.load("s.yaml", Calibration.SMALL).expand();
    List<TrialConfig> wide = SweepLoader.load("w.yaml", Calibration.WIDE).expand();
    MachineSpeed s = c.speed();
    if (s.gemm() != s.rest()) {
      // the exact solution: each reference's modelled work at the speed is its measured time
      assertEquals(c.smallSeconds(), s.seconds(Calibration.work(small)), 1e-9 * c.smallSeconds());
      assertEquals(c.wideSeconds(), s.seconds(Calibration.work(wide)), 1e-9 * c.wideSeconds());
    } else {
      // one factor: the two references' time together
      assertEquals(c.smallSeconds() + c.wideSeconds(),
          s.seconds(Calibration.work(small)) + s.seconds(Calibration.work(wide)), 1e-9 * c.seconds());
    }
  }
}
