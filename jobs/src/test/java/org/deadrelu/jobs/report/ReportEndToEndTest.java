package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny real sweep, its report, and the example queries in Spark SQL and DuckDB. */
class ReportEndToEndTest {
  static final String SWEEP = """
      name: rep
      description: report fixture
      data: {source: blobs, samples: 200, classes: 3, features: 4, noise: 1.0}
      model: {hidden: [6, 5]}
      train: {steps: 30, batch_size: 32, lr: 0.5}
      probe: {every: 10, samples: 64}
      seeds: 2
      grid:
        activation: [relu, leaky_relu]
        init_bias: [-1.0, 0.0, 0.1]
        l2: [0.0, 0.01]
        decay_bias: [true, false]
      """;
  static final int TRIALS = 2 * 3 * 2 * 2 * 2;

  @TempDir static Path out;
  static SparkSession spark;
  static Report.Result result;

  static Path folder() {
    return out.resolve("rep");
  }

  @BeforeAll
  static void runSweepAndReport() throws Exception {
    spark = SparkTestSession.get();
    SweepSpec spec = SweepLoader.load("rep.yaml", SWEEP);
    new SweepRunner(spark, new PrintStream(System.out)).run(spec.name(), spec.expand(),
        SweepOptions.of(out.toString(), 2, 3), SWEEP);
    result = Report.run(spark, folder().toString(),
        new Report.Options(List.of(), null, List.of(), 0.95, "deadrelu report " + folder(), null));
    result.notes().forEach(n -> System.out.println("note: " + n));
  }

  @Test
  void summaryHasOneRowPerConfigurationWithHandCheckedInterval() throws Exception {
    assertEquals(TRIALS, result.trials());
    assertEquals(TRIALS / 2, result.configs());
    Dataset<Row> s = spark.read().parquet(folder().resolve("summary").toString());
    assertEquals(TRIALS / 2, s.count());
    Row r = s.where("seeds = 2").orderBy("config_id").first();
    String config = r.getAs("config_id");
    // independent: the two seeds' values, mean and t interval by hand
    List<Row> seeds = spark.read().parquet(folder().resolve("trials").toString())
        .where("config_id = '" + config + "' AND status = 'ok'").select("dead_fraction").collectAsList();
    double[] v = seeds.stream().mapToDouble(x -> x.getDouble(0)).toArray();
    double mean = (v[0] + v[1]) / 2;
    double sd = Math.sqrt((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean));
    assertEquals(mean, (double) r.getAs("dead_fraction_mean"), 1e-12);
    if (sd > 0) {
      // the t interval (t(0.975, 1 degree of freedom) from a table), cut to [0, 1]: a fraction cannot be negative
      double half = 12.706204736174707 * sd / Math.sqrt(2);
      assertEquals(Math.max(0, mean - half), (double) r.getAs("dead_fraction_ci_low"), 1e-9);
      assertEquals(Math.min(1, mean + half), (double) r.getAs("dead_fraction_ci_high"), 1e-9);
    }
    assertEquals(0, s.where("dead_fraction_ci_low < 0 OR dormant_fraction_ci_low < 0 OR final_probe_accuracy_ci_high > 1"
        + " OR diverged_share_ci_low < 0 OR diverged_share_ci_high > 1").count(), "intervals of fractions within [0, 1]");
    // the diverged share's Wilson interval, closed form: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    List<Row> statuses = spark.read().parquet(folder().resolve("trials").toString())
        .where("config_id = '" + config + "'").select("status").collectAsList();
    double n = statuses.size();
    double p = statuses.stream().filter(x -> x.getString(0).equals("diverged")).count() / n;
    double z = 1.959963984540054;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double wilsonHalf = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    assertEquals(p, (double) r.getAs("diverged_share"), 1e-12);
    assertEquals(centre - wilsonHalf, (double) r.getAs("diverged_share_ci_low"), 1e-9);
    assertEquals(centre + wilsonHalf, (double) r.getAs("diverged_share_ci_high"), 1e-9);
    List<String> csv = Files.readAllLines(folder().resolve("summary.csv"));
    assertEquals(TRIALS / 2 + 1, csv.size());
    assertTrue(csv.get(0).startsWith("config_id,"));
    for (String t : List.of("summary_layers", "survival", "effects", "paired", "importance")) {
      assertTrue(Files.exists(folder().resolve(t).resolve("_SUCCESS")), t);
    }
    // a survival curve starts with every hidden neuron of the group at risk: 6 + 5 per trial
    long atRisk = spark.read().parquet(folder().resolve("survival").toString())
        .where("group = 'activation=relu'").orderBy("step").first().getAs("at_risk");
    assertEquals(TRIALS / 2 * 11, atRisk);
  }

