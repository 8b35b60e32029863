package org.deadrelu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long cores sat idle during a sweep, from Spark's own event log (spark.eventLog.enabled): the
 * launch and finish of every task of the sweep's waves (jobs described "wave ..."), and the application's cores (local[N], or the executors' cores on a
 * cluster). The share that matters for wave barriers is the idle core time while tasks were still to
 * be launched, from the first task's launch to the last one's: idle cores then waited for work that
 * existed. After the last launch the sweep drains, and some cores must idle whatever the scheduler.
 *
 * @param tasks task attempts that ended
 * @param cores cores the application had
 * @param jobs the waves' Spark jobs
 * @param whileWorkRemained idle core share from the first launch to the last launch
 * @param overall idle core share from the first launch to the last finish (the drain included)
 * @param spanSeconds first launch to last finish
 */
record IdleCores(int tasks, int cores, int jobs, double whileWorkRemained, double overall, double spanSeconds) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads an event log: a file, or a folder of rolling parts ({@code events_<n>_...}), or a folder holding one application's log. */
  static IdleCores read(Path log) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path p : parts(log)) {
      // Spark 4 compresses its event logs with zstd unless spark.eventLog.compress=false
      try (java.io.InputStream raw = Files.newInputStream(p);
          java.io.InputStream in = p.toString().endsWith(".zstd") ? new com.github.luben.zstd.ZstdInputStream(raw) : raw;
          java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
        r.lines().forEach(lines::add);
      }
    }
    List<long[]> spans = new ArrayList<>();
    int cores = 0;
    int localCores = 0;
    int jobs = 0;
    java.util.Set<Integer> waveStages = new java.util.HashSet<>();
    for (String line : lines) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException cutShort) {
        continue;
      }
      switch (e.path("Event").asText()) {
        case "SparkListenerTaskEnd" -> {
          if (waveStages.contains(e.path("Stage ID").asInt())) {
            JsonNode info = e.path("Task Info");
            spans.add(new long[] {info.path("Launch Time").asLong(), info.path("Finish Time").asLong()});
          }
        }
        case "SparkListenerExecutorAdded" -> cores += e.path("Executor Info").path("Total Cores").asInt();
        case "SparkListenerJobStart" -> {
          // only the waves' jobs: not the data loading before them, nor the summary read after
          if (e.path("Properties").path("spark.job.description").asText("").startsWith("wave ")) {
            jobs++;
            e.path("Stage IDs").forEach(id -> waveStages.add(id.asInt()));
          }
        }
        case "SparkListenerEnvironmentUpdate" -> {
          String master = e.path("Spark Properties").path("spark.master").asText("");
          if (master.isEmpty()) { // Spark writes the properties as [key, value] pairs in some versions
            for (JsonNode pair : e.path("Spark Properties")) {
              if (pair.isArray() && pair.path(0).asText().equals("spark.master")) {
                master = pair.path(1).asText();
              }
            }
          }
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+)]").matcher(master);
          if (m.matches()) {
            localCores = Integer.parseInt(m.group(1));
          }
        }
        default -> { }
      }
    }
    int n = localCores > 0 ? localCores : cores;
    if (spans.isEmpty() || n == 0) {
      throw new IOException("event log " + log + ": " + spans.size() + " tasks, " + n + " cores: nothing to measure");
    }
    long first = spans.stream().mapToLong(s -> s[0]).min().orElseThrow();
    long lastLaunch = spans.stream().mapToLong(s -> s[0]).max().orElseThrow();
    long lastFinish = spans.stream().mapToLong(s -> s[1]).max().orElseThrow();
    return new IdleCores(spans.size(), n, jobs, idle(spans, n, first, lastLaunch), idle(spans, n, first, lastFinish),
        (lastFinish - first) / 1e3);
  }

  /** Idle core share over [from, to]: 1 - (task time inside it) / (cores x its length). */
  private static double idle(List<long[]> spans, int cores, long from, long to) {
    if (to <= from) {
      return 0;
    }
    long busy = 0;
    for (long[] s : spans) {
      busy += Math.max(0, Math.min(s[1], to) - Math.max(s[0], from));
    }
    return 1 - (double) busy / ((double) cores * (to - from));
  }

  private static List<Path> parts(Path log) throws IOException {
    if (!Files.isDirectory(log)) {
      return List.of(log);
    }
    try (Stream<Path> s = Files.walk(log)) {
      List<Path> files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().startsWith("appstatus"))
          .sorted(Comparator.comparingInt(IdleCores::partNumber).thenComparing(Path::toString)).toList();
      if (files.isEmpty()) {
        throw new IOException("event log folder " + log + " holds no log");
      }
      return files;
    }
  }

  /** {@code IdleCores EVENT_LOG...}: the figures of each log, one line each. */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      IdleCores c = read(Path.of(a));
      System.out.printf(java.util.Locale.ROOT, "%s: %d tasks in %d jobs on %d cores over %.1f s; idle while work remained"
          + " %.1f%%, overall %.1f%%%n", a, c.tasks(), c.jobs(), c.cores(), c.spanSeconds(), 100 * c.whileWorkRemained(),
          100 * c.overall());
    }
  }

  private static int partNumber(Path p) {
    String[] parts = p.getFileName().toString().split("_");
    return parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
  }
}
