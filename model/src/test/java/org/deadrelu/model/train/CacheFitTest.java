package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

/** Population sizes that keep the widest [P, batch, width] float buffer within 512 KiB. */
class CacheFitTest {
  private static int population(int batch, List<Integer> hidden) {
    return CacheFit.population(TrialConfig.builder().set(HIDDEN, hidden).set(BATCH_SIZE, batch).build());
  }

  @Test
  void theBenchmarkReferencesGetThePopulationsThatRanFastest() {
    // 512 KiB / (4 B x 256 rows x 64) = 8; / (4 x 128 x 128) = 8; / (4 x 64 x 32) = 64
    assertEquals(8, population(256, List.of(64, 64)));
    assertEquals(8, population(128, List.of(128)));
    assertEquals(64, population(64, List.of(32)));
  }

  @Test
  void theWidestLayerDecidesAndANetworkTooWideForTheCacheTrainsAlone() {
    assertEquals(2, population(64, List.of(8, 1024, 8))); // 512 KiB / (4 x 64 x 1024)
    assertEquals(1, population(512, List.of(4096)));
    assertEquals(131072, population(1, List.of(1))); // 512 KiB / 4 B
  }
}
