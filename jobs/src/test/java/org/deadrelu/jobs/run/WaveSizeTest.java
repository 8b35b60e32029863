package org.deadrelu.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many trials a wave commits: the option, else about a minute of work per core by the plan. */
class WaveSizeTest {
  private static SweepOptions defaults() {
    return SweepOptions.of("out", 64, 0);
  }

  @Test
  void anExplicitWaveSizeIsKept() {
    assertEquals(12, SweepOptions.of("out", 64, 12).commitEvery(2, 0.001));
  }

  @Test
  void tinyTrialsFillAMinutePerCoreUpToTheCap() {
    // 0.05 core-seconds per trial: 60 s x 2 cores holds 2,400 of them
    assertEquals(2400, defaults().commitEvery(2, 0.05));
    assertEquals(SweepOptions.MAX_WAVE_TRIALS, defaults().commitEvery(2, 0.0001));
  }

  @Test
  void costlyOrUnknownTrialsKeepTheFloorOf64Or16PerCore() {
    assertEquals(64, defaults().commitEvery(2, 30.0));
    assertEquals(64, defaults().commitEvery(2, Double.NaN));
    assertEquals(16 * 8, defaults().commitEvery(8, 30.0));
  }
}
