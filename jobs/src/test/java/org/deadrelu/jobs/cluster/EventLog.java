package org.deadrelu.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Spark itself recorded about an application (spark.eventLog.enabled): every task attempt
 * with its executor and end reason, every executor added or removed. The event log of a killed
 * driver ends mid-line; what was written is read.
 *
 * @param tasks task attempts that ended
 * @param succeeded attempts that ended with Success
 * @param failed attempts that ended otherwise, neither killed nor denied a commit: real failures
 *     (an exception, a lost executor)
 * @param killed attempts killed by Spark (the losing copy of a speculated task, a finished stage)
 * @param commitDenied attempts that finished but were refused the output commit (another attempt
 *     of the same task had it)
 * @param retries attempts with an attempt number above 0 (re-runs of a task, speculative copies)
 * @param speculative attempts launched as speculative copies
 * @param failureReasons end reasons of the failed attempts, counted
 * @param executorsWithTasks executor ids that ran a successful task
 * @param executorsAdded executors registered with the driver
 * @param executorsRemoved executors the driver lost or removed
 * @param failedExceptions exception classes of failed attempts (ExceptionFailure), counted
 */
record EventLog(int tasks, int succeeded, int failed, int killed, int commitDenied, int retries,
    int speculative, Map<String, Integer> failureReasons, Set<String> executorsWithTasks,
    int executorsAdded, int executorsRemoved, Map<String, Integer> failedExceptions) {

  static EventLog read(Path file) throws IOException {
    int tasks = 0;
    int succeeded = 0;
    int failed = 0;
    int killed = 0;
    int denied = 0;
    int retries = 0;
    int speculative = 0;
    int added = 0;
    int removed = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> exceptions = new TreeMap<>();
    Set<String> executors = new TreeSet<>();
    List<String> lines = new java.util.ArrayList<>();
    if (Files.isDirectory(file)) {
      // a rolling event log (Spark 4's default): events_<n>_<app id> files, in order
      try (var parts = Files.list(file)) {
        for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("events_"))
            .sorted(java.util.Comparator.comparingInt(EventLog::partNumber)).toList()) {
          lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
      }
    } else {
      lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    for (String line : lines) {
      JsonNode e;
      try {
        e = Http.JSON.readTree(line);
      } catch (IOException cutShort) {
        continue; // the last line of a killed driver's log
      }
      switch (e.path("Event").asText()) {
        case "SparkListenerTaskEnd" -> {
          tasks++;
          JsonNode info = e.path("Task Info");
          if (info.path("Attempt").asInt() > 0) {
            retries++;
          }
          if (info.path("Speculative").asBoolean()) {
            speculative++;
          }
          String reason = e.path("Task End Reason").path("Reason").asText();
          switch (reason) {
            case "Success" -> {
              succeeded++;
              executors.add(info.path("Executor ID").asText());
            }
            case "TaskKilled" -> killed++;
            case "TaskCommitDenied" -> denied++;
            default -> {
              failed++;
              reasons.merge(reason, 1, Integer::sum);
              if (reason.equals("ExceptionFailure")) {
                exceptions.merge(e.path("Task End Reason").path("Class Name").asText(), 1, Integer::sum);
              }
            }
          }
        }
        case "SparkListenerExecutorAdded" -> added++;
        case "SparkListenerExecutorRemoved" -> removed++;
        default -> { }
      }
    }
    return new EventLog(tasks, succeeded, failed, killed, denied, retries, speculative, reasons,
        executors, added, removed, exceptions);
  }

  private static int partNumber(Path p) {
    String[] parts = p.getFileName().toString().split("_");
    return parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
  }

  static EventLog sum(List<EventLog> logs) {
    int[] n = new int[9];
    Map<String, Integer> reasons = new HashMap<>();
    Map<String, Integer> exceptions = new HashMap<>();
    Set<String> executors = new TreeSet<>();
    for (EventLog l : logs) {
      n[0] += l.tasks;
      n[1] += l.succeeded;
      n[2] += l.failed;
      n[3] += l.killed;
      n[4] += l.commitDenied;
      n[5] += l.retries;
      n[6] += l.speculative;
      n[7] += l.executorsAdded;
      n[8] += l.executorsRemoved;
      l.failureReasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
      l.failedExceptions.forEach((k, v) -> exceptions.merge(k, v, Integer::sum));
      executors.addAll(l.executorsWithTasks);
    }
    return new EventLog(n[0], n[1], n[2], n[3], n[4], n[5], n[6], new TreeMap<>(reasons), executors,
        n[7], n[8], new TreeMap<>(exceptions));
  }

  String figures() {
    return String.format("task attempts %d (succeeded %d, failed %d %s, killed %d, commit denied %d), "
        + "retries %d, speculative %d, executors added %d, removed %d, ran tasks on executors %s",
        tasks, succeeded, failed, failureReasons, killed, commitDenied, retries, speculative,
        executorsAdded, executorsRemoved, executorsWithTasks);
  }
}