  /** A chart on the page: its kind, id, title and SVG. */
  record Figure(String kind, String id, String alt, String svg) {}

  static List<Figure> figures(String html) {
    Matcher m = Pattern.compile("<figure class=\"chart\" data-kind=\"(\\w+)\" id=\"([^\"]+)\"><img class=\"plot\" alt=\"([^\"]*)\" "
        + "src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
    List<Figure> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Figure(m.group(1), m.group(2), m.group(3),
          new String(java.util.Base64.getDecoder().decode(m.group(4)), java.nio.charset.StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** Every chart kind, each chart an SVG with its CSV and Vega-Lite spec beside the page, holding the same rows. */
  @Test
  void htmlIsSelfContainedWithEveryChartAndItsDataAndSpecBesideIt() throws Exception {
    String html = Files.readString(folder().resolve("report.html"));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "no network, no scripts");
    assertFalse(html.contains("data:image/png"), "no raster charts");
    List<Figure> figures = figures(html);
    assertEquals(html.split("<figure").length - 1, figures.size(), "every figure is an embedded SVG");
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Figure fig : figures) {
      kinds.add(fig.kind());
      org.w3c.dom.Document svg = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(fig.svg())));
      assertEquals("svg", svg.getDocumentElement().getNodeName(), fig.id());
      assertTrue(svg.getElementsByTagName("path").getLength() + svg.getElementsByTagName("rect").getLength() > 5, fig.id());
      Path charts = folder().resolve("charts");
      assertEquals(fig.svg(), Files.readString(charts.resolve(fig.id() + ".svg")), fig.id());
      List<String> csv = Files.readAllLines(charts.resolve(fig.id() + ".csv"));
      var spec = json.readTree(charts.resolve(fig.id() + ".vl.json").toFile());
      assertTrue(spec.get("$schema").asText().contains("vega-lite/v5"), fig.id());
      assertEquals(csv.size() - 1, spec.get("data").get("values").size(), fig.id() + ": the spec's rows are the CSV's");
      assertTrue(csv.size() > 1, fig.id() + " has data");
      assertTrue(html.contains("href=\"charts/" + fig.id() + ".csv\"") && html.contains("href=\"charts/" + fig.id() + ".vl.json\""));
    }
    List<String> everyKind = java.util.Arrays.stream(Plot.Kind.values()).map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList();
    assertEquals(everyKind, List.copyOf(kinds), "every kind of chart");
    List<String> ids = figures.stream().map(Figure::id).toList();
    for (String want : List.of("heatmap-activation-relu", "heatmap-activation-leaky-relu", "dead-over-steps", "gradient-norm-init",
        "gradient-norm-end", "survival", "paired", "effects-linear", "importance", "dead-fraction-vs-init-bias",
        "final-probe-accuracy-vs-init-bias")) {
      assertTrue(ids.contains(want), want + " in " + ids);
    }
    // the survival chart's data: at step 0 all alive; its band from the bootstrap within [0, 1]
    List<String> survival = Files.readAllLines(folder().resolve("charts/survival.csv"));
    assertEquals("series,x,y,low,high,censored", survival.get(0));
    assertEquals("0", survival.get(1).split(",")[1], "the curves start at step 0: " + survival.get(1));
    assertTrue(html.contains("deadrelu report " + folder()));
    assertTrue(html.contains("report fixture"));
  }

