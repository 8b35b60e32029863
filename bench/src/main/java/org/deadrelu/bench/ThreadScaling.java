package org.deadrelu.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ceiling for Spark's local[2] against local[1]: the engine's training loop on reference (a), a
 * population of P alone on one thread, then two such populations on two threads at once, no Spark,
 * no probing, no tables. Whatever two cores give here (shared caches, memory bandwidth, a host's
 * other tenants) bounds what two Spark tasks can give.
 */
final class ThreadScaling {
  private ThreadScaling() {}

  /** {@code --threads P STEPS ROUNDS}; replies one line per round: "threads ONE_US TWO_US" (us per network-step). */
  static void main(String[] a) throws Exception {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int population = Integer.parseInt(a[0]);
    int steps = Integer.parseInt(a[1]);
    int rounds = Integer.parseInt(a[2]);
    Nd4j.getExecutioner().setProfilingMode(ProfilingMode.DISABLED);
    RefConfig.Data data = RefConfig.A.data();
    EngineVariant[] v = {new EngineVariant(RefConfig.A, data, population), new EngineVariant(RefConfig.A, data, population)};
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      train(v[0], steps); // warm-up: JIT and first-touch of every buffer
      pool.submit(() -> train(v[1], steps)).get();
      for (int r = 0; r < rounds; r++) {
        double one = train(v[0], steps);
        long t0 = System.nanoTime();
        Future<Double> f0 = pool.submit(() -> train(v[0], steps));
        Future<Double> f1 = pool.submit(() -> train(v[1], steps));
        f0.get();
        f1.get();
        // two populations' network-steps in the wall time of both
        double two = (System.nanoTime() - t0) / 1e3 / (2.0 * steps * population);
        reply.printf(Locale.ROOT, "@@threads %.2f %.2f%n", one, two);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Microseconds per network-step of {@code steps} training steps. */
  private static double train(EngineVariant v, int steps) {
    v.reset();
    long t0 = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      v.step();
    }
    return (System.nanoTime() - t0) / 1e3 / ((double) steps * v.networks());
  }
}
