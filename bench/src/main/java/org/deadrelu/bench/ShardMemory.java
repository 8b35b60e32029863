package org.deadrelu.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An executor's work on one shard, without Spark: TRIALS reference-(a) trials from the Spark
 * section's sweep, trained as one population by {@link ShardTrainer} exactly as a Spark task does
 * (training, probes at every checkpoint, the outputs kept until the shard ends), in a JVM of its own;
 * replies its peak resident size (VmHWM).
 */
final class ShardMemory {
  private ShardMemory() {}

  /** {@code --shard-memory TRIALS STEPS}; replies "shard-memory TRIALS OK SECONDS VMHWM_KB VMRSS_KB". */
  static void main(String[] a) throws IOException {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int trials = Integer.parseInt(a[0]);
    int steps = Integer.parseInt(a[1]);
    Nd4j.getExecutioner().setProfilingMode(ProfilingMode.DISABLED);
    List<TrialConfig> shard = SweepLoader.load("shard.yaml", SparkRun.sweepText("bench-shard", trials, steps)).expand();
    long t0 = System.nanoTime();
    List<TrialOutput> out = new ShardTrainer(new Trainer(), path -> {
      throw new IllegalStateException("no data files in this sweep");
    }, shard.size()).train(shard);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long ok = out.stream().filter(o -> o.summary().status() == TrialStatus.OK).count();
    reply.printf(Locale.ROOT, "@@shard-memory %d %d %.2f %d %d%n", out.size(), ok, seconds, status("VmHWM:"), status("VmRSS:"));
  }

  private static long status(String key) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith(key)) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
