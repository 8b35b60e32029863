package org.deadrelu.jobs.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deadrelu.jobs.UserInputException;

/**
 * One writer per result folder: the driver that runs a sweep into it holds this lease, a small file
 * under {@code _deadrelu/} written through Hadoop's FileSystem (so the same on file://, HDFS and
 * S3A) naming who holds it and when it last renewed it. A second driver is refused before it writes
 * anything; a lease not renewed for its timeout (a driver killed with kill -9, a lost YARN
 * attempt) is taken over. The holder checks the lease is still its own before every commit, so a
 * driver whose lease was taken over never commits again: the ledger keeps one writer.
 */
public final class ResultLease implements AutoCloseable {
  static final String FILE = "lease.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param timeout a lease not renewed for this long is taken over; it is renewed every quarter of it
   * @param forceTakeover take the lease even from a holder that is still renewing it
   */
  public record Settings(Duration timeout, boolean forceTakeover) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public static Settings defaults() {
      return new Settings(DEFAULT_TIMEOUT, false);
    }

    public Settings {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new UserInputException("--lease-timeout: " + timeout.toSeconds() + " s is not accepted; give 1 or more seconds");
      }
    }
  }

  /** What the lease file says: who holds it and when it last renewed it (epoch milliseconds). */
  public record Holder(String token, String host, long pid, String application, long started, long renewed) {
    String describe(long now) {
      return String.format(Locale.ROOT, "the driver on host %s (pid %d, application %s, started %s), last renewed %.0f s ago",
          host, pid, application, Instant.ofEpochMilli(started), Math.max(0, now - renewed) / 1e3);
    }
  }

  private final FileSystem fs;
  private final Path file;
  private final Settings settings;
  private final ScheduledExecutorService renewer;
  private volatile Holder mine;
  private volatile String lost;

  private ResultLease(FileSystem fs, Path file, Settings settings, Holder mine) {
    this.fs = fs;
    this.file = file;
    this.settings = settings;
    this.mine = mine;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deadrelu-lease-renewer");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(100, settings.timeout().toMillis() / 4);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lease of the folder whose ledger is {@code ledger}, or refuses (a {@link UserInputException},
   * exit code 2) while another driver holds it and renews it.
   *
   * @param application what the holder runs, e.g. Spark's application id
   */
  static ResultLease acquire(FileSystem fs, Path ledger, Settings settings, String application, PrintStream log)
      throws IOException {
    Path file = new Path(ledger, FILE);
    Path root = ledger.getParent();
    long now = System.currentTimeMillis();
    Holder current = read(fs, file);
    if (current != null) {
      long age = now - current.renewed();
      boolean stale = age > settings.timeout().toMillis();
      if (!stale && !settings.forceTakeover()) {
        throw new UserInputException("result folder " + root + ": in use by " + current.describe(now)
            + "; one driver writes a folder at a time: wait for it to end, or, if it is gone, rerun after its lease"
            + " times out (--lease-timeout, " + settings.timeout().toSeconds() + " s) or with --force-takeover");
      }
      log.printf(Locale.ROOT, "result folder %s: taking over the lease of %s (%s)%n", root, current.describe(now),
          stale ? "timed out after " + settings.timeout().toSeconds() + " s" : "--force-takeover");
      fs.delete(file, false);
    }
    Holder mine = new Holder(UUID.randomUUID().toString(), host(), ProcessHandle.current().pid(), application, now, now);
    try {
      write(fs, file, mine, false);
    } catch (FileAlreadyExistsException raced) {
      Holder other = read(fs, file);
      throw new UserInputException("result folder " + root + ": in use by "
          + (other == null ? "another driver that took it at the same moment" : other.describe(System.currentTimeMillis()))
          + "; one driver writes a folder at a time");
    }
    return new ResultLease(fs, file, settings, mine);
  }

  /** Throws unless this driver still holds the lease: called before every commit. */
  public void checkHeld() throws IOException {
    if (lost == null) {
      Holder now = read(fs, file);
      if (now == null || !now.token().equals(mine.token())) {
        lost = now == null ? "its lease file was removed" : "its lease was taken over by "
            + now.describe(System.currentTimeMillis());
      }
    }
    if (lost != null) {
      throw new IllegalStateException("result folder " + file.getParent().getParent() + ": this driver no longer holds"
          + " the folder's lease (" + lost + "); it stops without committing");
    }
  }

  private void renew() {
    try {
      Holder now = read(fs, file);
      if (now == null || !now.token().equals(mine.token())) {
        lost = now == null ? "its lease file was removed" : "its lease was taken over by "
            + now.describe(System.currentTimeMillis());
        renewer.shutdown();
        return;
      }
      Holder renewed = new Holder(mine.token(), mine.host(), mine.pid(), mine.application(), mine.started(),
          System.currentTimeMillis());
      write(fs, file, renewed, true);
      mine = renewed;
    } catch (IOException | RuntimeException e) {
      // a missed renewal is retried at the next one; the timeout allows for several
    }
  }

  /** Stops renewing and removes the lease, if it is still this driver's. */
  @Override
  public void close() throws IOException {
    renewer.shutdownNow();
    Holder now = read(fs, file);
    if (now != null && now.token().equals(mine.token())) {
      fs.delete(file, false);
    }
  }

  /**
   * The lease file's holder, or null when there is none. A file caught mid-write reads as unparseable:
   * read again; one that stays unparseable (its writer died mid-write) counts as renewed when it was
   * last modified.
   */
  static Holder read(FileSystem fs, Path file) throws IOException {
    for (int attempt = 0; ; attempt++) {
      FileStatus status;
      try {
        status = fs.getFileStatus(file);
      } catch (java.io.FileNotFoundException none) {
        return null;
      }
      try (InputStream in = fs.open(file)) {
        return JSON.readValue(in, Holder.class);
      } catch (java.io.FileNotFoundException gone) {
        return null;
      } catch (IOException unparseable) {
        if (attempt >= 3) {
          return new Holder("unreadable", "unknown", -1, "unknown", status.getModificationTime(),
              status.getModificationTime());
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading " + file, e);
        }
      }
    }
  }

  private static void write(FileSystem fs, Path file, Holder h, boolean overwrite) throws IOException {
    try (OutputStream out = fs.create(file, overwrite)) {
      out.write(JSON.writeValueAsBytes(h));
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
