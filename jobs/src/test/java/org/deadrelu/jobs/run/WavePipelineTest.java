package org.deadrelu.jobs.run;

import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wave's slowest shard does not keep the other core waiting: on local[2], waves of one cheap and
 * one costly trial (a shard each), the next wave's first task starts while the costly one of the
 * wave before still runs, as Spark's own task times show; and every trial is committed once.
 */
class WavePipelineTest {
  static final String SWEEP = """
      name: pipeline
      data: {source: blobs, samples: 200, classes: 2, features: 3}
      train: {steps: 300, batch_size: 16, lr: 0.05}
      probe: {every: 300, samples: 16}
      seeds: 4
      grid:
        hidden: [[4], [128, 128, 128]]
      """;

  @TempDir Path out;

  /** First task launch and last task end of each job, by job id, in ms. */
  private static final class TaskSpans extends SparkListener {
    final Map<Integer, Integer> jobOfStage = new ConcurrentHashMap<>();
    final Map<Integer, long[]> spanOfJob = new ConcurrentHashMap<>();
    volatile int ended;

    @Override
    public void onJobStart(SparkListenerJobStart e) {
      for (Object stage : scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())) {
        jobOfStage.put((Integer) stage, e.jobId());
      }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
      long[] span = spanOfJob.computeIfAbsent(jobOfStage.get(e.stageId()), j -> new long[] {Long.MAX_VALUE, 0});
      span[0] = Math.min(span[0], e.taskInfo().launchTime());
      span[1] = Math.max(span[1], e.taskInfo().finishTime());
      ended++;
    }
  }

  @Test
  void theNextWavesShardsRunWhileAWavesStragglerFinishes() throws Exception {
    List<TrialConfig> all = SweepLoader.load("pipeline.yaml", SWEEP).expand();
    List<TrialConfig> cheap = all.stream().filter(t -> t.get(HIDDEN).size() == 1).toList();
    List<TrialConfig> costly = all.stream().filter(t -> t.get(HIDDEN).size() == 3).toList();
    List<TrialConfig> paired = new ArrayList<>();
    for (int i = 0; i < cheap.size(); i++) {
      paired.add(cheap.get(i));
      paired.add(costly.get(i));
    }
    SparkSession spark = SparkTestSession.get();
    TaskSpans spans = new TaskSpans();
    spark.sparkContext().addSparkListener(spans);
    try {
      SweepReport r = new SweepRunner(spark, new PrintStream(System.out))
          .run("pipeline", paired, SweepOptions.of(out.toString(), 1, 2), SWEEP);
      assertEquals(8, r.ran());
      for (long wait = 0; spans.ended < 8 && wait < 10_000; wait += 50) {
        Thread.sleep(50); // the listener bus delivers events asynchronously
      }
    } finally {
      spark.sparkContext().removeSparkListener(spans);
    }
    assertEquals(8, spans.ended, "four waves of two shards");
    List<long[]> waves = new ArrayList<>(new TreeMap<>(spans.spanOfJob).values());
    assertEquals(4, waves.size());
    int overlapping = 0;
    for (int k = 0; k + 1 < waves.size(); k++) {
      overlapping += waves.get(k + 1)[0] < waves.get(k)[1] ? 1 : 0;
    }
    assertTrue(overlapping >= 1, "no wave's tasks started before the wave before it ended");
    try (DuckDb duck = new DuckDb(out.resolve("pipeline"))) {
      assertEquals(8, duck.count("SELECT count(*) FROM trials"));
      assertEquals(8, duck.count("SELECT count(DISTINCT trial_id) FROM trials"));
      // checkpoints 0 and 300: 2 x (4 + 2) neurons per cheap trial, 2 x (3 x 128 + 2) per costly one
      assertEquals(4 * 12 + 4 * 772, duck.count("SELECT count(*) FROM neurons"));
      assertEquals(4 * 12 + 4 * 772, duck.count("SELECT count(DISTINCT (trial_id, step, layer, neuron)) FROM neurons"));
    }
    assertTrue(Files.notExists(out.resolve("pipeline/_deadrelu/incoming")) || isEmpty(out.resolve("pipeline/_deadrelu/incoming")),
        "every wave's incoming folder is gone");
  }

  private static boolean isEmpty(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
