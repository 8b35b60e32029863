package org.deadrelu.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.findings.Findings;
import org.deadrelu.jobs.findings.FindingsDocument;
import org.deadrelu.jobs.io.HadoopFiles;
import org.deadrelu.jobs.sweep.SweepLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "findings", description = "Run claim sweeps (sweep files with a claims: list), judge every claim on"
    + " its tables, and write the findings as Markdown. Trials already written under --out are kept.")
final class FindingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SWEEP_FILE", description = "Claim sweep files, e.g. sweeps/*.yaml (files without claims are skipped).")
  List<String> files;

  @Option(names = "--out", defaultValue = "results/findings", description = "Result folder of the sweeps (default ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--doc", defaultValue = "docs/FINDINGS.md", description = "The Markdown file to write (default ${DEFAULT-VALUE}).")
  Path doc;

  @Option(names = "--seeds", description = "Scale down: keep the first N seeds of each sweep.")
  Integer seeds;

  @Option(names = "--max-steps", description = "Scale down: train at most N steps.")
  Integer maxSteps;

  @Option(names = "--progress", defaultValue = "10", description = "Seconds between progress lines; 0 for none (default ${DEFAULT-VALUE}).")
  int progress;

  @Option(names = "--command", defaultValue = "scripts/findings.sh", description = "How the document names the command that regenerates it (default ${DEFAULT-VALUE}).")
  String command;

  @Mixin SparkMasterOption sparkMaster;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    if ((seeds != null && seeds < 1) || (maxSteps != null && maxSteps < 0)) {
      throw new UserInputException("--seeds must be >= 1 and --max-steps >= 0");
    }
    List<Findings.SweepFile> sweeps = new ArrayList<>();
    for (String f : files) {
      byte[] bytes = HadoopFiles.readBytes(f, new Configuration());
      var sweep = SweepLoader.load(f, bytes);
      if (!sweep.claims().isEmpty()) {
        sweeps.add(new Findings.SweepFile(f, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), sweep));
      }
    }
    if (sweeps.isEmpty()) {
      throw new UserInputException("none of " + files + " has a claims: list");
    }
    Path parent = doc.toAbsolutePath().getParent();
    // checked before the sweeps run, so a page that cannot be written costs no training
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserInputException("--doc " + doc + ": folder " + parent + " does not exist");
    }
    if (Files.isDirectory(doc) || (Files.exists(doc) ? !Files.isWritable(doc) : !Files.isWritable(parent))) {
      throw new UserInputException("--doc " + doc + ": cannot be written; give a Markdown file in a writable folder");
    }
    SparkSession spark = SparkSessions.create("deadrelu findings", sparkMaster.master, List.of());
    PrintWriter console = spec.commandLine().getOut();
    PrintStream log = new PrintStream(new WriterOutputStream(console), true);
    Findings.Options options = new Findings.Options(out, seeds, maxSteps, progress);
    List<Findings.SweepOutcome> outcomes = new Findings(spark, log).run(sweeps, options);
    double wall = (System.nanoTime() - started) / 1e9;
    String text = FindingsDocument.render(outcomes, options, command, machine(spark), wall, LocalDate.now().toString());
    Files.writeString(doc, text);
    console.printf(Locale.ROOT, "findings: %d claims of %d sweeps in %.0f s -> %s%n",
        outcomes.stream().mapToInt(o -> o.claims().size()).sum(), outcomes.size(), wall, doc);
    return 0;
  }

  /** The machine in one line: CPU, cores, memory, OS, Java, Spark master and the OpenBLAS kernels. */
  private static String machine(SparkSession spark) {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: the rest still says enough
    }
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    String kernels = System.getenv("OPENBLAS_CORETYPE");
    return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s %s, Java %s, Spark %s, OpenBLAS kernels %s",
        cpu, Runtime.getRuntime().availableProcessors(), memory / Math.pow(2, 30), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"), spark.sparkContext().master(),
        kernels == null ? "chosen by OpenBLAS" : kernels);
  }
}
