package org.deadrelu.jobs.report;

import static org.deadrelu.jobs.report.HtmlPage.fmt;
import static org.deadrelu.jobs.report.ReportFiles.orNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Random-forest importance of each swept setting for the final dead fraction. Written as importance/. */
final class ImportanceSection {
  private List<Importance.Feature> features = List.of();
  /** Why there is no ranking; null when there is one. */
  private String skipped;
  private final List<String> merged = new ArrayList<>();

  /** {@code okDead}: the ok trials with a dead fraction. */
  ImportanceSection(ReportData data, List<Row> okDead, List<String> notes) {
    List<List<String>> groups = Dependence.groups(data, data.modelAxes());
    for (List<String> g : groups) {
      if (g.size() > 1) {
        merged.add(Dependence.describe(data, g) + ": one feature, " + String.join("/", g));
      }
    }
    int config = data.index("config_id");
    long configs = okDead.stream().map(r -> r.getString(config)).distinct().count();
    if (configs < Importance.MIN_CONFIGURATIONS) {
      skipped = String.format(Locale.ROOT, "Not computed: %d configurations with an ok trial, fewer than %d. A forest over k "
          + "configurations only sees k cell means, so any setting that tells them apart takes the credit, and its R^2 on "
          + "held-out configurations (a quarter: at least 5 of 20) is the only check of the ranking.", configs,
          Importance.MIN_CONFIGURATIONS);
    } else if (groups.size() < 2) {
      skipped = "Not computed: fewer than two settings that are not functions of each other are swept.";
    } else {
      try {
        features = Importance.of(data, okDead, groups, "dead_fraction", 7);
      } catch (Exception e) {
        notes.add("importance: the forest could not be fitted (" + Report.firstLine(e) + ")");
        skipped = "The forest could not be fitted.";
      }
    }
    for (String m : merged) {
      notes.add("importance: " + m);
    }
  }

  void write(ReportFiles files) {
    List<Row> rows = new ArrayList<>();
    for (Importance.Feature f : features) {
      rows.add(RowFactory.create(f.feature(), f.importance(), orNull(f.r2OutOfSample()), f.trainRows(), f.testRows()));
    }
    files.parquet("importance", ReportFiles.schema("feature:string", "importance:double", "r2_out_of_sample:double",
        "train_rows:long", "test_rows:long"), rows);
  }

  void html(HtmlPage html) {
    html.h2("Importance of the settings for the final dead fraction");
    for (String m : merged) {
      html.p("Merged: " + m + " (its parts cannot be credited separately).");
    }
    if (features.isEmpty()) {
      html.p(skipped == null ? "No swept settings." : skipped);
      return;
    }
    Importance.Feature first = features.get(0);
    html.p(String.format(Locale.ROOT, "Random forest (100 trees) feature importances; out-of-sample R^2 = %s on %d trials of "
        + "held-out configurations (trained on %d). Trust the ranking only as far as R^2 is high.", fmt(first.r2OutOfSample()),
        first.testRows(), first.trainRows()));
    Plot plot = Plot.bars("importance", "Random-forest importance for the final dead fraction", "importance");
    for (Importance.Feature f : features) {
      plot.row(f.feature(), f.importance());
    }
    html.chart(plot);
  }
}
