package org.deadrelu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deadrelu.jobs.run.SweepOptions;

/**
 * The benchmark harness (run it with {@code scripts/bench.sh}; see bench/README.md). The parent process
 * only orchestrates: every measurement runs in a child JVM it starts with {@code OMP_NUM_THREADS=1}.
 *
 * <ol>
 *   <li>Throughput: two worker JVMs, one with JavaCPP defaults (DL4J default, deadrelu's engine at
 *       each population size, the gemm roofline) and one with the tuned JavaCPP settings that only
 *       take effect at JVM start (DL4J tuned). The workers take turns: in every round each variant of
 *       each configuration runs one timed block, in a rotated order, and only one JVM works at a time.
 *       Before anything is timed every variant trains 10 steps from the same weights on the same
 *       minibatches and the losses must agree.
 *   <li>Resident memory after STEPS1 and STEPS2 steps, one child JVM per variant.
 *   <li>A fixed sweep through the jobs module on Spark local[1], then local[2], one child JVM each.
 *   <li>The cost of probing: whole trials with probing every 100 steps against only at the ends.
 * </ol>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      switch (args[0]) {
        case "--worker" -> {
          Worker.main(args[1]);
          return;
        }
        case "--rss" -> {
          Worker.rss(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--spark" -> {
          SparkRun.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--probe" -> {
          ProbeShare.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--e2e" -> {
          EndToEnd.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--shard-memory" -> {
          ShardMemory.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--online" -> {
          OnlineStream.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        case "--threads" -> {
          ThreadScaling.main(Arrays.copyOfRange(args, 1, args.length));
          return;
        }
        default -> { }
      }
    }
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (o.help) {
      System.out.println(Options.USAGE);
      return;
    }
    System.exit(new Harness(o).run());
  }

  /** Command-line options of the harness. */
  static final class Options {
    static final String USAGE = """
        usage: scripts/bench.sh [--quick] [options]
          --quick                 smoke run: fewer rounds, shorter blocks, fewer steps everywhere (~4 min)
          --configs a,b,c,d,e     reference configurations to time (default a,b,c,d,e)
          --populations 8,32,128  deadrelu population sizes besides 1 (default 8,32,128)
          --rounds N              alternating timed rounds (default 7; quick 3)
          --block-seconds S       target length of one timed block (default 0.5; quick 0.15)
          --warm-seconds S        warm-up per variant before the rounds (default 2; quick 0.5)
          --check-steps N         steps before the loss comparison (default 10)
          --tolerance T           relative tolerance of the loss comparison (default 1e-3)
          --rss-config C          configuration of the memory check (default a)
          --rss-steps N1,N2       steps at the two memory readings (default 1000,10000; quick 200,1000)
          --rss-populations L     deadrelu populations of the memory check (default 1,8,32,128; quick 1,8,32)
          --spark-trials N        trials of the Spark sweep (default 64; quick 16)
          --spark-steps N         steps per trial of the Spark sweep (default 1000, the sweep files' default;
                                  quick 100)
          --spark-rounds N        alternating local[1] / local[2] runs, medians reported (default 3; quick 1)
          --spark-warmups N       untimed sweeps before the timed one in each run's JVM (default 3; quick 1)
          --probe-steps N         steps per trial of the probe-cost run (default 1000; quick 300)
          --probe-populations L   population sizes of the probe-cost run (default 1,8; the last is judged)
          --probe-rounds N        alternating rounds of the probe-cost run (default 5; quick 3)
          --e2e-scale N           divide the end-to-end sweeps' seeds by N (default 1: 1,024, 64 and 64 trials;
                                  quick 8)
          --tuned-engine          also run deadrelu's engine in the tuned JVM (informational rows, not judged)
          --online-steps N        steps of the online runs, reference (d) against numpy (default 100000; quick 20000)
          --online-networks N     networks trained at once in the online runs (default 90)
          --online-rounds N       alternating numpy / engine rounds, medians reported (default 3; quick 1)
          --skip LIST             sections to leave out: timing,rss,spark,probe,e2e,idle,online
          --work DIR              scratch and logs (default bench/target/bench-work)
          --report FILE           also write the report here (default <work>/report.txt)
        """;

    boolean help;
    boolean quick;
    List<RefConfig> configs = List.of(RefConfig.A, RefConfig.B, RefConfig.C, RefConfig.D, RefConfig.E);
    List<Integer> populations = List.of(8, 32, 128);
    int rounds = 7;
    double blockSeconds = 0.5;
    double warmSeconds = 2;
    int checkSteps = 10;
    double tolerance = 1e-3;
    RefConfig rssConfig = RefConfig.A;
    int rssSteps1 = 1000;
    int rssSteps2 = 10000;
    List<Integer> rssPopulations = List.of(1, 8, 32, 128);
    boolean tunedEngine;
    int sparkTrials = 64;
    int sparkSteps = 1000;
    int sparkRounds = 3;
  int sparkWarmups = 3;
    int probeSteps = 1000;
    int onlineSteps = 100_000;
    int onlineNetworks = 90;
    int onlineRounds = 3;
    List<Integer> probePopulations = List.of(1, 8);
    int probeRounds = 5;
    int e2eScale = 1;
    List<String> skip = List.of();
    Path work = Path.of("bench/target/bench-work");
    Path report;

    static Options parse(String[] args) {
      Options o = new Options();
      List<String> a = Arrays.asList(args);
      if (a.contains("--quick")) { // defaults first, so explicit options still win
        o.quick = true;
        o.rounds = 3;
        o.blockSeconds = 0.15;
        o.warmSeconds = 0.5;
        o.rssSteps1 = 200;
        o.rssSteps2 = 1000;
        o.sparkTrials = 16;
        o.sparkSteps = 100;
        o.sparkRounds = 1;
        o.sparkWarmups = 1;
        o.probeSteps = 300;
        o.probeRounds = 3;
        o.e2eScale = 8;
        o.onlineSteps = 20_000;
        o.onlineRounds = 1;
        o.rssPopulations = List.of(1, 8, 32);
      }
      for (int i = 0; i < args.length; i++) {
        String k = args[i];
        switch (k) {
          case "--quick" -> { }
          case "-h", "--help" -> o.help = true;
          case "--configs" -> o.configs = Arrays.stream(value(args, ++i, k).split(",")).map(RefConfig::of).toList();
          case "--populations" -> o.populations = ints(value(args, ++i, k));
          case "--rounds" -> o.rounds = Integer.parseInt(value(args, ++i, k));
          case "--block-seconds" -> o.blockSeconds = Double.parseDouble(value(args, ++i, k));
          case "--warm-seconds" -> o.warmSeconds = Double.parseDouble(value(args, ++i, k));
          case "--check-steps" -> o.checkSteps = Integer.parseInt(value(args, ++i, k));
          case "--tolerance" -> o.tolerance = Double.parseDouble(value(args, ++i, k));
          case "--rss-config" -> o.rssConfig = RefConfig.of(value(args, ++i, k));
          case "--rss-steps" -> {
            List<Integer> s = ints(value(args, ++i, k));
            if (s.size() != 2 || s.get(0) < 1 || s.get(1) <= s.get(0)) {
              throw new IllegalArgumentException("--rss-steps takes N1,N2 with 1 <= N1 < N2");
            }
            o.rssSteps1 = s.get(0);
            o.rssSteps2 = s.get(1);
          }
          case "--rss-populations" -> o.rssPopulations = ints(value(args, ++i, k));
          case "--tuned-engine" -> o.tunedEngine = true;
          case "--spark-trials" -> o.sparkTrials = Integer.parseInt(value(args, ++i, k));
          case "--spark-steps" -> o.sparkSteps = Integer.parseInt(value(args, ++i, k));
          case "--spark-rounds" -> o.sparkRounds = Integer.parseInt(value(args, ++i, k));
          case "--spark-warmups" -> o.sparkWarmups = Integer.parseInt(value(args, ++i, k));
          case "--probe-steps" -> o.probeSteps = Integer.parseInt(value(args, ++i, k));
          case "--probe-populations" -> o.probePopulations = ints(value(args, ++i, k));
          case "--probe-rounds" -> o.probeRounds = Integer.parseInt(value(args, ++i, k));
          case "--online-steps" -> o.onlineSteps = Integer.parseInt(value(args, ++i, k));
          case "--online-networks" -> o.onlineNetworks = Integer.parseInt(value(args, ++i, k));
          case "--online-rounds" -> o.onlineRounds = Integer.parseInt(value(args, ++i, k));
          case "--e2e-scale" -> o.e2eScale = Integer.parseInt(value(args, ++i, k));
          case "--skip" -> o.skip = List.of(value(args, ++i, k).split(","));
          case "--work" -> o.work = Path.of(value(args, ++i, k));
          case "--report" -> o.report = Path.of(value(args, ++i, k));
          default -> throw new IllegalArgumentException("unknown option " + k);
        }
      }
      for (String s : o.skip) {
        if (!List.of("timing", "rss", "spark", "probe", "e2e", "idle", "online").contains(s)) {
          throw new IllegalArgumentException("--skip: unknown section " + s + " (timing, rss, spark, probe, e2e, idle, online)");
        }
      }
      if (o.rounds < 1 || o.checkSteps < 1 || o.probeRounds < 1 || o.sparkRounds < 1 || o.sparkWarmups < 0
          || o.probeSteps < 2 || o.onlineSteps < 1000 || o.onlineNetworks < 1 || o.onlineRounds < 1) {
        throw new IllegalArgumentException("--rounds, --check-steps, --probe-rounds, --spark-rounds, --online-networks,"
            + " --online-rounds must be >= 1, --probe-steps >= 2, --online-steps >= 1000");
      }
      if (o.report == null) {
        o.report = o.work.resolve("report.txt");
      }
      return o;
    }

    boolean runs(String section) {
      return !skip.contains(section);
    }

    private static String value(String[] args, int i, String key) {
      if (i >= args.length) {
        throw new IllegalArgumentException(key + " needs a value");
      }
      return args[i];
    }

    private static List<Integer> ints(String csv) {
      return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
  }

  /** Runs the sections and prints the report. */
  static final class Harness {
    private final Options o;
    private final StringBuilder report = new StringBuilder();
    private final Path logs;
    /** Summary figures, filled by the sections. */
    private final Map<RefConfig, Double> bestSpeedup = new LinkedHashMap<>();
    private final Map<RefConfig, String> bestPopulation = new LinkedHashMap<>();
    private Double rooflineShareA;
    private String rooflineShareAVariant;
    private Double sparkRatio;
    private Double threadRatio;
    private Double trialsRatio;
    private Double gemmRatio;
    private Double integerRatio;
    /** Below this two-thread gain of the integer loop, the cores were shared with something this machine cannot see. */
    private static final double HOST_BUSY = 1.8;
    private Double shardPeakMb;
    /** By configuration: the judged population's probing share (NaN: below noise). */
    private final Map<RefConfig, Double> probeShare = new java.util.EnumMap<>(RefConfig.class);
    private final Map<RefConfig, Integer> probeSharePopulation = new java.util.EnumMap<>(RefConfig.class);
    /** By reference sweep and master: what its timed run gave (see EndToEnd). */
    private final Map<String, double[]> e2e = new LinkedHashMap<>();
    /**
     * e2e-1's two-core ratio, JVM pair by JVM pair: local[1]'s median wall over local[2]'s, the full
     * runs' pair first, then {@link #E2E_EXTRA_PAIRS} pairs of walls-only runs in alternating order.
     */
    private final List<Double> twoCorePairs = new ArrayList<>();
    /**
     * Further JVM pairs for e2e-1's two-core ratio. Its two sides run a minute or more apart, and the
     * speed of a shared machine's cores moved by a fifth over such spans: the target takes the median of
     * the pairs, not one pair.
     */
    static final int E2E_EXTRA_PAIRS = 2;
    /** e2e-1 at the default probe interval, the engine alone: seconds, measuring, death scan and held-out seconds; null if not run. */
    private double[] e2eDefaultInterval;
    /** e2e-1 at the default probe interval as a sweep on local[1]: the tasks' wall, training, measuring, rows and writing seconds; null if not run. */
    private double[] e2eDefaultSweep;
    /** sweeps/quickstart.yaml from a fresh JVM: the tasks' core-seconds over `plan`'s estimate. */
    private Double quickstartPlan;
    /** Idle core figures by "where waves-in-flight". */
    private final Map<String, IdleCores> idle = new LinkedHashMap<>();
    /** numpy's us per network-step over the engine's, reference (d) online. */
    private Double onlineSpeedup;
    private Double worstEngineRssGrowth;
    private String worstEngineRssVariant;
    private final List<String> problems = new ArrayList<>();
    private boolean broken;
    /** Cores used by other processes per section. */
    private final Map<String, Double> foreignLoad = new LinkedHashMap<>();
    /** Above this many cores used by others, a section's figures are flagged. */
    private static final double NOISY = 0.2;

    Harness(Options o) {
      this.o = o;
      this.logs = o.work.resolve("logs");
    }

    int run() throws IOException, InterruptedException {
      Files.createDirectories(logs);
      header();
      long start = System.nanoTime();
      int status = 0;
      if (o.runs("timing")) {
        CpuMeter cpu = CpuMeter.start();
        try {
          status = timing();
        } catch (IOException | RuntimeException e) {
          // a worker broke: keep what was measured, go on with the other sections, exit 1 at the end
          problems.add("throughput: " + e.getMessage());
          report.append("\nthroughput section broke: ").append(e.getMessage()).append('\n');
          broken = true;
        }
        foreign("throughput", cpu);
      }
      if (status == 0) {
        if (o.runs("rss")) {
          CpuMeter cpu = CpuMeter.start();
          memory();
          foreign("memory", cpu);
        }
        if (o.runs("spark")) {
          CpuMeter cpu = CpuMeter.start();
          spark();
          foreign("spark", cpu);
        }
        if (o.runs("probe")) {
          CpuMeter cpu = CpuMeter.start();
          probe();
          foreign("probe", cpu);
        }
        if (o.runs("e2e")) {
          CpuMeter cpu = CpuMeter.start();
          endToEnd();
          foreign("end to end", cpu);
        }
        if (o.runs("idle")) {
          CpuMeter cpu = CpuMeter.start();
          idleCores(cpu);
          foreign("idle cores", cpu);
        }
        if (o.runs("online")) {
          online();
        }
        summary();
      }
      report.append(String.format(Locale.ROOT, "%nbench finished in %.1f min (load average at the end: %s); child logs under %s%n",
          (System.nanoTime() - start) / 60e9, loadAverage(), logs));
      System.out.print(report);
      System.out.flush();
      Files.createDirectories(o.report.toAbsolutePath().getParent());
      Files.writeString(o.report, report);
      System.err.println("bench: report written to " + o.report);
      return status != 0 || broken || !problems.isEmpty() ? 1 : 0;
    }

    private void progress(String fmt, Object... args) {
      System.err.printf(Locale.ROOT, "bench: " + fmt + "%n", args);
    }

    /** Notes how busy other processes kept the machine during a section (they inflate the figures). */
    private void foreign(String section, CpuMeter cpu) {
      double cores = cpu.foreignCores();
      if (Double.isNaN(cores)) {
        return;
      }
      foreignLoad.put(section, cores);
      report.append(fmt("(other processes used %.2f cores on average during this section%s)%n", cores,
          cores > NOISY ? ": NOISY, figures unreliable" : ""));
    }

    private static String loadAverage() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
      } catch (IOException | RuntimeException e) {
        return "unknown";
      }
    }

    private void header() throws IOException {
      report.append("deadrelu benchmark report, ")
          .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
      String cpu = "unknown CPU";
      Path info = Path.of("/proc/cpuinfo");
      if (Files.isReadable(info)) {
        cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
      }
      report.append(String.format(Locale.ROOT, "machine: %s, %d cores visible; Java %s; harness OMP_NUM_THREADS=%s (children: 1)%n",
          cpu, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
      String core = System.getenv("OPENBLAS_CORETYPE");
      String l2 = System.getenv("OPENBLAS_L2_SIZE");
      report.append("OpenBLAS kernels (every variant): ")
          .append(core == null || core.isBlank() ? "OpenBLAS's own choice (OPENBLAS_CORETYPE unset)" : "OPENBLAS_CORETYPE=" + core)
          .append(l2 == null || l2.isBlank() ? "" : ", OPENBLAS_L2_SIZE=" + l2)
          .append('\n');
      report.append(String.format(Locale.ROOT, "mode: %s; rounds %d, blocks of ~%.2f s, warm-up %.1f s per variant%n",
          o.quick ? "QUICK (smoke run: figures are rough)" : "full", o.rounds, o.blockSeconds, o.warmSeconds));
      report.append("load average at the start: ").append(loadAverage())
          .append(" (other processes on these cores inflate and scatter every figure)\n");
      if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
        report.append("warning: the harness itself was not started with OMP_NUM_THREADS=1 (use scripts/bench.sh)\n");
      }
    }

    // ------------------------------------------------------------------ throughput

    /** One timed thing: a variant of one configuration in one worker. */
    private static final class Entry {
      final String id;
      final RefConfig config;
      final String label;
      final Jvm.Client worker;
      final int networks;
      final boolean dl4j;
      /** Informational: shown, never the DL4J baseline nor the best population of the summary. */
      boolean info;
      double flopsPerStep;
      int blockSteps;
      final List<Double> usPerNetworkStep = new ArrayList<>();
      double[] lossBefore;
      double[] lossAfter;

      Entry(String id, RefConfig config, String label, Jvm.Client worker, int networks, boolean dl4j) {
        this.id = id;
        this.config = config;
        this.label = label;
        this.worker = worker;
        this.networks = networks;
        this.dl4j = dl4j;
      }

      double median() {
        return Stats.median(usPerNetworkStep.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }

    private int timing() throws IOException {
      progress("starting worker JVMs (JavaCPP defaults, then tuned)");
      List<String> heap = List.of("-Xms2g", "-Xmx2g");
      List<String> tunedOpts = new ArrayList<>(heap);
      tunedOpts.addAll(TUNED_JAVACPP);
      try (Jvm.Client def = new Jvm.Client("default", heap, logs.resolve("worker-default.log"), "--worker", "default");
          Jvm.Client tuned = new Jvm.Client("tuned", tunedOpts, logs.resolve("worker-tuned.log"), "--worker", "tuned")) {
        report.append("worker JVMs:\n  ").append(def.ready).append("\n  ").append(tuned.ready).append('\n');

        Map<RefConfig, List<Entry>> byConfig = new LinkedHashMap<>();
        for (RefConfig c : o.configs) {
          progress("building the variants of (%s)", c.id);
          List<Entry> es = new ArrayList<>();
          es.add(build(new Entry(c.id + "-dl4j-default", c, "DL4J default", def, 1, true), "dl4j", 1));
          es.add(build(new Entry(c.id + "-dl4j-tuned", c, "DL4J tuned", tuned, 1, true), "dl4j", 1));
          es.add(build(new Entry(c.id + "-pop1", c, "deadrelu P=1", def, 1, false), "engine", 1));
          for (int p : o.populations) {
            es.add(build(new Entry(c.id + "-pop" + p, c, "deadrelu P=" + p, def, p, false), "engine", p));
          }
          if (o.tunedEngine) {
            List<Integer> pops = new ArrayList<>(List.of(1));
            pops.addAll(o.populations);
            for (int p : pops) {
              Entry e = new Entry(c.id + "-tpop" + p, c, "deadrelu P=" + p + ", tuned JVM (info)", tuned, p, false);
              e.info = true;
              es.add(build(e, "engine", p));
            }
          }
          byConfig.put(c, es);
        }
        Entry roof = build(new Entry("roofline", RefConfig.A, "gemm 512^3", def, 1, false), "roofline", 512);

        // correctness before anything is timed
        progress("checking losses after %d steps", o.checkSteps);
        boolean agree = true;
        for (List<Entry> es : byConfig.values()) {
          for (Entry e : es) {
            String[] r = e.worker.call("check " + e.id + " " + o.checkSteps).split(" ");
            e.lossBefore = parse(r[1]);
            e.lossAfter = parse(r[2]);
          }
        }
        agree = correctnessReport(byConfig);
        if (!agree) {
          report.append("\nLOSSES DISAGREE: nothing was timed. Fix the variants (or raise --tolerance) first.\n");
          return 1;
        }

        progress("warming up (%.1f s per variant)", o.warmSeconds);
        List<Entry> all = new ArrayList<>();
        byConfig.values().forEach(all::addAll);
        all.add(roof);
        for (Entry e : all) {
          double ns = Double.parseDouble(e.worker.call("warm " + e.id + " " + o.warmSeconds).split(" ")[1]);
          e.blockSteps = (int) Math.max(3, Math.ceil(o.blockSeconds * 1e9 / ns));
        }

        for (int r = 0; r < o.rounds; r++) {
          progress("round %d/%d", r + 1, o.rounds);
          for (List<Entry> es : byConfig.values()) {
            int n = es.size();
            for (int i = 0; i < n; i++) {
              time(es.get((i + r) % n));
            }
          }
          time(roof);
        }
        throughputReport(byConfig, roof);
      }
      return 0;
    }

    private Entry build(Entry e, String kind, int p) throws IOException {
      e.worker.call("build " + e.id + " " + e.config.id + " " + kind + " " + p);
      e.flopsPerStep = Double.parseDouble(e.worker.call("flops " + e.id).split(" ")[1]);
      return e;
    }

    private void time(Entry e) throws IOException {
      long ns = Long.parseLong(e.worker.call("time " + e.id + " " + e.blockSteps).split(" ")[1]);
      e.usPerNetworkStep.add(ns / 1e3 / e.blockSteps / e.networks);
    }

    private static double[] parse(String csv) {
      return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double rel(double a, double b) {
      if (a == b) {
        return 0;
      }
      return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    /** Every variant's network 0 against deadrelu P=1; every population's network s against the largest's. */
    private boolean correctnessReport(Map<RefConfig, List<Entry>> byConfig) {
      report.append(String.format(Locale.ROOT, "%n== Correctness: loss on the first minibatch before and after %d SGD steps"
          + " (network 0 = seed 0, same weights and minibatches everywhere; relative tolerance %.0e) ==%n",
          o.checkSteps, o.tolerance));
      boolean ok = true;
      for (Map.Entry<RefConfig, List<Entry>> ce : byConfig.entrySet()) {
        List<Entry> es = ce.getValue();
        Entry ref = es.stream().filter(e -> e.id.endsWith("-pop1")).findFirst().orElseThrow();
        Entry largest = es.stream().filter(e -> !e.dl4j && !e.info).max((x, y) -> Integer.compare(x.networks, y.networks)).orElseThrow();
        report.append(String.format(Locale.ROOT, "%n(%s) %s%n", ce.getKey().id, ce.getKey().describe(ce.getKey().data())));
        TextTable t = new TextTable("variant", "loss@0", "loss@" + o.checkSteps, "rel.diff vs deadrelu P=1",
            "other networks vs P=" + largest.networks, "verdict");
        for (Entry e : es) {
          double d0 = rel(e.lossBefore[0], ref.lossBefore[0]);
          double d1 = rel(e.lossAfter[0], ref.lossAfter[0]);
          boolean good = Double.isFinite(e.lossAfter[0]) && d0 <= o.tolerance && d1 <= o.tolerance;
          double worst = 0;
          for (int s = 1; s < e.networks; s++) {
            worst = Math.max(worst, Math.max(rel(e.lossBefore[s], largest.lossBefore[s]), rel(e.lossAfter[s], largest.lossAfter[s])));
            good &= Double.isFinite(e.lossAfter[s]);
          }
          good &= worst <= o.tolerance;
          ok &= good;
          t.add(e.label, fmt("%.6f", e.lossBefore[0]), fmt("%.6f", e.lossAfter[0]),
              fmt("%.1e", Math.max(d0, d1)), e.networks > 1 ? fmt("%.1e", worst) : "-", good ? "ok" : "DISAGREE");
        }
        t.print(report);
      }
      return ok;
    }

    private void throughputReport(Map<RefConfig, List<Entry>> byConfig, Entry roof) {
      double roofGflops = roof.flopsPerStep / (roof.median() * 1e3);
      report.append(String.format(Locale.ROOT, "%n== Throughput: median of %d alternating rounds, one core, float ==%n", o.rounds));
      report.append(String.format(Locale.ROOT, "roofline: one %s (Nd4j.gemm, float, preallocated output): %.1f GFLOP/s"
          + " (median %.0f us, range %.0f-%.0f us)%n", roof.label, roofGflops, roof.median(),
          Stats.min(toArray(roof.usPerNetworkStep)), Stats.max(toArray(roof.usPerNetworkStep))));
      report.append("FLOPs per network step = 6 x batch x sum(fan_in x fan_out); speedup = faster DL4J us / variant us\n");
      for (Map.Entry<RefConfig, List<Entry>> ce : byConfig.entrySet()) {
        RefConfig c = ce.getKey();
        List<Entry> es = ce.getValue();
        double dl4jBest = es.stream().filter(e -> e.dl4j).mapToDouble(Entry::median).min().orElse(Double.NaN);
        String dl4jBestLabel = es.stream().filter(e -> e.dl4j).min((x, y) -> Double.compare(x.median(), y.median()))
            .map(e -> e.label).orElse("?");
        RefConfig.Data d = c.data();
        report.append(String.format(Locale.ROOT, "%n(%s) %s: %.2f MFLOP per network step; faster DL4J: %s%n",
            c.id, c.describe(d), c.flopsPerNetworkStep(d) / 1e6, dl4jBestLabel));
        TextTable t = new TextTable("variant", "steps/block", "us/network-step", "range", "speedup", "GFLOP/s", "% roofline");
        double best = 0;
        String bestLabel = null;
        double bestPct = 0;
        for (Entry e : es) {
          double us = e.median();
          double gflops = e.flopsPerStep / e.networks / (us * 1e3);
          double speedup = dl4jBest / us;
          if (!e.dl4j && !e.info && e.networks > 1 && speedup > best) {
            best = speedup;
            bestLabel = e.label;
            bestPct = 100 * gflops / roofGflops;
          }
          double[] v = toArray(e.usPerNetworkStep);
          t.add(e.label, e.blockSteps, fmt("%.1f", us), fmt("%.1f-%.1f", Stats.min(v), Stats.max(v)),
              fmt("%.2fx", speedup), fmt("%.2f", gflops), fmt("%.1f%%", 100 * gflops / roofGflops));
        }
        t.print(report);
        if (bestLabel != null) {
          bestSpeedup.put(c, best);
          bestPopulation.put(c, bestLabel);
          if (c == RefConfig.A) {
            rooflineShareA = bestPct;
            rooflineShareAVariant = bestLabel;
          }
        }
      }
    }

    private static double[] toArray(List<Double> v) {
      return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ------------------------------------------------------------------ memory

    /** JavaCPP settings of the tuned DL4J variant; they only act at JVM start. */
    static final List<String> TUNED_JAVACPP = List.of(
        "-Dorg.bytedeco.javacpp.nopointergc=true", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0");

    private void memory() {
      RefConfig c = o.rssConfig;
      report.append(String.format(Locale.ROOT, "%n== Resident memory (VmRSS), configuration (%s), one child JVM per variant"
          + " (-Xms1g -Xmx1g -XX:+AlwaysPreTouch: the heap is resident from the start, growth is native) ==%n", c.id));
      TextTable t = new TextTable("variant", "after 1 step", "after " + o.rssSteps1, "after " + o.rssSteps2,
          "growth " + o.rssSteps1 + "->" + o.rssSteps2, "s for the steps");
      List<String[]> variants = new ArrayList<>();
      variants.add(new String[] {"DL4J default", "dl4j", "1", ""});
      variants.add(new String[] {"DL4J tuned", "dl4j", "1", "tuned"});
      for (int p : o.rssPopulations) {
        variants.add(new String[] {"deadrelu P=" + p, "engine", String.valueOf(p), ""});
      }
      if (o.tunedEngine) {
        for (int p : o.rssPopulations) {
          variants.add(new String[] {"deadrelu P=" + p + ", tuned JVM (info)", "engine", String.valueOf(p), "tuned"});
        }
      }
      for (String[] v : variants) {
        progress("memory: %s, %d steps", v[0], o.rssSteps2);
        List<String> opts = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        if (v[3].equals("tuned")) {
          opts.addAll(TUNED_JAVACPP);
        }
        try {
          List<String> r = Jvm.run(opts, logs.resolve("rss-" + v[0].replaceAll("[^A-Za-z0-9]+", "-") + ".log"), 3600,
              "--rss", c.id, v[1], v[2], String.valueOf(o.rssSteps1), String.valueOf(o.rssSteps2), v[3]);
          String[] f = r.stream().filter(l -> l.startsWith("rss ")).findFirst().orElseThrow().split(" ");
          long r0 = Long.parseLong(f[1]);
          long r1 = Long.parseLong(f[2]);
          long r2 = Long.parseLong(f[3]);
          double growth = (double) r2 / r1 - 1;
          if (v[1].equals("engine") && v[3].isEmpty() && (worstEngineRssGrowth == null || growth > worstEngineRssGrowth)) {
            worstEngineRssGrowth = growth;
            worstEngineRssVariant = v[0];
          }
          t.add(v[0], mb(r0), mb(r1), mb(r2), fmt("%+.1f%%", 100 * growth) + (f[5].equals("finite") ? "" : " (loss not finite)"),
              fmt("%.1f", Double.parseDouble(f[4])));
        } catch (IOException | InterruptedException | RuntimeException e) {
          problems.add("memory " + v[0] + ": " + e.getMessage());
          t.add(v[0], "error", "", "", "", "");
        }
      }
      t.print(report);
      shardMemory();
    }

    private static String mb(long kb) {
      return fmt("%.0f MB", kb / 1024.0);
    }

    /** Peak resident size of a JVM doing an executor's work on one shard of 128 reference-(a) trials. */
    private void shardMemory() {
      int trials = 128;
      int steps = o.quick ? 100 : 1000;
      progress("memory: one shard of %d trials", trials);
      try {
        List<String> r = Jvm.run(List.of("-Xmx1g"), logs.resolve("shard-memory.log"), 3600,
            "--shard-memory", String.valueOf(trials), String.valueOf(steps));
        String[] f = r.stream().filter(l -> l.startsWith("shard-memory ")).findFirst().orElseThrow().split(" ");
        shardPeakMb = Long.parseLong(f[4]) / 1024.0;
        report.append(fmt("one shard of %s reference-(a) trials (%d steps, probes every 100), trained by ShardTrainer as a Spark"
            + " task does, in a JVM with -Xmx1g: %s ok in %s s, peak resident %.0f MB (VmHWM), %.0f MB at the end%n",
            f[1], steps, f[2], f[3], shardPeakMb, Long.parseLong(f[5]) / 1024.0));
      } catch (IOException | InterruptedException | RuntimeException e) {
        problems.add("shard memory: " + e.getMessage());
      }
    }

    // ------------------------------------------------------------------ spark

    private void spark() {
      report.append(String.format(Locale.ROOT, "%n== Spark local mode: SweepRunner on %d reference-(a) trials, %d steps each"
          + " (probe.every 100), one child JVM per run, timed after %d untimed sweeps; %d alternating rounds ==%n",
          o.sparkTrials, o.sparkSteps, o.sparkWarmups, o.sparkRounds));
      report.append("sweep: ").append(SparkRun.sweepText("bench-local", o.sparkTrials, o.sparkSteps).replace("\n", "; ")).append('\n');
      TextTable t = new TextTable("master", "round", "trials", "wall s", "trials/s", "ok/diverged/failed", "shards (trials each)",
          "JIT s");
      Map<String, List<Double>> walls = new LinkedHashMap<>();
      Map<String, Integer> ran = new LinkedHashMap<>();
      for (int round = 1; round <= o.sparkRounds; round++) {
        for (String master : List.of("local[1]", "local[2]")) {
          progress("spark: %s, round %d of %d", master, round, o.sparkRounds);
          String tag = master.replaceAll("[^a-z0-9]+", "-");
          try {
            List<String> r = Jvm.run(List.of("-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=4g",
                    "-Dorg.bytedeco.javacpp.maxphysicalbytes=10g"), logs.resolve("spark-" + tag + round + ".log"), 3600,
                "--spark", master, String.valueOf(o.sparkTrials), String.valueOf(o.sparkSteps),
                o.work.resolve("spark-" + tag).toAbsolutePath().toString(), String.valueOf(o.sparkWarmups));
            String[] f = r.stream().filter(l -> l.startsWith("spark ")).findFirst().orElseThrow().split(" ");
            int n = Integer.parseInt(f[2]);
            double wall = Double.parseDouble(f[3]);
            walls.computeIfAbsent(master, k -> new ArrayList<>()).add(wall);
            ran.put(master, n);
            t.add(master, round, n, fmt("%.2f", wall), fmt("%.3f", n / wall), f[4] + "/" + f[5] + "/" + f[6], f[8], f[9]);
          } catch (IOException | InterruptedException | RuntimeException e) {
            problems.add("spark " + master + ": " + e.getMessage());
            t.add(master, round, "error", "", "", "", "", "");
          }
        }
      }
      t.print(report);
      threadCeiling();
      if (walls.size() == 2) {
        double r1 = ran.get("local[1]") / Stats.median(walls.get("local[1]").stream().mapToDouble(Double::doubleValue).toArray());
        double r2 = ran.get("local[2]") / Stats.median(walls.get("local[2]").stream().mapToDouble(Double::doubleValue).toArray());
        sparkRatio = r2 / r1;
        report.append(fmt("median trials per second: local[1] %.3f, local[2] %.3f; local[2] / local[1]: %.2f%n", r1, r2, sparkRatio));
      }
    }

    /**
     * Two threads against one, no Spark: the training loop, a one-core gemm, an integer loop. The
     * ceiling for local[2] / local[1] (see {@link ThreadScaling}).
     */
    private void threadCeiling() {
      int population = 16;
      int steps = o.quick ? 100 : 1000;
      int rounds = Math.max(5, o.sparkRounds);
      progress("spark: two-thread ceilings");
      try {
        List<String> r = Jvm.run(List.of("-Xmx2g"), logs.resolve("threads.log"), 1800,
            "--threads", String.valueOf(population), String.valueOf(steps), String.valueOf(rounds));
        // throughput of two at once over one alone: (2 x work / wall of both) / (work / wall alone)
        threadRatio = ceiling(r, "threads ", f -> Double.parseDouble(f[1]) / Double.parseDouble(f[2]),
            fmt("the engine's training loop, reference (a), P=%d, %d steps", population, steps));
        for (String n : List.of("128", "256")) {
          double g = ceiling(r, "gemm " + n + " ", f -> 2 * Double.parseDouble(f[2]) / Double.parseDouble(f[3]),
              "one-core sgemm " + n + "x" + n + " (Nd4j.gemm, float)");
          if (n.equals("128")) {
            gemmRatio = g; // in each core's private L2: the cores' vector units alone, no shared cache
          }
        }
        trialsRatio = ceiling(r, "trials ", f -> 2 * Double.parseDouble(f[1]) / Double.parseDouble(f[3]),
            "128 of e2e-1's trials as a task trains them (Trainer, probing included)");
        // where the pair's time went: each task's own CPU against alone, and the JVM's other threads
        double[] own = r.stream().filter(l -> l.startsWith("trials ")).map(l -> l.split(" "))
            .mapToDouble(f -> (Double.parseDouble(f[4]) + Double.parseDouble(f[5])) / 2 / Double.parseDouble(f[2])).toArray();
        double[] others = r.stream().filter(l -> l.startsWith("trials ")).map(l -> l.split(" "))
            .mapToDouble(f -> (Double.parseDouble(f[6]) - Double.parseDouble(f[4]) - Double.parseDouble(f[5]))
                / (2 * Double.parseDouble(f[3]))).toArray();
        report.append(fmt("  two at once: each task's own CPU time %s x alone (median %.2f); the JVM's other threads"
            + " (GC, JIT, deallocators) took %s of the two cores (median %.0f%%)%n",
            Arrays.stream(own).mapToObj(v -> fmt("%.2f", v)).collect(Collectors.joining(" ")), Stats.median(own),
            Arrays.stream(others).mapToObj(v -> fmt("%.0f%%", 100 * v)).collect(Collectors.joining(" ")),
            100 * Stats.median(others)));
        integerRatio = ceiling(r, "integer ", f -> 2 * Double.parseDouble(f[1]) / Double.parseDouble(f[2]),
            "integer loop in registers (no memory, no vector units)");
      } catch (IOException | InterruptedException | RuntimeException e) {
        problems.add("spark ceiling: " + e.getMessage());
      }
    }

    /** Reports one ceiling's per-round ratios and returns their median. */
    private double ceiling(List<String> lines, String prefix, java.util.function.ToDoubleFunction<String[]> ratio,
        String what) {
      double[] x = lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.split(" ")).mapToDouble(ratio).toArray();
      double m = Stats.median(x);
      report.append(fmt("two threads / one, %s: %s, median %.2f%n", what,
          Arrays.stream(x).mapToObj(v -> fmt("%.2f", v)).collect(Collectors.joining(" ")), m));
      return m;
    }

    // ------------------------------------------------------------------ probe

    private void probe() {
      // a regression and a classifier: accuracy, and the softmax head, are on the classifier's path only
      probe(RefConfig.A, "reference-(a) trials (a regression: 2000 teacher rows, 20% held out; probe.samples 512,"
          + " death over every training row)");
      probe(RefConfig.B, "reference-(b) trials (a classifier: the 1797 digits, 20% held out; probe.samples 512,"
          + " death over every training row)");
    }

    private void probe(RefConfig config, String what) {
      int n100 = checkpoints(o.probeSteps, 100);
      int nEnds = checkpoints(o.probeSteps, o.probeSteps);
      report.append(String.format(Locale.ROOT, "%n== Probing cost: whole %s, Trainer, %d steps, probing every 100 steps"
          + " (%d checkpoints) vs only at the ends (%d); fastest of %d alternating rounds ==%n", what, o.probeSteps, n100,
          nEnds, o.probeRounds));
      TextTable t = new TextTable("population", "ms/trial every 100", "ms/trial ends only", "ms/checkpoint/trial",
          "probing share");
      try {
        progress("probe cost (%s): populations %s, %d steps", config.id, o.probePopulations, o.probeSteps);
        List<String> r = Jvm.run(List.of("-Xmx2g"), logs.resolve("probe-" + config.id + ".log"), 3600, "--probe",
            String.valueOf(o.probeSteps), String.valueOf(o.probeRounds),
            o.probePopulations.stream().map(String::valueOf).collect(Collectors.joining(",")), config.id);
        for (String l : r) {
          if (!l.startsWith("probe ")) {
            continue;
          }
          String[] f = l.split(" ");
          int p = Integer.parseInt(f[1]);
          double every = Double.parseDouble(f[2]) / p;
          double ends = Double.parseDouble(f[3]) / p;
          double perCheckpoint = (every - ends) / (n100 - nEnds);
          double share = n100 * perCheckpoint / every;
          boolean measurable = perCheckpoint > 0;
          t.add("P=" + p, fmt("%.1f", every), fmt("%.1f", ends), fmt("%.2f", perCheckpoint),
              measurable ? fmt("%.1f%%", 100 * share) : "below noise");
          probeShare.put(config, measurable ? share : Double.NaN);
          probeSharePopulation.put(config, p);
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        problems.add("probe: " + e.getMessage());
        t.add("error", "", "", "", "");
      }
      t.print(report);
      report.append("probing share = checkpoints x (cost of one checkpoint) / trial time at every 100; a checkpoint"
          + " = death over the training split + neuron probe + held-out evaluation\n");
    }

    // ------------------------------------------------------------------ online

    /**
     * Reference (d) as a user runs it against what a researcher writes instead: slowly-changing
     * regression learned online at batch 1 by N 20-5-1 networks, numpy vectorized over the networks
     * (bench/baseline/slowly_changing_numpy.py) and the engine's Trainer (OnlineStream), alternating.
     */
    private void online() {
      report.append(fmt("%n== Online learning, reference (d): slowly-changing regression, 20-5-1 ReLU, SGD lr 0.01,"
          + " batch 1, %d networks x %,d steps; median of %d alternating rounds, one core ==%n", o.onlineNetworks,
          o.onlineSteps, o.onlineRounds));
      report.append("numpy: bench/baseline/slowly_changing_numpy.py, the networks as batched matrix products, each with its"
          + " own target network and stream, training only; deadrelu: Trainer as executors run it, the stream from each"
          + " trial's seed, online error every 100 steps, geometric checkpoints (death on the current and earlier tasks)\n");
      Path script = Path.of("bench", "baseline", "slowly_changing_numpy.py");
      double[] numpy = new double[o.onlineRounds];
      double[] engine = new double[o.onlineRounds];
      java.util.Arrays.fill(numpy, Double.NaN);
      String numpyProblem = null;
      for (int r = 0; r < o.onlineRounds; r++) {
        progress("online: round %d/%d", r + 1, o.onlineRounds);
        for (int k = 0; k < 2; k++) {
          boolean numpyTurn = (k == 0) == (r % 2 == 0);
          try {
            if (numpyTurn && numpyProblem == null) {
              numpy[r] = numpyRun(script);
            } else if (!numpyTurn) {
              List<String> out = Jvm.run(List.of("-Xmx1g"), logs.resolve("online.log"), 3600, "--online",
                  String.valueOf(o.onlineSteps), String.valueOf(o.onlineNetworks));
              engine[r] = out.stream().filter(l -> l.startsWith("online ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[4]))
                  .findFirst().orElseThrow(() -> new IOException("the online run gave no figure; see online.log"));
            }
          } catch (IOException | InterruptedException | RuntimeException e) {
            if (numpyTurn) {
              numpyProblem = e.getMessage();
            } else {
              problems.add("online: " + e.getMessage());
              engine[r] = Double.NaN;
            }
          }
        }
      }
      TextTable t = new TextTable("variant", "us/network-step (median)", "rounds", "speedup vs numpy");
      double np = numpyProblem == null ? Stats.median(numpy) : Double.NaN;
      double en = Stats.median(engine);
      t.add("numpy, batched over networks", numpyProblem == null ? fmt("%.3f", np) : "not measured", fmt("%s", fmtAll(numpy)),
          "1.00x");
      t.add("deadrelu Trainer, one population", fmt("%.3f", en), fmtAll(engine), Double.isNaN(np) ? "-" : fmt("%.2fx", np / en));
      t.print(report);
      if (numpyProblem != null) {
        report.append("numpy not measured: ").append(numpyProblem).append('\n');
      }
      onlineSpeedup = Double.isNaN(np) || Double.isNaN(en) ? null : np / en;
    }

    /** One run of the numpy script; its own figure, which leaves Python's start-up and imports out. */
    private double numpyRun(Path script) throws IOException, InterruptedException {
      ProcessBuilder b = new ProcessBuilder("python3", script.toString(), String.valueOf(o.onlineNetworks),
          String.valueOf(o.onlineSteps)).redirectErrorStream(true);
      b.environment().put("OMP_NUM_THREADS", "1");
      b.environment().put("OPENBLAS_NUM_THREADS", "1");
      b.environment().put("MKL_NUM_THREADS", "1");
      Process p = b.start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.waitFor() != 0 || !out.startsWith("numpy-scr ")) {
        throw new IOException("python3 with numpy did not run " + script + ": " + out.strip().lines().reduce((a, c) -> c).orElse(""));
      }
      return Double.parseDouble(out.strip().split(" ")[4]);
    }

    private static String fmtAll(double[] v) {
      StringBuilder b = new StringBuilder();
      for (double x : v) {
        b.append(b.length() == 0 ? "" : " ").append(Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x));
      }
      return b.toString();
    }

    // ------------------------------------------------------------------ end to end

    /** N of a {@code local[N]} master. */
    static int masterCores(String master) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+)]").matcher(master);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a local[N] master: " + master);
      }
      return Integer.parseInt(m.group(1));
    }

    /** The engine-alone run's measuring share of a sweep on local[1], in percent (NaN if not run). */
    private double loopMeasuringShare(String name) {
      double[] v = e2e.get(name + " local[1]");
      return v == null ? Double.NaN : 100 * v[12] / v[11];
    }

    private void endToEnd() {
      report.append(fmt("%n== End to end: reference sweeps through SweepRunner on local mode, as `deadrelu sweep` runs"
          + " them (Parquet and compaction included), the median of %d timed runs after %d to %d untimed ones in the"
          + " same JVM, until the compiler's time in the last is at most %.0f%% of its wall (the engine alone: the median of"
          + " %d); seeds / %d ==%n", EndToEnd.TIMED, EndToEnd.MIN_WARM_UPS, EndToEnd.MAX_WARM_UPS,
          100 * EndToEnd.SETTLED_JIT_SHARE, EndToEnd.TIMED, o.e2eScale));
      report.append("e2e-1: spirals, 32-32 softmax, 300 steps, batch 32, probe every 50 on 256 rows, 2 activations x 4 lr x"
          + " 2 biases; e2e-2: reference (a), 1000 steps, default probing; e2e-3: digits, 64-64 softmax, 1000 steps,"
          + " batch 64, probe every 100\n");
      report.append(Jvm.pinned(1)
          ? "each local[N] run in a JVM confined to N CPUs (taskset): its compiler and collector threads share the master's"
              + " cores, as they do on a machine of N cores\n"
          : "the JVMs are not confined to the master's cores (taskset missing, or no more CPUs than cores): on local[1] the"
              + " compiler and collector threads run on the others\n");
      TextTable t = new TextTable("sweep", "master", "trials", "wall s", "trials/s", "task core-s/trial", "training",
          "measuring", "rows", "writing", "compaction s", "Spark start s", "JIT s", "loop-only s (1 thread)",
          "loop-only s (the cores)", "wall / loop on the cores (paired)", "task s / plan");
      TextTable cpu = new TextTable("sweep", "master", "wall s", "cores x wall s", "task threads' CPU s",
          "JIT threads' CPU s", "GC threads' CPU s", "other threads' CPU s", "all threads / (cores x wall)");
      StringBuilder walls = new StringBuilder();
      StringBuilder warmUps = new StringBuilder();
      StringBuilder speeds = new StringBuilder();
      for (String name : List.of("e2e-1", "e2e-2", "e2e-3")) {
        for (String master : List.of("local[1]", "local[2]")) {
          try {
            progress("end to end: %s on %s", name, master);
            // local[N] on N CPUs: on more, the JVM's compiler and collector threads would run on cores the
            // master leaves idle, and "on one core" would take more than one
            List<String> r = Jvm.run(Jvm.pinTo(masterCores(master)), List.of("-Xmx4g"),
                logs.resolve(name + "-" + master.replaceAll("\\W", "") + ".log"), 3600, "--e2e", master, name, String.valueOf(o.e2eScale), o.work.resolve("e2e").toString());
            double wall = Double.NaN;
            for (String l : r) {
              if (l.startsWith("e2e-cpu ")) {
                // e2e-cpu name cores tasks jit gc other: CPU seconds of the JVM's threads by kind in the timed run
                String[] f = l.split(" ");
                double cores = Double.parseDouble(f[2]);
                double all = 0;
                for (int k = 3; k < 7; k++) {
                  all += Double.parseDouble(f[k]);
                }
                cpu.add(name, master, fmt("%.1f", wall), fmt("%.1f", cores * wall), f[3], f[4], f[5], f[6],
                    fmt("%.0f%%", 100 * all / (cores * wall)));
                continue;
              }
              if (l.startsWith("e2e-default-sweep ")) {
                // e2e-default-sweep name taskWall training measuring rows writing: e2e-1 at the default
                // probe interval as a sweep on local[1], the tasks' time split
                String[] f = l.split(" ");
                e2eDefaultSweep = Arrays.stream(f, 2, 7).mapToDouble(Double::parseDouble).toArray();
                continue;
              }
              if (l.startsWith("e2e-default ")) {
                // e2e-default name loopSeconds measuringSeconds deathScanSeconds heldOutSeconds: e2e-1 at the
                // default probe interval, engine alone
                String[] f = l.split(" ");
                e2eDefaultInterval = Arrays.stream(f, 2, 6).mapToDouble(Double::parseDouble).toArray();
                continue;
              }
              if (l.startsWith("e2e-speed ")) {
                // e2e-speed name gemm rest: the machine speed calibrated before the median timed run
                String[] f = l.split(" ");
                speeds.append(fmt(" %s %s: gemm %.2fx, the rest %.2fx;", name, master, Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
                continue;
              }
              if (l.startsWith("e2e-warmups ")) {
                // e2e-warmups name count: the untimed sweeps run before the timed ones
                warmUps.append(fmt(" %s %s: %s;", name, master, l.split(" ")[2]));
                continue;
              }
              if (l.startsWith("e2e-walls ")) {
                // e2e-walls name wall...: every timed run's wall time, the median of which the table gives
                listWalls(walls, name + " " + master, l);
                continue;
              }
              if (!l.startsWith("e2e ")) {
                continue;
              }
              String[] f = l.split(" ");
              double[] v = Arrays.stream(f, 2, f.length).mapToDouble(Double::parseDouble).toArray();
              // v: ran cores wall taskWall training measuring rows writing compaction sparkStart planned loop loopMeasuring jit
              // loopOnCores pairedWallOverLoopOnCores
              e2e.put(name + " " + master, v);
              wall = v[2];
              double ran = v[0];
              double cores = v[1];
              double task = v[3];
              t.add(name, master, fmt("%.0f", ran), fmt("%.1f", v[2]), fmt("%.1f", ran / v[2]), fmt("%.3f", task / ran),
                  pct(v[4], task), pct(v[5], task), pct(v[6], task), pct(v[7], task), fmt("%.1f", v[8]),
                  fmt("%.1f", v[9]), fmt("%.1f", v[13]), fmt("%.1f", v[11]), fmt("%.1f", v[14]), fmt("%.2f", v[15]),
                  fmt("%.2f", task / v[10]));
            }
          } catch (IOException | InterruptedException | RuntimeException e) {
            problems.add("end to end " + name + " " + master + ": " + e.getMessage());
          }
        }
      }
      twoCorePairs(walls);
      t.print(report);
      if (walls.length() > 0) {
        report.append("every timed run's wall s: ").append(walls.substring(0, walls.length() - 1).replace(";", "; "))
            .append("\n");
      }
      if (!twoCorePairs.isEmpty()) {
        report.append(fmt("e2e-1's two-core ratio (local[1]'s median wall over local[2]'s) by JVM pair, the full runs'"
            + " first, then walls-only runs, local[2] first in every other pair: %s; median %.2f%n", list(twoCorePairs),
            Stats.median(twoCorePairs.stream().mapToDouble(Double::doubleValue).toArray())));
      }
      if (warmUps.length() > 0) {
        report.append("untimed sweeps before the timed ones:").append(warmUps, 0, warmUps.length() - 1).append("\n");
      }
      if (speeds.length() > 0) {
        report.append("machine speed that `plan` calibrated (Calibration, its default budget; also run in every untimed"
            + " round, so that its code is compiled before it is timed) at once before the median timed run, in the"
            + " reference machine's time:").append(speeds, 0, speeds.length() - 1).append("\n");
      }
      if (e2eDefaultInterval != null) {
        double[] d = e2eDefaultInterval;
        report.append(fmt("e2e-1 at the default probe interval (every 100 steps, 4 checkpoints instead of 7), the engine"
            + " alone on one thread: %.1f s, measuring %.1f%% of it: the neuron probe %.1f%%, the death scans %.1f%%, the"
            + " held-out split %.1f%% (e2e-1 itself, engine alone: %.1f%%)%n", d[0], 100 * d[1] / d[0],
            100 * (d[1] - d[2] - d[3]) / d[0], 100 * d[2] / d[0], 100 * d[3] / d[0], loopMeasuringShare("e2e-1")));
      }
      if (e2eDefaultSweep != null) {
        double[] d = e2eDefaultSweep;
        report.append(fmt("e2e-1 at the default probe interval as a sweep on local[1] (the median of 3 timed runs by"
            + " measuring share): tasks %.1f s: training %.1f%%, measuring %.1f%%, building rows %.1f%%, writing Parquet"
            + " %.1f%%%n", d[0], 100 * d[1] / d[0], 100 * d[2] / d[0], 100 * d[3] / d[0], 100 * d[4] / d[0]));
      }
      quickstartCold();
      report.append("wall: the sweep's own time (planning, the waves, commits, compaction), Spark's start-up apart;"
          + " task core-s: the tasks' time summed, split by timers inside them; loop-only: the same trials trained by the"
          + " engine alone (measurement included, no Spark, no Parquet), on one thread and on as many threads as the"
          + " master has cores, each taking the next shard (the limit on these shapes and cores), run right after each timed"
          + " sweep; wall / loop: the median over those pairs of the sweep's wall over the engine's time on the cores;"
          + " plan: CostModel's estimate of"
          + " the tasks' core-seconds at the machine speed calibrated at once before the same run; JIT: the compiler's time during the timed run\n");
      report.append("Where the cores went during each timed run, by the JVM's threads (Linux's per-thread accounting):\n");
      cpu.print(report);
      report.append("task threads: Spark's tasks (training, measuring, writing); JIT: the compiler's threads, still"
          + " compiling the code a sweep reaches once per shard or wave\n");
    }

    /**
     * The two-core ratio of e2e-1 over JVM pairs: the full runs' pair, then {@link #E2E_EXTRA_PAIRS}
     * pairs of walls-only runs, local[2] first in every other pair, so that a drift of the machine's
     * speed falls on both sides alike. Adds each run's wall times to {@code walls}.
     */
    private void twoCorePairs(StringBuilder walls) {
      double[] one = e2e.get("e2e-1 local[1]");
      double[] two = e2e.get("e2e-1 local[2]");
      if (one == null || two == null) {
        return;
      }
      twoCorePairs.add(one[2] / two[2]);
      for (int k = 1; k <= E2E_EXTRA_PAIRS; k++) {
        List<String> order = k % 2 == 1 ? List.of("local[2]", "local[1]") : List.of("local[1]", "local[2]");
        Map<String, Double> median = new HashMap<>();
        try {
          for (String master : order) {
            median.put(master, wallsOnly(master, k + 1, walls));
          }
          twoCorePairs.add(median.get("local[1]") / median.get("local[2]"));
        } catch (IOException | InterruptedException | RuntimeException e) {
          problems.add("end to end e2e-1, pair " + (k + 1) + ": " + e.getMessage());
        }
      }
    }

    /** Adds an {@code e2e-walls name wall...} reply's walls to {@code walls} under {@code label}; returns them. */
    private static double[] listWalls(StringBuilder walls, String label, String reply) {
      String[] f = reply.split(" ");
      double[] w = Arrays.stream(f, 2, f.length).mapToDouble(Double::parseDouble).toArray();
      walls.append(label).append(':');
      for (double x : w) {
        walls.append(fmt(" %.1f", x));
      }
      walls.append(';');
      return w;
    }

    /** Ratios as "1.81, 1.64". */
    private static String list(List<Double> ratios) {
      return ratios.stream().map(r -> fmt("%.2f", r)).collect(Collectors.joining(", "));
    }

    /** The median of a walls-only e2e-1 run's timed walls in a JVM of its own; adds them to {@code walls}. */
    private double wallsOnly(String master, int pair, StringBuilder walls) throws IOException, InterruptedException {
      progress("end to end: e2e-1 on %s, pair %d of %d for the two-core ratio", master, pair, E2E_EXTRA_PAIRS + 1);
      List<String> r = Jvm.run(Jvm.pinTo(masterCores(master)), List.of("-Xmx4g"),
          logs.resolve("e2e-1-" + master.replaceAll("\\W", "") + "-pair" + pair + ".log"), 3600, "--e2e", master,
          "e2e-1", String.valueOf(o.e2eScale), o.work.resolve("e2e").toString(), "walls-only");
      for (String l : r) {
        if (l.startsWith("e2e-walls ")) {
          return Stats.median(listWalls(walls, fmt("e2e-1 %s (pair %d)", master, pair), l));
        }
      }
      throw new IOException("no wall times from e2e-1 on " + master + " (see " + logs + ")");
    }

    /** sweeps/quickstart.yaml as a new user first runs it, from a fresh JVM: `plan`'s estimate against the tasks' time. */
    private void quickstartCold() {
      try {
        progress("end to end: sweeps/quickstart.yaml from a fresh JVM");
        Path root = Path.of("").toAbsolutePath();
        Path out = o.work.resolve("quickstart").toAbsolutePath();
        SparkRun.deleteTree(out);
        String plan = command(root, Map.of(), "quickstart-plan", List.of("scripts/deadrelu", "plan", "sweeps/quickstart.yaml"));
        String run = command(root, Map.of(), "quickstart-sweep", List.of("scripts/deadrelu", "sweep",
            "sweeps/quickstart.yaml", "--out", out.toString(), "--progress", "0"));
        java.util.regex.Matcher estimate = java.util.regex.Pattern.compile("estimated cost: ([0-9.]+) core-seconds").matcher(plan);
        java.util.regex.Matcher task = java.util.regex.Pattern.compile("task time ([0-9.]+) s").matcher(run);
        if (!estimate.find() || !task.find()) {
          throw new IOException("no estimate in `plan`'s output or no task time in `sweep`'s (see " + logs + ")");
        }
        quickstartPlan = Double.parseDouble(task.group(1)) / Double.parseDouble(estimate.group(1));
        report.append(fmt("sweeps/quickstart.yaml from a fresh JVM (scripts/deadrelu, %s): tasks %s core-s, `plan`"
            + " estimated %s (start-up of the executor cores included): measured / plan %.2f%n",
            "local[*]", task.group(1), estimate.group(1), quickstartPlan));
      } catch (IOException | InterruptedException | RuntimeException e) {
        problems.add("quickstart from a fresh JVM: " + e.getMessage());
      }
    }

    // ------------------------------------------------------------------ idle cores at wave ends

    /** Waves in flight the idle section compares: lockstep, then overlapping. */
    static final List<Integer> IDLE_WAVES_IN_FLIGHT = List.of(1, 2, 3);

    /** Trials ~10x apart in cost (one hidden layer of 8 against four of 128), paired in every wave of 8. */
    static final String MIXED_COST_SWEEP = """
        name: mixed-cost
        data: {source: spirals, samples: 1000, noise: 0.2}
        train: {steps: 400, batch_size: 32}
        probe: {every: 100, samples: 256}
        seeds: 4
        grid:
          lr: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]
          hidden: [[8], [128, 128, 128, 128]]
        """;

    /**
     * The mixed-cost sweep through the command line, as a user runs it, on local[2] and on a
     * two-worker standalone cluster started by scripts/cluster.sh (ports of its own), with waves in
     * lockstep (1 in flight) and overlapping (2 and 3 in flight; the target is judged at the
     * default); idle cores read off Spark's event log.
     */
    private void idleCores(CpuMeter cpu) {
      report.append(fmt("%n== Idle cores at wave ends: a sweep of 64 trials ~10x apart in cost (hidden 8 and"
          + " 128-128-128-128, spirals, 400 steps) in 8 waves (--commit-every 8), through scripts/deadrelu (local[2]) and"
          + " scripts/submit.sh (two 1-core workers of scripts/cluster.sh); from Spark's event log ==%n"));
      Path root = Path.of("").toAbsolutePath();
      Path dir = o.work.resolve("idle").toAbsolutePath();
      TextTable t = new TextTable("where", "waves in flight", "waves", "tasks", "cores", "span s",
          "idle while tasks were waiting", "idle, end drain included");
      try {
        SparkRun.deleteTree(dir);
        Files.createDirectories(dir);
        Path sweep = dir.resolve("mixed-cost.yaml");
        Files.writeString(sweep, MIXED_COST_SWEEP);
        Map<String, String> env = new LinkedHashMap<>();
        for (int inFlight : IDLE_WAVES_IN_FLIGHT) {
          progress("idle cores: local[2], %d wave(s) in flight", inFlight);
          Path events = Files.createDirectories(dir.resolve("events-local-" + inFlight));
          command(root, env, "idle-local-" + inFlight, List.of("scripts/deadrelu", "sweep", sweep.toString(),
              "--master", "local[2]", "--out", dir.resolve("local-" + inFlight).toString(), "--commit-every", "8",
              "--progress", "0", "--waves-in-flight", String.valueOf(inFlight),
              "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri()));
          idle.put("local[2] " + inFlight, IdleCores.read(events));
        }
        Path cluster = dir.resolve("cluster");
        env.put("DEADRELU_CLUSTER_DIR", cluster.toString());
        env.put("DEADRELU_MASTER_PORT", "7177");
        env.put("DEADRELU_MASTER_UI_PORT", "8180");
        env.put("DEADRELU_WORKER_UI_PORT", "8181");
        env.put("SPARK_HOME", cluster.resolve("spark-home").toString());
        progress("idle cores: starting a two-worker standalone cluster");
        command(root, env, "idle-cluster-start", List.of("scripts/cluster.sh", "start", "2"));
        try {
          for (int inFlight : IDLE_WAVES_IN_FLIGHT) {
            progress("idle cores: standalone cluster, %d wave(s) in flight", inFlight);
            Path events = Files.createDirectories(dir.resolve("events-cluster-" + inFlight));
            command(root, env, "idle-cluster-" + inFlight, List.of("scripts/submit.sh", "--master",
                "spark://127.0.0.1:7177", "--conf", "spark.eventLog.enabled=true",
                "--conf", "spark.eventLog.dir=" + events.toUri(), "--", "sweep", sweep.toString(),
                "--out", dir.resolve("cluster-" + inFlight).toUri().toString(), "--commit-every", "8", "--progress", "0",
                "--waves-in-flight", String.valueOf(inFlight)));
            idle.put("cluster " + inFlight, IdleCores.read(events));
          }
        } finally {
          // the cluster's master and workers run detached, not as this harness's children: their CPU (and
          // their executors') is this section's own, not other processes'
          try (java.util.stream.Stream<Path> pids = Files.list(cluster.resolve("pids"))) {
            for (Path f : pids.filter(f -> f.toString().endsWith(".pid")).toList()) {
              cpu.countAsOwn(Long.parseLong(Files.readString(f).trim()));
            }
          } catch (IOException | NumberFormatException e) {
            problems.add("idle cores: the cluster's pid files: " + e.getMessage());
          }
          command(root, env, "idle-cluster-stop", List.of("scripts/cluster.sh", "stop"));
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        problems.add("idle cores: " + e.getMessage());
      }
      idle.forEach((k, c) -> t.add(k.substring(0, k.lastIndexOf(' ')), k.substring(k.lastIndexOf(' ') + 1),
          String.valueOf(c.jobs()), String.valueOf(c.tasks()), String.valueOf(c.cores()), fmt("%.1f", c.spanSeconds()),
          fmt("%.1f%%", 100 * c.whileWorkRemained()), fmt("%.1f%%", 100 * c.overall())));
      t.print(report);
      report.append("idle while tasks were waiting: idle core time from the first task's launch to the last one's, over"
          + " cores x that span (cores that waited although tasks were left to run: wave barriers, commits, scheduling);"
          + " end drain included: up to the last task's end\n");
    }

    /** Runs a command of the project (from its root), its output to a log of its own; fails unless it exits 0. Returns the output. */
    private String command(Path root, Map<String, String> env, String name, List<String> command)
        throws IOException, InterruptedException {
      ProcessBuilder b = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(logs.resolve(name + ".log").toFile());
      b.environment().putAll(env);
      Process p = b.start();
      if (!p.waitFor(1800, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(name + ": still running after 30 minutes");
      }
      if (p.exitValue() != 0) {
        throw new IOException(name + ": " + String.join(" ", command) + " exited " + p.exitValue() + " (see "
            + logs.resolve(name + ".log") + ")");
      }
      return Files.readString(logs.resolve(name + ".log"));
    }

    private static String pct(double part, double whole) {
      return fmt("%.0f%%", whole == 0 ? 0 : 100 * part / whole);
    }

    /** As the engine's Checkpoints: step 0, every EVERY steps, and the last step. */
    static int checkpoints(int steps, int every) {
      int n = 0;
      for (int s = 0; s <= steps; s++) {
        if (s % every == 0 || s == steps) {
          n++;
        }
      }
      return n;
    }

    // ------------------------------------------------------------------ summary

    private void summary() {
      report.append("\n== Targets (reported, not asserted) ==\n");
      TextTable t = new TextTable("target", "figure", "verdict");
      target(t, "(a) best population vs faster DL4J >= 5x", bestSpeedup.get(RefConfig.A), 5, true, "%.2fx",
          bestPopulation.get(RefConfig.A));
      target(t, "(b) best population vs faster DL4J >= 5x", bestSpeedup.get(RefConfig.B), 5, true, "%.2fx",
          bestPopulation.get(RefConfig.B));
      target(t, "(c) best population vs faster DL4J >= 15x", bestSpeedup.get(RefConfig.C), 15, true, "%.2fx",
          bestPopulation.get(RefConfig.C));
      if (bestSpeedup.containsKey(RefConfig.E)) {
        t.add("(e) best population vs faster DL4J (no target: small shapes)", fmt("%.2fx (%s)", bestSpeedup.get(RefConfig.E),
            bestPopulation.get(RefConfig.E)), "-");
      }
      target(t, "(a) best population >= 40% of the gemm roofline", rooflineShareA, 40, true, "%.1f%%",
          rooflineShareAVariant);
      target(t, "peak resident size, one shard of 128 (a) trials (MB) < 2048", shardPeakMb, 2048, false, "%.0f", null);
      target(t, "Spark local[2] / local[1] trials/s >= 1.8", sparkRatio, 1.8, true, "%.2f",
          threadRatio == null ? null : fmt("two threads: loop %.2f, trials %.2f, sgemm-128 %.2f, integer %.2f", threadRatio,
              trialsRatio, gemmRatio, integerRatio));
      for (RefConfig c : List.of(RefConfig.A, RefConfig.B)) {
        String name = "(" + c.id + ") probing share of a trial <= 20%";
        Double share = probeShare.get(c);
        Integer p = probeSharePopulation.get(c);
        if (share != null && share.isNaN()) {
          t.add(name, "below noise (P=" + p + ")", "inconclusive");
        } else {
          target(t, name, share == null ? null : 100 * share, 20, false, "%.1f%%", p == null ? null : "P=" + p);
        }
      }
      target(t, "(d) online, engine vs numpy batched over networks > 1x", onlineSpeedup, 1, true, "%.2fx", null);
      double[] one = e2e.get("e2e-1 local[1]");
      double[] two = e2e.get("e2e-1 local[2]");
      target(t, "e2e-1 on one core >= 100 trials/s", one == null ? null : one[0] / one[2], 100, true, "%.1f", null);
      double[] pairs = twoCorePairs.stream().mapToDouble(Double::doubleValue).toArray();
      target(t, "e2e-1 local[2] / local[1] trials/s >= 1.7 (the median of JVM pairs)", pairs.length == 0 ? null : Stats.median(pairs),
          1.7, true, "%.2f", two == null ? null : fmt("pairs: %s; engine alone, 2 threads / 1: %.2f", list(twoCorePairs), two[11] / two[14]));
      for (String name : List.of("e2e-1", "e2e-2", "e2e-3")) {
        for (String master : List.of("local[1]", "local[2]")) {
          double[] v = e2e.get(name + " " + master);
          target(t, name + " " + master + ": wall <= 1.5 x loop-only on the same cores", v == null ? null : v[15],
              1.5, false, "%.2f", v == null || v[1] == 1 ? null : fmt("loop / cores: %.2f", v[2] / (v[11] / v[1])));
        }
      }
      // the target is at the default probe interval: e2e-2 probes at it; e2e-1 probes twice as often,
      // so its own share is shown beside the target, which its default-interval run below judges
      double[] first = e2e.get("e2e-1 local[1]");
      t.add("e2e-1 at its own interval (every 50): measuring, share of the tasks' time (no target)",
          first == null ? "not measured" : fmt("%.1f%% (local[1])", 100 * first[5] / first[3]), "-");
      double[] second = e2e.get("e2e-2 local[1]");
      target(t, "e2e-2: measuring <= 15% of the tasks' time", second == null ? null : 100 * second[5] / second[3], 15, false,
          "%.1f%%", "local[1]");
      // "of a trial": the tasks' time, which holds the trial's rows and their Parquet, read as e2e-2's
      // row is; the engine alone (no rows, no Parquet: a smaller whole) is shown beside it
      target(t, "e2e-1 at the default probe interval (100): measuring <= 15% of the tasks' time",
          e2eDefaultSweep == null ? null : 100 * e2eDefaultSweep[2] / e2eDefaultSweep[0], 15, false, "%.1f%%",
          e2eDefaultInterval == null ? "local[1]" : fmt("local[1]; of the engine alone: %.1f%%",
              100 * e2eDefaultInterval[1] / e2eDefaultInterval[0]));
      for (String name : List.of("e2e-1", "e2e-2", "e2e-3")) {
        double[] v = e2e.get(name + " local[1]");
        Double ratio = v == null ? null : v[3] / v[10];
        t.add(name + ": plan within 1.5x of the tasks' core-seconds", ratio == null ? "not measured" : fmt("%.2f (measured / plan)", ratio),
            ratio == null ? "-" : ratio <= 1.5 && ratio >= 1 / 1.5 ? "PASS" : "MISS");
      }
      t.add("quickstart (fresh JVM): plan within 1.5x of the tasks' core-seconds",
          quickstartPlan == null ? "not measured" : fmt("%.2f (measured / plan)", quickstartPlan),
          quickstartPlan == null ? "-" : quickstartPlan <= 1.5 && quickstartPlan >= 1 / 1.5 ? "PASS" : "MISS");
      for (String where : List.of("local[2]", "cluster")) {
        IdleCores c = idle.get(where + " " + SweepOptions.DEFAULT_WAVES_IN_FLIGHT);
        target(t, "idle cores at wave ends <= 5% (" + where + ", mixed-cost sweep, "
            + SweepOptions.DEFAULT_WAVES_IN_FLIGHT + " waves in flight)", c == null ? null : 100 * c.whileWorkRemained(),
            5, false, "%.1f%%", c == null || idle.get(where + " 1") == null ? null
                : fmt("lockstep: %.1f%%", 100 * idle.get(where + " 1").whileWorkRemained()));
      }
      target(t, "RSS growth " + o.rssSteps1 + " -> " + o.rssSteps2 + " steps <= 10% (worst deadrelu variant)",
          worstEngineRssGrowth == null ? null : 100 * worstEngineRssGrowth, 10, false, "%+.1f%%", worstEngineRssVariant);
      t.print(report);
      List<String> noisy = foreignLoad.entrySet().stream().filter(e -> e.getValue() > NOISY)
          .map(e -> fmt("%s %.2f", e.getKey(), e.getValue())).toList();
      if (!noisy.isEmpty()) {
        report.append("caution: other processes kept the machine busy during: ").append(String.join(", ", noisy))
            .append(" cores on average; rerun on a quiet machine before trusting those verdicts\n");
      }
      if (integerRatio != null && integerRatio < HOST_BUSY) {
        // the meter above sees only this machine's processes, not a virtual machine's host
        report.append(fmt("caution: an integer loop that needs nothing but two cores gained only %.2fx from the second"
            + " one (about 2 on an idle host): the host was busy, whatever the load figures above say%n", integerRatio));
      }
      for (String p : problems) {
        report.append("problem: ").append(p).append('\n');
      }
    }

    private static void target(TextTable t, String name, Double figure, double bound, boolean atLeast, String f, String who) {
      if (figure == null || figure.isNaN()) {
        t.add(name, "not measured", "-");
        return;
      }
      boolean pass = atLeast ? figure >= bound : figure <= bound;
      t.add(name, fmt(f, figure) + (who == null ? "" : " (" + who + ")"), pass ? "PASS" : "MISS");
    }

    static String fmt(String f, Object... args) {
      return String.format(Locale.ROOT, f, args);
    }
  }
}
