package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.Settings;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A pass handed back is reused for the same shape only, zeroed as a new one is, and the pool stays bounded. */
class PassPoolTest {

  private static void fill(Pass p, double v) {
    for (INDArray[] group : new INDArray[][] {p.a, p.z, p.d, p.scratch, p.dz, p.da}) {
      for (INDArray x : group) {
        if (x != null) {
          x.assign(v);
        }
      }
    }
    p.headScratch.assign(v);
    p.perSlice.assign(v);
  }

  private static void assertLikeNew(Pass p) {
    for (INDArray[] group : new INDArray[][] {p.a, p.z, p.d, p.scratch, p.dz, p.da}) {
      for (INDArray x : group) {
        if (x != null) {
          for (double v : x.data().asDouble()) {
            assertEquals(0.0, v);
          }
        }
      }
    }
    for (double v : p.headScratch.data().asDouble()) {
      assertEquals(0.0, v);
    }
    for (double v : p.ones.data().asDouble()) {
      assertEquals(1.0, v);
    }
  }

  @Test
  void aKeptPassComesBackZeroedForItsShapeOnly() throws Exception {
    Thread t = new Thread(() -> {
      int[] sizes = {3, 5, 2};
      Pass first = PassPool.take(4, sizes, 7, DataType.FLOAT);
      fill(first, Double.NaN); // what a diverged population leaves behind
      PassPool.give(List.of(first));
      assertEquals(1, PassPool.kept());
      assertNotSame(first, PassPool.take(4, sizes, 8, DataType.FLOAT), "other rows: a new pass");
      assertNotSame(first, PassPool.take(4, new int[] {3, 6, 2}, 7, DataType.FLOAT), "other widths: a new pass");
      assertNotSame(first, PassPool.take(4, sizes, 7, DataType.DOUBLE), "other type: a new pass");
      Pass again = PassPool.take(4, sizes, 7, DataType.FLOAT);
      assertSame(first, again);
      assertLikeNew(again);
      assertEquals(0, PassPool.kept());
    });
    run(t);
  }

  @Test
  void thePoolKeepsNoMoreThanTheLastPopulationsPasses() throws Exception {
    Thread t = new Thread(() -> {
      Pass big = PassPool.take(8, new int[] {16, 64, 1}, 256, DataType.FLOAT);
      PassPool.give(List.of(big));
      Pass small1 = PassPool.take(2, new int[] {2, 4, 1}, 8, DataType.FLOAT);
      Pass small2 = PassPool.take(2, new int[] {2, 4, 1}, 16, DataType.FLOAT);
      PassPool.give(List.of(small1, small2));
      assertEquals(2, PassPool.kept(), "the big pass is let go: the small population held less");
      assertTrue(big.z[0].wasClosed(), "and its buffers freed at once");
    });
    run(t);
  }

  @Test
  void aTrainedPopulationLeavesItsPassesForTheNextOneOnItsThread() throws Exception {
    // the trainer's side of the pool: without it results would not change, only speed
    Thread t = new Thread(() -> {
      java.util.function.LongFunction<TrialConfig> trial = seed -> TrialConfig.builder()
          .set(Settings.DATA_SOURCE, DataSourceKind.BLOBS).set(Settings.DATA_SAMPLES, 200)
          .set(Settings.HIDDEN, List.of(6, 6)).set(Settings.STEPS, 20).set(Settings.PROBE_EVERY, 10)
          .set(Settings.BATCH_SIZE, 16).set(Settings.PROBE_SAMPLES, 50).seed(seed).build();
      assertEquals(0, PassPool.kept());
      new ShardTrainer(new Trainer(), p -> null, 64).train(List.of(trial.apply(1), trial.apply(2)));
      int kept = PassPool.kept();
      assertTrue(kept >= 2, "the training and probe passes at least, kept " + kept);
      new ShardTrainer(new Trainer(), p -> null, 64).train(List.of(trial.apply(3), trial.apply(4)));
      assertEquals(kept, PassPool.kept(), "and no more after the next population of that shape");
    });
    run(t);
  }

  @Test
  void aHiddenLayersGradientSharesTheBufferOfTheGradientAboveIt() {
    int p = 4;
    int rows = 7;
    Pass pass = new Pass(p, new int[] {3, 5, 4, 2}, rows, DataType.FLOAT);
    assertSame(pass.da[1], pass.dz[0]);
    assertSame(pass.da[2], pass.dz[1]);
    assertNotSame(pass.dz[2], pass.da[2], "the output layer's dz is the head's own");
    // a [3, 5, 4, 2] float pass, each buffer counted once: a, z, d, scratch, the output's dz, da,
    // the head's scratch, the per-network column and the ones
    long floats = (long) p * rows * ((3 + 5 + 4) + (5 + 4 + 2) + (5 + 4) + (5 + 4) + 2 + (5 + 4) + 2) + p + p * rows;
    assertEquals(4 * floats, pass.bytes());
  }

  /** On a thread of its own: the pool is per thread. */
  private static void run(Thread t) throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
    t.start();
    t.join();
    if (failure[0] != null) {
      throw new AssertionError(failure[0]);
    }
  }
}
