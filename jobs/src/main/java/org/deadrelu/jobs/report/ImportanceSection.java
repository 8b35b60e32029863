package org.deadrelu.jobs.report;

import static org.deadrelu.jobs.report.HtmlPage.fmt;
import static org.deadrelu.jobs.report.ReportFiles.orNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Random-forest importance of each swept setting for the final dead fraction. Written as importance/. */
final class ImportanceSection {
  private List<Importance.Feature> features = List.of();

  /** {@code okDead}: the ok trials with a dead fraction. */
  ImportanceSection(ReportData data, Dataset<Row> okDead, List<String> notes) {
    try {
      features = Importance.of(data, okDead, data.modelAxes(), "dead_fraction", 7);
    } catch (Exception e) {
      notes.add("importance: the forest could not be fitted (" + Report.firstLine(e) + ")");
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
    if (features.isEmpty()) {
      html.p("Not enough trials or no swept settings.");
      return;
    }
    Importance.Feature first = features.get(0);
    html.p(String.format(Locale.ROOT, "Random forest (100 trees) feature importances; out-of-sample R^2 = %s on %d held-out "
        + "trials (trained on %d). Trust the ranking only as far as R^2 is high.", fmt(first.r2OutOfSample()), first.testRows(),
        first.trainRows()));
    html.img(Charts.dataUri(Charts.bars("Random-forest importance", "importance",
        features.stream().map(Importance.Feature::feature).toList(),
        features.stream().map(Importance.Feature::importance).toList(), null)), "importance");
  }
}
