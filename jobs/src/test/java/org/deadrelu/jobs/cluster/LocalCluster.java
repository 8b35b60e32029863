package org.deadrelu.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1, started and stopped through {@code scripts/cluster.sh}
 * as a user would, on free ports and in a scratch folder of its own (so a cluster someone else
 * runs on this machine, or another build's, is never touched).
 */
final class LocalCluster implements AutoCloseable {
  /** The project's root folder (the integration tests run in jobs/). */
  static final Path ROOT = Path.of(System.getProperty("deadrelu.root", "..")).toAbsolutePath().normalize();

  final Path dir;
  final Path sparkHome;
  final int masterPort;
  final int masterUiPort;
  final int workerUiPort;
  final int workers;
  private final Thread stopOnExit;
  private boolean running;

  /**
   * @param dir the cluster's scratch folder (logs, pid files, the workers' work folders)
   * @param sparkHome where the script assembles SPARK_HOME (may be shared between clusters)
   */
  LocalCluster(Path dir, Path sparkHome, int workers) {
    this.dir = dir;
    this.sparkHome = sparkHome;
    this.workers = workers;
    int[] ports = freePorts(2);
    this.masterPort = ports[0];
    this.masterUiPort = ports[1];
    this.workerUiPort = consecutiveFreePorts(workers); // the script numbers them from the first
    this.stopOnExit = new Thread(this::stopQuietly, "stop-local-cluster");
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Assembles SPARK_HOME (if needed) without starting anything. */
  void assemble() throws IOException, InterruptedException {
    Result r = script(Duration.ofMinutes(4), "assemble");
    if (r.code != 0) {
      throw new IllegalStateException("scripts/cluster.sh assemble failed (" + r.code + "):\n" + r.output);
    }
  }

  /** Starts the cluster through the script; returns its start-up time in seconds. */
  double start() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    running = true;
    Result r = script(Duration.ofMinutes(4), "start", String.valueOf(workers));
    if (r.code != 0) {
      throw new IllegalStateException("scripts/cluster.sh start failed (" + r.code + "):\n" + r.output);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
  }

  private synchronized void stopQuietly() {
    if (!running) {
      return;
    }
    running = false;
    try {
      Result r = script(Duration.ofMinutes(1), "stop");
      System.out.println("[cluster] stop: " + r.output.strip());
    } catch (IOException | InterruptedException e) {
      System.out.println("[cluster] stop failed: " + e);
    }
  }

  Result script(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("scripts/cluster.sh").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().putAll(environment());
    Path log = Files.createTempFile("cluster-sh", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("scripts/cluster.sh " + String.join(" ", args) + " took over " + timeout);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new Result(p.exitValue(), out);
  }

  record Result(int code, String output) {}

  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("DEADRELU_CLUSTER_DIR", dir.toString());
    env.put("DEADRELU_SPARK_HOME", sparkHome.toString());
    env.put("DEADRELU_MASTER_PORT", String.valueOf(masterPort));
    env.put("DEADRELU_MASTER_UI_PORT", String.valueOf(masterUiPort));
    env.put("DEADRELU_WORKER_UI_PORT", String.valueOf(workerUiPort));
    env.put("DEADRELU_WORKER_CORES", "1");
    env.put("DEADRELU_WORKER_MEMORY", "1g");
    // the executors use this JVM's OpenBLAS kernels, so cluster rows can be compared bit for bit
    // with local-mode rows computed here
    env.put("DEADRELU_BLAS_AUTO", "0");
    // each worker a host of its own, as on a real cluster: Spark runs a speculative copy of a task
    // only on another host than the original's
    StringBuilder ips = new StringBuilder();
    for (int i = 1; i <= workers; i++) {
      ips.append(i == 1 ? "" : " ").append("127.0.0.").append(i);
    }
    env.put("DEADRELU_WORKER_IPS", ips.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // the build's own Maven settings for assembling SPARK_HOME: offline when the build is
    String mvn = "";
    if (System.getProperty("deadrelu.mvnOffline", "").equals("offline=true")) {
      mvn += "-o ";
    }
    String repo = System.getProperty("deadrelu.mvnRepo", "");
    if (!repo.isBlank() && !repo.startsWith("${")) {
      mvn += "-Dmaven.repo.local=" + repo;
    }
    env.put("DEADRELU_MVN_ARGS", mvn.strip());
    return env;
  }

  /** The Master's JSON status (http://127.0.0.1:UI/json/). */
  String masterJson() throws IOException, InterruptedException {
    return Http.get("http://127.0.0.1:" + masterUiPort + "/json/");
  }

  /** The Master's JSON status, or null when it does not answer (stopped). */
  String masterJsonOrNull() {
    try {
      return masterJson();
    } catch (IOException | InterruptedException down) {
      return null;
    }
  }

  /**
   * Deletes the workers' copies of an ended application's jar (one per executor, 130 MB each),
   * keeping the executors' logs.
   */
  void removeJarCopies(String appId) throws IOException {
    Path work = dir.resolve("work");
    if (!Files.isDirectory(work)) {
      return;
    }
    try (var files = Files.walk(work)) {
      for (Path p : files.filter(p -> p.toString().contains("/" + appId + "/") && p.toString().endsWith(".jar")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The worker JVMs of this cluster (from the script's pid files). */
  Set<Long> workerPids() {
    Set<Long> pids = new HashSet<>();
    try (var files = Files.list(dir.resolve("pids"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("worker-")).toList()) {
        pids.add(Long.parseLong(Files.readString(f).strip()));
      }
    } catch (IOException | NumberFormatException e) {
      // not started, or stopped
    }
    return pids;
  }

  /** Executor JVMs of this cluster running for {@code appId}: executor id to pid. */
  Map<String, Long> executorPids(String appId) {
    Map<String, Long> pids = new HashMap<>();
    Set<Long> workers = workerPids();
    ProcessHandle.allProcesses().forEach(p -> {
      Optional<String> cmd = commandLine(p.pid());
      // an executor JVM is a child of one of this cluster's worker JVMs (a process it forks for a
      // moment is not, nor is an executor of another cluster)
      boolean forkedByOurWorker = p.parent().map(q -> workers.contains(q.pid())).orElse(false);
      if (forkedByOurWorker && cmd.isPresent() && cmd.get().contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
          && cmd.get().contains("--app-id " + appId + " ")) {
        String[] words = cmd.get().split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
          if (words[i].equals("--executor-id")) {
            pids.put(words[i + 1], p.pid());
          }
        }
      }
    });
    return pids;
  }

  /** The full command line of a process, from /proc (Linux). */
  static Optional<String> commandLine(long pid) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
      for (int i = 0; i < b.length; i++) {
        if (b[i] == 0) {
          b[i] = ' ';
        }
      }
      return Optional.of(new String(b, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException gone) {
      return Optional.empty();
    }
  }

  static int[] freePorts(int n) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket
        }
      }
    }
  }

  /** The first of {@code n} consecutive free ports, in a range the kernel does not hand out itself. */
  static int consecutiveFreePorts(int n) {
    java.util.SplittableRandom random = new java.util.SplittableRandom();
    for (int attempt = 0; attempt < 200; attempt++) {
      int first = random.nextInt(20000, 30000);
      boolean free = true;
      for (int p = first; p < first + n && free; p++) {
        try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (IOException used) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IllegalStateException("no " + n + " consecutive free ports");
  }
}