  @Test
  void reportRendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    // .ci/run installs Debian's chromium, so in CI its absence is a failure, elsewhere a skip
    org.junit.jupiter.api.Assumptions.assumeTrue(Chromium.available() || System.getenv("CI") != null,
        "Debian's chromium is not installed here (.ci/run installs it)");
    Path shot = out.resolve("report.png");
    Chromium.Run run = Chromium.screenshot(out, folder().resolve("report.html"), 1280, 4000, shot);
    assertTrue(run.log().lines().noneMatch(l -> l.contains("CONSOLE") || l.contains("Uncaught")), "console errors: " + run.log());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
    assertTrue(image != null && image.getWidth() >= 1000, "a screenshot was taken");
    // not blank: many distinct colours, and dark pixels (text, axes) on the light page
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        int luminance = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
        dark += luminance < 200 ? 1 : 0;
      }
    }
    assertTrue(colours.size() > 50, "distinct colours: " + colours.size());
    assertTrue(dark > 1000, "dark pixels: " + dark);
  }

  /**
   * Every chart as Chromium draws it: the page with a script added (the report itself has none) that
   * waits for each chart's image, draws it on a canvas and counts what it drew: pixels that are not
   * white, and pixels of the palette's first colour (Okabe-Ito blue; the scale's palest yellow for a
   * heatmap). A chart kind that is missing, an SVG that does not decode or draws nothing fails.
   */
  @Test
  void everyKindOfChartRendersInHeadlessChromium() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Chromium.available() || System.getenv("CI") != null,
        "Debian's chromium is not installed here (.ci/run installs it)");
    String html = Files.readString(folder().resolve("report.html"));
    String probe = """
        <script>
        function near(d, i, rgb) {
          return Math.abs(d[i] - rgb[0]) < 24 && Math.abs(d[i + 1] - rgb[1]) < 24 && Math.abs(d[i + 2] - rgb[2]) < 24;
        }
        window.addEventListener('load', () => {
          const out = [];
          for (const fig of document.querySelectorAll('figure.chart')) {
            const img = fig.querySelector('img');
            const r = {id: fig.id, kind: fig.dataset.kind, width: img.naturalWidth, drawn: 0, palette: 0, error: null};
            try {
              const c = document.createElement('canvas');
              c.width = img.naturalWidth; c.height = img.naturalHeight;
              const g = c.getContext('2d');
              g.drawImage(img, 0, 0);
              const d = g.getImageData(0, 0, c.width, c.height).data;
              const mark = fig.dataset.kind === 'heatmap' ? [0xff, 0xff, 0xd9] : [0x00, 0x72, 0xb2];
              for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) r.drawn++;
                if (d[i + 3] > 0 && near(d, i, mark)) r.palette++;
              }
            } catch (e) { r.error = String(e); }
            out.push(r);
          }
          const pre = document.createElement('pre');
          pre.id = 'probe';
          pre.textContent = JSON.stringify(out);
          document.body.appendChild(pre);
        });
        </script>
        """;
    Path page = folder().resolve("report-probe.html");
    Files.writeString(page, html.replace("</body>", probe + "</body>"));
    Chromium.Run run = Chromium.dumpDom(out, page);
    Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(run.stdout());
    assertTrue(m.find(), "the probe ran: " + run.log());
    String probed = m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    var charts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(probed);
    assertEquals(figures(html).size(), charts.size());
    java.util.Set<String> rendered = new java.util.TreeSet<>();
    for (var c : charts) {
      String id = c.get("id").asText();
      assertTrue(c.get("error").isNull(), id + ": " + c.get("error"));
      assertTrue(c.get("width").asInt() > 300, id + " decoded: " + c);
      assertTrue(c.get("drawn").asInt() > 3000, id + " drew something: " + c);
      // the first series may lie under the others: a few of its pixels show
      assertTrue(c.get("palette").asInt() > 20, id + " in the palette's first colour: " + c);
      rendered.add(c.get("kind").asText());
    }
    assertEquals(java.util.Arrays.stream(Plot.Kind.values()).map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList(),
        List.copyOf(rendered), "every kind of chart rendered");
  }

  @Test
  void whereAndAxesFocusTheReport() throws Exception {
    Path o2 = out.resolve("focused");
    Report.Result r = Report.run(spark, folder().toString(), new Report.Options(List.of("decay_bias"),
        "activation = 'relu'", List.of("l2", "decay_bias"), 0.95, "x", o2.toString()));
    assertEquals(TRIALS / 2, r.trials());
    assertEquals(List.of("l2", "decay_bias"), r.axes());
    assertEquals(2, spark.read().parquet(o2.resolve("survival").toString()).select("group").distinct().count());
  }

  @Test
  void exampleQueriesAgreeInSparkAndDuckDb() throws Exception {
    for (String t : List.of("trials", "neurons", "layers", "curves", "events")) {
      Path p = folder().resolve(t);
      if (Files.exists(p)) {
        spark.read().parquet(p.toString()).createOrReplaceTempView(t);
      }
    }
    Path queries = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/queries");
    List<Path> files;
    try (var s = Files.list(queries)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertEquals(3, files.size(), files.toString());
    try (DuckDb duck = new DuckDb(folder())) {
      for (Path f : files) {
        String sql = Files.readString(f);
        List<List<Object>> d = duck.query(sql);
        List<Row> sp = spark.sql(sql).collectAsList();
        assertEquals(d.size(), sp.size(), f.toString());
        for (int i = 0; i < d.size(); i++) {
          for (int c = 0; c < d.get(i).size(); c++) {
            Object a = d.get(i).get(c);
            Object b = sp.get(i).get(c);
            if (a instanceof Number na && b instanceof Number nb) {
              assertEquals(na.doubleValue(), nb.doubleValue(), 1e-9, f + " row " + i + " col " + c);
            } else {
              assertEquals(String.valueOf(a), String.valueOf(b), f + " row " + i + " col " + c);
            }
          }
        }
      }
    }
  }
}
