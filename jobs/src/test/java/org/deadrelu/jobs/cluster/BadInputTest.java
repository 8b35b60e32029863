package org.deadrelu.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.jobs.cli.Main;
import org.deadrelu.jobs.plan.CostModel;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input everywhere a user gives it, beyond the invalid sweep-file corpus: sweep files that
 * cannot be read, data files whose numbers cannot be trained on, output locations that cannot be
 * written or already hold something else. Each is `deadrelu sweep` as a user types it: exit code 2,
 * one message naming the file and the problem, no stack trace, quickly, and nothing already written
 * is touched (an output folder's content is fingerprinted before and after).
 */
class BadInputTest {
  /** A bound that catches a hang, not a speed measurement (each case prints what it took). */
  static final double SECONDS = 90;

  @TempDir static Path tmp;

  @BeforeAll
  static void spark() {
    SparkTestSession.get(); // the commands reuse this local session, as the CLI tests do
  }

  /** One run of the command line, with what it printed and how long it took. */
  record Run(int code, String out, String err, double seconds) {
    void assertRejected(String... expected) {
      assertEquals(Main.EXIT_INVALID_INPUT, code, "exit code; stderr: " + err + "\nstdout: " + out);
      for (String e : expected) {
        assertTrue(err.contains(e), "expected '" + e + "' in: " + err);
      }
      assertTrue(err.startsWith("deadrelu: error: "), "one clear message: " + err);
      assertEquals(1, err.strip().lines().count(), "one line: " + err);
      assertFalse(err.contains("\tat ") || out.contains("\tat "), "no stack trace: " + err + out);
      assertTrue(seconds < SECONDS, "rejected in " + seconds + " s");
    }
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long t0 = System.nanoTime();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "[bad-input] %-60s exit %d in %.2f s: %s%n",
        String.join(" ", args).replace(tmp.toString(), "$TMP"), code, s, err.toString().strip());
    return new Run(code, out.toString(), err.toString(), s);
  }

  static Path sweep(String name, String data) throws IOException {
    Path p = tmp.resolve(name + ".yaml");
    Files.writeString(p, "name: " + name + "\n" + (data == null ? "" : "data: " + data + "\n")
        + "model: {hidden: [3]}\ntrain: {steps: 4, batch_size: 8}\nprobe: {every: 2, samples: 16}\n");
    return p;
  }

  static Path csv(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** `sweep` on a CSV data file; asserts it is rejected with {@code expected} and writes nothing. */
  static void rejectsData(Path data, String label, String... expected) throws IOException {
    String name = data.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_");
    Path out = tmp.resolve("out-" + name);
    String kind = data.toString().endsWith(".parquet") ? "parquet" : "csv";
    Run r = cli("sweep", sweep(name, "{source: " + kind + ", path: '" + data + "'"
        + (label == null ? "" : ", label: " + label) + "}").toString(), "--out", out.toString(), "--progress", "0");
    List<String> all = new ArrayList<>(List.of(data.toString()));
    all.addAll(List.of(expected));
    r.assertRejected(all.toArray(String[]::new));
    assertFalse(Files.exists(out), "nothing was written");
  }

  // --- sweep files that cannot be read -----------------------------------------------------------

  @Test
  void aMissingSweepFile() {
    Path missing = tmp.resolve("no-such-sweep.yaml");
    cli("sweep", missing.toString(), "--out", tmp.resolve("out-missing").toString())
        .assertRejected("sweep file " + missing + ": not found");
    assertFalse(Files.exists(tmp.resolve("out-missing")));
  }

  @Test
  void aSweepFileThatIsAFolder() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("a-folder.yaml"));
    cli("validate", folder.toString()).assertRejected("is a folder; give a .yaml file");
  }

  @Test
  void aSweepFileOfSeveralMegabytesIsRefusedBeforeParsing() throws IOException {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, "name: big\ndescription: " + "x".repeat((4 << 20) + 1) + "\n");
    cli("validate", big.toString()).assertRejected("larger than 4 MiB");
  }

  @Test
  void anUnreadableSweepFile() throws IOException {
    Path p = sweep("unreadable_sweep", null);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    // as root (as in CI containers), chmod 000 does not stop reads: nothing to test there
    assumeFalse(Files.isReadable(p), "running as root: chmod 000 does not make a file unreadable");
    cli("validate", p.toString()).assertRejected("sweep file " + p + ": cannot be read");
  }

  // --- data files ---------------------------------------------------------------------------------

  @Test
  void anUnreadableDataFile() throws IOException {
    Path p = csv("unreadable.csv", "a,label\n1,0\n2,1\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(p), "running as root: chmod 000 does not make a file unreadable");
    rejectsData(p, null, "cannot be read");
  }

  @Test
  void aNanFeature() throws IOException {
    rejectsData(csv("nan.csv", "a,b,label\n1.0,2.0,0\nNaN,1.0,1\n2.0,3.0,0\n"), null,
        "row 2, column 1 ('a') is NaN; features must be finite numbers");
  }

  @Test
  void anInfiniteFeature() throws IOException {
    rejectsData(csv("inf.csv", "a,b,label\n1.0,2.0,0\n1.5,-Inf,1\n2.0,3.0,0\n"), null,
        "row 2, column 2 ('b') is -Infinity; features must be finite numbers");
  }

  @Test
  void aNanFeatureInParquet() throws IOException {
    Path p = tmp.resolve("nan.parquet");
    List<Row> rows = List.of(RowFactory.create(1.0, 0), RowFactory.create(Double.NaN, 1), RowFactory.create(0.5, 0));
    SparkTestSession.get().createDataFrame(rows, new StructType().add("x", DataTypes.DoubleType)
        .add("label", DataTypes.IntegerType)).coalesce(1).write().parquet(p.toString());
    rejectsData(p, null, "row 2, column 1 ('x') is NaN");
  }

  @Test
  void anInfiniteLabel() throws IOException {
    rejectsData(csv("inf-label.csv", "a,label\n1.0,0\n2.0,Inf\n3.0,1\n"), null,
        "row 2, label column is Infinity; labels must be finite numbers");
  }

  @Test
  void aSingleClass() throws IOException {
    rejectsData(csv("single.csv", "a,b,label\n1.0,2.0,1\n3.0,1.0,1\n2.0,2.0,1\n"), null,
        "all 3 rows are class 1; classification needs at least 2 classes");
  }

  @Test
  void aFractionalClassLabel() throws IOException {
    rejectsData(csv("fraction.csv", "a,label\n1.0,0\n2.0,0.5\n3.0,1\n"), null,
        "row 2, label column is 0.5; a classification label must be a non-negative integer class index");
  }

  @Test
  void aHeaderWithoutRows() throws IOException {
    // with no rows Spark infers every column as a string: the message must not blame a column
    rejectsData(csv("header-only.csv", "a,b,label\n"), null, "data file", "has a header but no data rows");
  }

  @Test
  void aRaggedRowIsQuoted() throws IOException {
    rejectsData(csv("ragged.csv", "a,b,label\n1.0,2.0,0\n3.0,1\n2.0,2.0,1\n"), null,
        "cannot be read (Malformed CSV record: 3.0,1)");
  }

  @Test
  void anEmptyCell() throws IOException {
    rejectsData(csv("empty-cell.csv", "a,b,label\n1.0,,0\n2.0,1.0,1\n"), null,
        "row 1, column 'b' is empty or not a number");
  }

  @Test
  void theLabelIsTheOnlyColumn() throws IOException {
    rejectsData(csv("label-only.csv", "label\n0\n1\n"), null, "no feature columns");
  }

  // --- output locations ---------------------------------------------------------------------------

  @Test
  void anOutputFolderOnAFileSystemThatDoesNotExist() throws IOException {
    cli("sweep", sweep("nofs", null).toString(), "--out", "nosuchfs://bucket/results")
        .assertRejected("output folder nosuchfs://bucket/results/nofs: cannot be written",
            "No FileSystem for scheme \"nosuchfs\"");
  }

  @Test
  void anOutputFolderThatCannotBeCreated() throws IOException {
    // even root cannot create folders in /proc
    cli("sweep", sweep("proc", null).toString(), "--out", "/proc/deadrelu-results")
        .assertRejected("output folder /proc/deadrelu-results/proc: cannot be written", "give --out a folder you can write to");
  }

  @Test
  void anOutputFolderWhoseParentIsAFile() throws IOException {
    Path file = tmp.resolve("results.txt");
    Files.writeString(file, "my notes\n");
    cli("sweep", sweep("under_file", null).toString(), "--out", file.toString())
        .assertRejected("cannot be written", "Parent path is not a directory");
    assertEquals("my notes\n", Files.readString(file), "the file is untouched");
  }

  @Test
  void aReadOnlyOutputFolder() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeFalse(Files.isWritable(out), "running as root: a read-only folder is still writable");
    cli("sweep", sweep("ro", null).toString(), "--out", out.toString()).assertRejected("cannot be written");
  }

  @Test
  void anOutputFolderHoldingSomethingElse() throws Exception {
    Path out = tmp.resolve("out-else");
    Path folder = Files.createDirectories(out.resolve("mine"));
    Files.writeString(folder.resolve("thesis.tex"), "\\chapter{Results}\n");
    Files.createDirectories(folder.resolve("figures"));
    Files.write(folder.resolve("figures/plot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String before = fingerprint(out);
    cli("sweep", sweep("mine", null).toString(), "--out", out.toString(), "--progress", "0")
        .assertRejected("output folder", "holds files that are not a deadrelu result; choose another --out");
    assertEquals(before, fingerprint(out), "nothing in the folder changed");
  }

  @Test
  void anOutputFolderHoldingAnotherSweepsResults() throws Exception {
    // the folder `theirs` holds sweep 'other' (renamed, or given the name by hand): its ledger says so
    Path out = tmp.resolve("out-other");
    Path folder = Files.createDirectories(out.resolve("theirs"));
    Files.createDirectories(folder.resolve("_deadrelu/waves"));
    Files.writeString(folder.resolve("_deadrelu/sweep-name"), "other\n");
    Files.writeString(folder.resolve("_deadrelu/waves/wave-000000.txt"), "trial abc\nfile trials part-0.parquet\n");
    Files.createDirectories(folder.resolve("trials"));
    Files.write(folder.resolve("trials/part-0.parquet"), new byte[] {'P', 'A', 'R', '1'});
    Files.writeString(folder.resolve("trials/_SUCCESS"), "");
    String before = fingerprint(out);
    cli("sweep", sweep("theirs", null).toString(), "--out", out.toString(), "--progress", "0")
        .assertRejected("holds the results of sweep 'other', not 'theirs'; choose another --out");
    assertEquals(before, fingerprint(out), "nothing in the other sweep's folder changed");
  }

  @Test
  void anOutputFolderInsideAnotherSweepsResults() throws Exception {
    // `theirs` holds sweep 'other': neither it, nor one of its tables, nor its ledger is an --out
    Path out = tmp.resolve("out-nested");
    Path folder = Files.createDirectories(out.resolve("theirs"));
    Files.createDirectories(folder.resolve("_deadrelu/waves"));
    Files.writeString(folder.resolve("_deadrelu/sweep-name"), "other\n");
    Files.writeString(folder.resolve("_deadrelu/waves/wave-000000.txt"), "trial abc\nfile trials part-0.parquet\n");
    Files.createDirectories(folder.resolve("trials"));
    Files.write(folder.resolve("trials/part-0.parquet"), new byte[] {'P', 'A', 'R', '1'});
    String before = fingerprint(out);
    for (String inside : List.of("", "trials", "_deadrelu", "trials/deeper")) {
      Path target = inside.isEmpty() ? folder : folder.resolve(inside);
      cli("sweep", sweep("nested", null).toString(), "--out", target.toString(), "--progress", "0")
          .assertRejected("output folder", "is inside the result folder of sweep 'other' (file:" + folder + ")",
              "choose an --out outside it");
      assertEquals(before, fingerprint(out), "nothing in the other sweep's folder changed (--out " + target + ")");
    }
  }

  // --- trials the executors cannot hold -----------------------------------------------------------

  @Test
  void aNetworkTooLargeForTheMemoryBudget() throws Exception {
    Path p = tmp.resolve("huge.yaml");
    Files.writeString(p, "name: huge\ndata: {source: spirals, samples: 200}\nmodel: {hidden: [100000000]}\n"
        + "train: {steps: 4, batch_size: 8}\nprobe: {every: 2, samples: 16}\n");
    Path out = tmp.resolve("out-huge");
    long bytes = CostModel.trialBytes(SweepLoader.load(p.toString(), Files.readAllBytes(p)).expand().get(0));
    String needed = "raise --memory-budget-mb to at least " + ((bytes + (1 << 20) - 1) >> 20);
    // sweep last: without the check it would start training and exhaust this JVM
    for (String command : List.of("validate", "plan", "sweep")) {
      List<String> args = new ArrayList<>(List.of(command, p.toString()));
      if (command.equals("sweep")) {
        args.addAll(List.of("--out", out.toString()));
      }
      cli(args.toArray(String[]::new)).assertRejected("sweep file " + p + ": trial ", "(hidden [100000000], spirals data)",
          "needs about 512 GB of native memory by the planner's estimate",
          "more than the budget of one task (--memory-budget-mb 512)", needed);
    }
    assertFalse(Files.exists(out), "nothing was written");
    // the raised budget it names is enough
    Run raised = cli("validate", p.toString(), "--memory-budget-mb", needed.substring(needed.lastIndexOf(' ') + 1));
    assertEquals(0, raised.code(), raised.err());
  }

  /** Every file's relative path, size and content hash under a folder. */
  static String fingerprint(Path root) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(p)) {
          md.update(Files.readAllBytes(p));
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
