package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.HIDDEN;

import org.deadrelu.model.config.TrialConfig;

/**
 * The largest population whose training step keeps its widest activation buffer, [P, batch,
 * width] in float, within {@link #BYTES}: half of a 1 MiB per-core L2 cache (AMD Zen 4, Intel
 * Skylake-SP and later), since a step streams several such buffers (z, f'(z), dz, the next layer's
 * input) forward and back. Past it, each network's step can get slower, not faster: the
 * benchmark's references (a) (16-64-64-1, batch 256) and (b) (64-128-10, batch 128), whose buffers
 * reach 512 KiB at P = 8, train fastest per network there of the populations it times; the tiny
 * (c) (8-32-1, batch 64), whose buffer reaches it at P = 64, still gains beyond, so the bound is a
 * rule for the larger shapes, where it matters (docs/performance.md, docs/design.md). Bigger
 * shards train as several populations in turn; a trial's results do not depend on which.
 */
public final class CacheFit {
  /** Widest activation buffer of a population, bytes. */
  static final long BYTES = 512 * 1024;

  private CacheFit() {}

  /** Most trials like {@code c} to train as one population, at least 1. */
  public static int population(TrialConfig c) {
    long width = 1;
    for (int w : c.get(HIDDEN)) {
      width = Math.max(width, w);
    }
    long perNetwork = Float.BYTES * Math.max(1L, c.get(BATCH_SIZE)) * width;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, BYTES / perNetwork));
  }
}
