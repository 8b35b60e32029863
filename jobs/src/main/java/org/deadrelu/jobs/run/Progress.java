package org.deadrelu.jobs.run;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Trials done / total, rate, ETA, diverged and failed counts, printed on the driver while a sweep
 * runs. Counts come from accumulators that tasks update as each trial ends (a retried task may
 * count twice here; the tables never do).
 */
public final class Progress implements AutoCloseable {
  final LongAccumulator done;
  final LongAccumulator diverged;
  final LongAccumulator failed;
  private final int total;
  private final long started = System.nanoTime();
  private final PrintStream out;
  private final Thread printer;

  public Progress(SparkContext sc, int total, int everySeconds, PrintStream out) {
    this.done = sc.longAccumulator("trials done");
    this.diverged = sc.longAccumulator("trials diverged");
    this.failed = sc.longAccumulator("trials failed");
    this.total = total;
    this.out = out;
    this.printer = new Thread(() -> loop(everySeconds), "deadrelu-progress");
    printer.setDaemon(true);
    if (everySeconds > 0 && total > 0) {
      printer.start();
    }
  }

  private void loop(int everySeconds) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(everySeconds * 1000L);
        out.println(line());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String line() {
    long n = Math.min(done.value(), total);
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = n / Math.max(seconds, 1e-9);
    String eta = n == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (total - n) / rate);
    return String.format(Locale.ROOT,
        "progress: %d/%d trials (%.0f%%), %.2f trials/s, ETA %s, diverged %d, failed %d",
        n, total, 100.0 * n / Math.max(total, 1), rate, eta, diverged.value(), failed.value());
  }

  @Override
  public void close() {
    printer.interrupt();
  }
}
