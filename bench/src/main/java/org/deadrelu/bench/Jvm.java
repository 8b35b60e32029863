package org.deadrelu.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs of the harness: same java, same classpath, {@code OMP_NUM_THREADS=1} in their
 * environment (ND4J reads it at start-up), stderr appended to a log file, replies as {@code @@}
 * lines on stdout.
 */
final class Jvm {
  private Jvm() {}

  static ProcessBuilder builder(List<String> jvmOptions, Path log, String... args) throws IOException {
    return builder(List.of(), jvmOptions, log, args);
  }

  /** A child started through {@code prefix} (a command that runs the rest, such as {@code taskset}). */
  static ProcessBuilder builder(List<String> prefix, List<String> jvmOptions, Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Bench.class.getName());
    cmd.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    Files.writeString(log, "# " + String.join(" ", cmd).replace(System.getProperty("java.class.path"), "<classpath>") + "\n");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb;
  }

  /** Runs a one-shot child to completion; returns its {@code @@} lines (without the prefix). */
  static List<String> run(List<String> jvmOptions, Path log, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    return run(List.of(), jvmOptions, log, timeoutSeconds, args);
  }

  /** {@link #run(List, Path, long, String...)} through a command prefix (see {@link #builder(List, List, Path, String...)}). */
  static List<String> run(List<String> prefix, List<String> jvmOptions, Path log, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Process p = builder(prefix, jvmOptions, log, args).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    List<String> replies = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("@@")) {
            synchronized (replies) {
              replies.add(line.substring(2));
            }
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("child " + String.join(" ", args) + " timed out after " + timeoutSeconds + " s; see " + log);
    }
    reader.join(5000);
    if (p.exitValue() != 0) {
      throw new IOException("child " + String.join(" ", args) + " exited with " + p.exitValue() + "; see " + log);
    }
    synchronized (replies) {
      return List.copyOf(replies);
    }
  }

  /**
   * The prefix that confines a child to the first {@code cpus} CPUs ({@code taskset -c 0-(cpus-1)}), so
   * that "on N cores" holds for every thread of the JVM (its compiler and collector threads too, which
   * otherwise run on the cores a local[N] master leaves idle); empty where the machine has no more CPUs
   * than that or taskset is missing ({@link #pinned} tells which).
   */
  static List<String> pinTo(int cpus) {
    if (!pinned(cpus)) {
      return List.of();
    }
    return List.of(TASKSET.toString(), "-c", cpus == 1 ? "0" : "0-" + (cpus - 1));
  }

  /** Whether {@link #pinTo} confines a child to {@code cpus} CPUs. */
  static boolean pinned(int cpus) {
    return cpus < Runtime.getRuntime().availableProcessors() && Files.isExecutable(TASKSET);
  }

  private static final Path TASKSET = Path.of("/usr/bin/taskset");

  /** A long-lived worker JVM driven line by line. */
  static final class Client implements AutoCloseable {
    final String name;
    final String ready;
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path log;

    Client(String name, List<String> jvmOptions, Path log, String... args) throws IOException {
      this.name = name;
      this.log = log;
      this.process = builder(jvmOptions, log, args).start();
      this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.ready = readReply();
    }

    /** Sends one command, returns the reply without its {@code @@}; a worker-side error throws. */
    String call(String command) throws IOException {
      in.write(command);
      in.newLine();
      in.flush();
      String reply = readReply();
      if (reply.startsWith("error")) {
        throw new IOException(name + " worker: " + command + ": " + reply + " (see " + log + ")");
      }
      return reply;
    }

    private String readReply() throws IOException {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("@@")) {
          return line.substring(2);
        }
      }
      throw new IOException(name + " worker ended unexpectedly; see " + log);
    }

    @Override
    public void close() {
      try {
        in.write("quit");
        in.newLine();
        in.flush();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }
}
