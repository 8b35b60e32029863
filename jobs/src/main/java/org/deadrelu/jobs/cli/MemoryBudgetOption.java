package org.deadrelu.jobs.cli;

import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.HIDDEN;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.plan.CostModel;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.model.config.TrialConfig;
import picocli.CommandLine.Option;

/** The memory budget of one Spark task, shared by validate, plan and sweep, and the check against it. */
final class MemoryBudgetOption {
  @Option(names = "--memory-budget-mb", defaultValue = "" + SweepOptions.DEFAULT_MEMORY_BUDGET_MB,
      description = "Most native memory (estimated) one task's population may use (default ${DEFAULT-VALUE}).")
  long memoryBudgetMb;

  /**
   * Refuses a sweep with a trial that does not fit the budget even alone: the planner would still
   * give it a task of its own, and it would fail on the executors after the run has started.
   */
  void check(String sweepFile, List<TrialConfig> trials) {
    if (memoryBudgetMb < 1 || memoryBudgetMb > Long.MAX_VALUE >> 20) {
      throw new UserInputException("--memory-budget-mb " + memoryBudgetMb + ": must be between 1 and "
          + (Long.MAX_VALUE >> 20));
    }
    long budget = memoryBudgetMb << 20;
    List<TrialConfig> over = trials.stream().filter(t -> bytes(t) > budget).toList();
    if (over.isEmpty()) {
      return;
    }
    TrialConfig largest = over.stream().max(Comparator.comparingLong(MemoryBudgetOption::bytes)).get();
    long bytes = bytes(largest);
    String raise = bytes == Long.MAX_VALUE ? "make the network smaller"
        : "make the network smaller, or raise --memory-budget-mb to at least " + ((bytes + (1 << 20) - 1) >> 20)
            + " where the executors have that much native memory";
    throw new UserInputException(String.format(Locale.ROOT, "sweep file %s: trial %s (hidden %s, %s data)"
        + " needs %s of native memory by the planner's estimate, more than the budget of one task"
        + " (--memory-budget-mb %d)%s; %s", sweepFile, largest.trialId(), largest.get(HIDDEN),
        largest.get(DATA_SOURCE).name().toLowerCase(Locale.ROOT), size(bytes), memoryBudgetMb,
        over.size() == 1 ? "" : ", and so do " + (over.size() - 1) + " more of its trials", raise));
  }

  /** The planner's estimate, or Long.MAX_VALUE where its long arithmetic overflowed. */
  static long bytes(TrialConfig t) {
    long b = CostModel.trialBytes(t);
    // a lower bound in floating point: its weights between hidden layers, 4 bytes six times over
    double lower = 0;
    List<Integer> h = t.get(HIDDEN);
    for (int i = 0; i + 1 < h.size(); i++) {
      lower += 24.0 * h.get(i) * h.get(i + 1);
    }
    return b < 0 || lower >= Long.MAX_VALUE || b < lower ? Long.MAX_VALUE : b;
  }

  static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 8 EB";
    }
    String[] units = {"MB", "GB", "TB", "PB", "EB"};
    double v = bytes / (double) (1 << 20);
    int u = 0;
    while (v >= 1024 && u + 1 < units.length) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "about %.0f %s" : "about %.1f %s", v, units[u]);
  }
}
