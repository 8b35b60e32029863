package org.deadrelu.bench;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.STEPS;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.train.Trainer;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The online role, reference (d) as a user runs it: slowly-changing regression (the paper's 20 bits,
 * 15 slow, redrawn every 10,000 steps) learned online by 20-5-1 ReLU networks, plain SGD at lr 0.01,
 * batch 1, through the engine's {@code Trainer} as the executors run it: the stream drawn from each
 * trial's seed, the online error binned every 100 steps, checkpoints on a geometric schedule (death on
 * the current task's inputs and every earlier task's). One population of P trials (seeds 0..P-1).
 */
final class OnlineStream {
  private OnlineStream() {}

  /** {@code --online STEPS P}: an untimed run of a tenth of the steps, then the timed one; replies its seconds. */
  static void main(String[] a) {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Nd4j.getExecutioner().setProfilingMode(ProfilingMode.DISABLED);
    int steps = Integer.parseInt(a[0]);
    int population = Integer.parseInt(a[1]);
    List<TrialConfig> warm = trials(population, Math.max(1000, steps / 10));
    List<TrialConfig> timed = trials(population, steps);
    Dataset data = DatasetFactory.build(timed.get(0), null);
    Trainer trainer = new Trainer();
    trainer.train(warm, data);
    long start = System.nanoTime();
    trainer.train(timed, data);
    double seconds = (System.nanoTime() - start) / 1e9;
    reply.printf(Locale.ROOT, "@@online %d %d %.4f %.4f%n", population, steps, seconds,
        seconds / ((double) population * steps) * 1e6);
    reply.println("@@done");
  }

  static List<TrialConfig> trials(int population, int steps) {
    List<TrialConfig> t = new ArrayList<>();
    for (int s = 0; s < population; s++) {
      t.add(TrialConfig.builder()
          .set(DATA_SOURCE, DataSourceKind.SLOWLY_CHANGING)
          .set(HIDDEN, List.of(5))
          .set(ACTIVATION, ActivationKind.RELU)
          .set(HEAD, HeadKind.LINEAR)
          .set(OPTIMIZER, OptimizerKind.SGD)
          .set(LR, 0.01)
          .set(BATCH_SIZE, 1)
          .set(STEPS, steps)
          .set(PROBE_EVERY, 1000)
          .set(PROBE_SCHEDULE, "geometric")
          .seed(s)
          .build());
    }
    return t;
  }
}
