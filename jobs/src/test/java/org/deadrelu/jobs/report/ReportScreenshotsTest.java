package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures in docs/report.md: sweeps/quickstart.yaml as shipped, its report, and a screenshot
 * of each section (one PNG per h2) in the folder named by -Ddeadrelu.screenshots (scripts/report-screenshots.sh
 * passes docs/report). Off unless that property is set: it rewrites files of the repository.
 */
@EnabledIfSystemProperty(named = "deadrelu.screenshots", matches = ".+")
class ReportScreenshotsTest {
  @TempDir Path tmp;

  @Test
  void screenshotEachSectionOfTheQuickstartReport() throws Exception {
    Path docs = Path.of(System.getProperty("deadrelu.screenshots"));
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    String yaml = Files.readString(root.resolve("sweeps/quickstart.yaml"));
    SparkSession spark = SparkTestSession.get();
    SweepSpec spec = SweepLoader.load("quickstart.yaml", yaml);
    new SweepRunner(spark, new PrintStream(System.out)).run(spec.name(), spec.expand(), SweepOptions.of(tmp.toString(), 2, 3), yaml);
    Path folder = tmp.resolve("quickstart");
    Report.run(org.deadrelu.jobs.output.ResultTables.open(spark, folder.toString()), new Report.Options(List.of(), null, List.of(), 0.95,
        "deadrelu report results/quickstart", null), System.out::println);
    String html = Files.readString(folder.resolve("report.html"));
    String keep = System.getProperty("deadrelu.screenshots.keep");
    if (keep != null) { // the page and its charts/, to look at
      Path to = Path.of(keep);
      Files.createDirectories(to.resolve("charts"));
      Files.copy(folder.resolve("report.html"), to.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (var charts = Files.list(folder.resolve("charts"))) {
        for (Path c : charts.toList()) {
          Files.copy(c, to.resolve("charts").resolve(c.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    // the page cut at each h2: the head and title, then one page per section
    int bodyAt = html.indexOf("<body>") + "<body>".length();
    String head = html.substring(0, bodyAt);
    List<Integer> starts = new ArrayList<>();
    Matcher m = Pattern.compile("<h2>").matcher(html);
    while (m.find()) {
      starts.add(m.start());
    }
    starts.add(0, bodyAt);
    int end = html.lastIndexOf("</body>");
    Files.createDirectories(docs);
    try (var old = Files.list(docs)) {
      for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
        Files.delete(p);
      }
    }
    for (int i = 0; i < starts.size(); i++) {
      String part = html.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : end);
      Matcher t = Pattern.compile("<h[12]>([^<]*)</h[12]>").matcher(part);
      String name = String.format("%02d-%s", i, t.find() ? Plot.slug(t.group(1).replace("deadrelu report: ", "")) : "top");
      if (name.length() > 40) {
        name = name.substring(0, 40).replaceAll("-$", "");
      }
      Path page = folder.resolve(name + ".html");
      Files.writeString(page, head + part + "</body></html>\n");
      Path png = tmp.resolve(name + ".png");
      Chromium.Run r = Chromium.screenshot(tmp, page, 1360, 6000, png);
      assertTrue(Files.exists(png), r.log());
      ImageIO.write(Chromium.cropBottom(Chromium.read(png), 24), "png", docs.resolve(name + ".png").toFile());
      System.out.println("wrote " + docs.resolve(name + ".png"));
    }
  }
}
