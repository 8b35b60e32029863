package org.deadrelu.jobs.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;

/**
 * A claim's sweep file from sweeps/, scaled down (fewer seeds, and whatever else the caller
 * shrinks) and trained in-process with the same engine a sweep uses, for the test suite.
 */
final class ClaimRun {
  private ClaimRun() {}

  static List<TrialOutput> run(String sweep, int seeds, UnaryOperator<TrialConfig.Builder> shrink) throws IOException {
    Path file = Path.of("..", "sweeps", sweep + ".yaml");
    List<TrialConfig> trials = SweepLoader.load(file.toString(), Files.readString(file)).expand().stream()
        .filter(t -> t.seed() < seeds)
        .map(t -> shrink.apply(t.toBuilder()).build())
        .toList();
    return new ShardTrainer(new Trainer(), p -> null, 64).train(trials);
  }

  static Stream<TrialOutput> where(List<TrialOutput> out, java.util.function.Predicate<TrialConfig> p) {
    return out.stream().filter(o -> p.test(o.config()));
  }

  static double mean(Stream<Double> values) {
    return values.mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
