package org.deadrelu.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ceiling for Spark's local[2] against local[1], in three layers, each alone on one thread and
 * then twice on two threads at once: the engine's training loop on reference (a) (a population of P,
 * no Spark, no probing, no tables); a one-core single-precision gemm of n x n, the arithmetic that
 * dominates that loop; and an integer loop that touches no memory. Whatever two cores give here
 * (shared caches, shared vector units, clock limits, a host's other tenants) bounds what two Spark
 * tasks can give, and the integer loop tells the cores' own scaling apart from their vector units'.
 */
final class ThreadScaling {
  private ThreadScaling() {}

  /** Sizes of the one-core gemm: in a core's private L2 (128: 64 KB a matrix) and at its edge (256: 256 KB). */
  private static final int[] GEMM_SIZES = {128, 256};
  private static final long INTEGER_ITERATIONS = 200_000_000L;

  /**
   * {@code --threads P STEPS ROUNDS}; replies per round "threads ONE_US TWO_US" (us per network-step),
   * "gemm N ONE_S TWO_S" per size, "trials ONE_WALL ONE_CPU TWO_WALL CPU_A CPU_B PROCESS_CPU" (128 of
   * e2e-1's trials: alone, then two at once with each thread's CPU and the whole JVM's) and "integer
   * ONE_S TWO_S" (the wall time of one run alone, and of two at once).
   */
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
      for (int n : GEMM_SIZES) {
        // about 0.5 s of gemm alone: 2 n^3 flops at ~80 GFLOP/s
        int reps = (int) Math.max(10, 40e9 / (2.0 * n * n * n));
        Gemm[] g = {new Gemm(n), new Gemm(n)};
        g[0].run(reps / 4);
        pool.submit(() -> g[1].run(reps / 4)).get();
        for (int r = 0; r < rounds; r++) {
          double one = g[0].run(reps);
          double two = twice(pool, () -> g[0].run(reps), () -> g[1].run(reps));
          reply.printf(Locale.ROOT, "@@gemm %d %.4f %.4f%n", n, one, two);
        }
      }
      // whole trials as a Spark task trains them (e2e-1's, probing included): with the time of each
      // task's own thread and of the whole JVM, so the pair's loss splits into the tasks' own slowdown
      // and the CPU the JVM's other threads (GC, JIT, deallocators) took from them
      List<TrialConfig> trials = SweepLoader.load("e2e-1.yaml", EndToEnd.sweepText("e2e-1", 8)).expand();
      trainTrials(trials);
      pool.submit(() -> trainTrials(trials)).get();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int r = 0; r < rounds; r++) {
        long w0 = System.nanoTime();
        double oneCpu = trainTrials(trials);
        double oneWall = (System.nanoTime() - w0) / 1e9;
        long p0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Future<Double> f0 = pool.submit(() -> trainTrials(trials));
        Future<Double> f1 = pool.submit(() -> trainTrials(trials));
        double cpu0 = f0.get();
        double cpu1 = f1.get();
        double twoWall = (System.nanoTime() - t0) / 1e9;
        double process = (os.getProcessCpuTime() - p0) / 1e9;
        reply.printf(Locale.ROOT, "@@trials %.4f %.4f %.4f %.4f %.4f %.4f%n", oneWall, oneCpu, twoWall, cpu0, cpu1, process);
      }
      integer(INTEGER_ITERATIONS / 10);
      pool.submit(() -> integer(INTEGER_ITERATIONS / 10)).get();
      for (int r = 0; r < rounds; r++) {
        double one = integer(INTEGER_ITERATIONS);
        double two = twice(pool, () -> integer(INTEGER_ITERATIONS), () -> integer(INTEGER_ITERATIONS));
        reply.printf(Locale.ROOT, "@@integer %.4f %.4f%n", one, two);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Seconds of wall time for both tasks, started together on the pool's two threads. */
  private static double twice(ExecutorService pool, Callable<Double> a, Callable<Double> b) throws Exception {
    long t0 = System.nanoTime();
    Future<Double> fa = pool.submit(a);
    Future<Double> fb = pool.submit(b);
    fa.get();
    fb.get();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** C = A B in single precision, preallocated, through ND4J's BLAS on one thread. */
  private static final class Gemm {
    private final INDArray a;
    private final INDArray b;
    private final INDArray c;

    Gemm(int n) {
      a = Nd4j.rand(DataType.FLOAT, n, n);
      b = Nd4j.rand(DataType.FLOAT, n, n);
      c = Nd4j.create(DataType.FLOAT, n, n);
    }

    /** Seconds for {@code reps} products. */
    double run(int reps) {
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /**
   * Seconds for {@code n} rounds of eight interleaved integer chains in registers: no memory, no
   * vector units, so two cores that are truly two give twice the throughput here.
   */
  private static double integer(long n) {
    long t0 = System.nanoTime();
    long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
    for (long i = 0; i < n; i++) {
      a += i;
      b ^= i;
      c += a;
      d ^= b;
      e += i ^ c;
      f += d;
      g ^= e;
      h += f;
      a ^= h >>> 3;
      b += g >>> 5;
    }
    if ((a ^ b ^ c ^ d ^ e ^ f ^ g ^ h) == 42) {
      System.err.println(); // keeps the loop from being optimized away
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** CPU seconds of the calling thread to train the trials as a task does (shards of 16). */
  private static double trainTrials(List<TrialConfig> trials) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    new ShardTrainer(new Trainer(), f -> null, 16).train(trials);
    return (mx.getCurrentThreadCpuTime() - c0) / 1e9;
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
