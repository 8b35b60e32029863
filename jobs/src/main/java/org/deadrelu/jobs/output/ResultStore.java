package org.deadrelu.jobs.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.io.PosixLocalFileSystem;

/**
 * A sweep's result folder: one Parquet folder per table, and a ledger of committed waves under
 * {@code _deadrelu/}. A wave's files count only once its manifest is written (after every table),
 * so a driver killed mid-wave leaves files that no manifest names: they are moved aside on the next
 * run, and the trials they held run again. This is what makes every trial appear exactly once. A
 * rewrite (compaction) commits the same way: one manifest names the new files and retires the old.
 * A wave's provenance (what its rows were computed with) is one of its files: written under
 * {@code _deadrelu/provenance/} before the manifest, which names it.
 */
public final class ResultStore implements AutoCloseable {
  static final String LEDGER = "_deadrelu";
  private static final String NAME_FILE = "sweep-name";

  private final FileSystem fs;
  private final Path root;
  private final Set<String> doneTrials = new HashSet<>();
  private final Set<String> committedFiles = new HashSet<>();
  /** Provenance files (names under {@code _deadrelu/provenance/}) that a manifest names. */
  private final Set<String> committedProvenance = new HashSet<>();
  /** Manifest number that committed each live file ("table/file"): files of one table from several waves want compacting. */
  private final Map<String, Integer> committedBy = new HashMap<>();
  private int nextWave;
  /** This driver's hold on the folder; null when opened without one (tests, tools). */
  private ResultLease lease;

  private ResultStore(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * Opens (or creates) the folder of sweep {@code name} under {@code out}, reads its ledger and
   * moves aside the files of waves that never committed.
   */
  public static ResultStore open(String out, String name, Configuration conf) {
    return open(out, name, conf, null, null, null);
  }

  /**
   * Opens the folder as its one writer: after the checks that read it and before anything is written,
   * takes its {@link ResultLease} (refused while another driver holds it), which every commit then
   * checks and {@link #close} gives back.
   *
   * @param lease how long a lease lives unrenewed, and whether to take it from a live holder; null for no lease
   * @param application what this driver runs, recorded in the lease (Spark's application id)
   * @param log where a takeover is announced
   */
  public static ResultStore open(String out, String name, Configuration conf, ResultLease.Settings lease,
      String application, java.io.PrintStream log) {
    Path root = new Path(out, name);
    try {
      FileSystem fs = PosixLocalFileSystem.forPath(root, conf);
      ResultStore store = new ResultStore(fs, fs.makeQualified(root));
      try {
        store.prepare(name, lease, application, log);
      } catch (IOException | RuntimeException e) {
        // a lease taken before the failure would go on renewing, and refuse the next run until it lapsed
        try {
          store.close();
        } catch (IOException | RuntimeException closing) {
          e.addSuppressed(closing); // the failure to open is what the user must see
        }
        throw e;
      }
      return store;
    } catch (IOException e) {
      throw new UserInputException("output folder " + root + ": cannot be written ("
          + e.getMessage() + "); give --out a folder you can write to");
    }
  }

  private void prepare(String name, ResultLease.Settings leaseSettings, String application, java.io.PrintStream log)
      throws IOException {
    // a sweep nested in another's folder would be read as that sweep's files (or a table's)
    for (Path p = root.getParent(); p != null; p = p.getParent()) {
      Path nameFile = new Path(new Path(p, LEDGER), NAME_FILE);
      if (fs.exists(new Path(p, LEDGER))) {
        String owner = fs.exists(nameFile) ? " '" + read(nameFile).trim() + "'" : "";
        throw new UserInputException("output folder " + root + ": is inside the result folder of sweep"
            + owner + " (" + p + "); choose an --out outside it");
      }
    }
    if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
      throw new UserInputException("output folder " + root + ": is a file, not a folder");
    }
    Path nameFile = new Path(ledger(), NAME_FILE);
    if (fs.exists(root) && fs.listStatus(root).length > 0) {
      if (fs.exists(nameFile)) {
        String owner = read(nameFile).trim();
        if (!owner.equals(name)) {
          throw new UserInputException("output folder " + root + ": holds the results of sweep '"
              + owner + "', not '" + name + "'; choose another --out");
        }
      } else if (!creationCutShort()) {
        throw new UserInputException("output folder " + root
            + ": holds files that are not a deadrelu result; choose another --out");
      }
    }
    if (leaseSettings != null) {
      lease = ResultLease.acquire(fs, ledger(), leaseSettings, application, log);
    }
    fs.mkdirs(new Path(ledger(), "waves"));
    if (!fs.exists(nameFile)) {
      write(nameFile, name + "\n");
    }
    readLedger();
    quarantineUncommitted();
  }

  /**
   * Whether the folder is one this class began to create and a killed driver left before its name
   * was written: nothing in it but the ledger, and no manifest in that.
   */
  private boolean creationCutShort() throws IOException {
    for (FileStatus s : fs.listStatus(root)) {
      if (!s.getPath().getName().equals(LEDGER)) {
        return false;
      }
    }
    Path waves = new Path(ledger(), "waves");
    return !fs.exists(waves) || fs.listStatus(waves).length == 0;
  }

  public Path root() {
    return root;
  }

  public Path tablePath(String table) {
    return new Path(root, table);
  }

  /** Trials whose rows are committed in every table. */
  public Set<String> doneTrials() {
    return Set.copyOf(doneTrials);
  }

  /** Data files of a table (Parquet parts; no hidden or underscore files). */
  public Set<String> dataFiles(String table) throws IOException {
    Set<String> names = new TreeSet<>();
    Path dir = tablePath(table);
    if (!fs.exists(dir)) {
      return names;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      String n = s.getPath().getName();
      if (s.isFile() && !n.startsWith("_") && !n.startsWith(".")) {
        names.add(n);
      }
    }
    return names;
  }

  /**
   * Records a wave as committed: its trials are done, and its files belong to the tables, each of
   * which then has a {@code _SUCCESS} marker.
   *
   * @param provenance the wave's provenance record (a JSON document), kept as
   *     {@code _deadrelu/provenance/wave-NNNNNN.json} under the manifest's number; null for rows no
   *     trial computed (tests' synthetic rows)
   */
  public void commitWave(List<String> trialIds, Map<String, Set<String>> filesByTable, String provenance)
      throws IOException {
    checkLease();
    StringBuilder s = new StringBuilder();
    for (String id : trialIds) {
      s.append("trial ").append(id).append('\n');
    }
    filesByTable.forEach((table, files) -> files.forEach(f ->
        s.append("file ").append(table).append(' ').append(f).append('\n')));
    int wave = nextWave++;
    String provenanceFile = String.format(Locale.ROOT, "wave-%06d.json", wave);
    if (provenance != null) {
      // before the manifest: the manifest is the commit point, and it names this file
      write(new Path(provenanceFolder(), provenanceFile), provenance);
      s.append("provenance ").append(provenanceFile).append('\n');
    }
    write(manifest(wave), s.toString());
    if (provenance != null) {
      committedProvenance.add(provenanceFile);
    }
    doneTrials.addAll(trialIds);
    filesByTable.forEach((table, files) -> files.forEach(f -> commit(table + "/" + f, wave)));
    // the marker Spark's own committer leaves in a folder it has written: tools wait for it
    for (String table : filesByTable.keySet()) {
      fs.create(new Path(tablePath(table), "_SUCCESS"), true).close();
    }
  }

  /**
   * Records that {@code added} files of {@code table} replace its {@code retired} files (the same rows,
   * rewritten): one manifest holds both, so a reader of the ledger sees either the old files or the new
   * ones, never both and never neither. The retired files are deleted afterwards by
   * {@link #deleteRetired}; until then (or if the driver dies first) the next open moves them aside.
   */
  public void commitRewrite(String table, Set<String> added, Set<String> retired) throws IOException {
    checkLease();
    StringBuilder s = new StringBuilder();
    added.forEach(f -> s.append("file ").append(table).append(' ').append(f).append('\n'));
    retired.forEach(f -> s.append("retire ").append(table).append(' ').append(f).append('\n'));
    int wave = nextWave++;
    write(manifest(wave), s.toString());
    retired.forEach(f -> {
      committedFiles.remove(table + "/" + f);
      committedBy.remove(table + "/" + f);
    });
    added.forEach(f -> commit(table + "/" + f, wave));
  }

  /** Deletes retired files of a table that are still in its folder. */
  public void deleteRetired(String table, Set<String> retired) throws IOException {
    for (String f : retired) {
      if (committedFiles.contains(table + "/" + f)) {
        throw new IllegalStateException(table + "/" + f + " is committed, not retired");
      }
      fs.delete(new Path(tablePath(table), f), false);
    }
  }

  /** The committed files of a table. */
  public Set<String> committedFiles(String table) {
    Set<String> out = new TreeSet<>();
    committedFiles.stream().filter(f -> f.startsWith(table + "/")).forEach(f -> out.add(f.substring(table.length() + 1)));
    return out;
  }

  /** How many manifests committed the table's live files: more than one means it was written in waves. */
  public long manifestsOf(String table) {
    return committedBy.entrySet().stream().filter(e -> e.getKey().startsWith(table + "/")).map(Map.Entry::getValue)
        .distinct().count();
  }

  /** Sum of the sizes of the table's committed files. */
  public long committedBytes(String table) throws IOException {
    long bytes = 0;
    for (String f : committedFiles(table)) {
      bytes += fs.getFileStatus(new Path(tablePath(table), f)).getLen();
    }
    return bytes;
  }

  /** A folder under the ledger for a table's rewrite in progress; readers of the table never look there. */
  public Path stagingPath(String table) {
    return new Path(ledger(), "staging/" + table);
  }

  /**
   * Where the tasks of the wave tagged {@code wave} write a table's files; each wave has its own
   * folder, since the next wave's tasks already run while this one is committed. Nothing there
   * counts: the driver moves the files of the attempts it heard back from into the table
   * ({@link #publish}), and what is left (an attempt that failed, or lost to a retry or a
   * speculative copy) is deleted by {@link #clearIncoming}.
   */
  public Path incomingPath(String wave, String table) {
    return new Path(ledger(), "incoming/" + wave + "/" + table);
  }

  /** Deletes every file the wave's tasks left in its incoming folders. */
  public void clearIncoming(String wave) throws IOException {
    fs.delete(new Path(ledger(), "incoming/" + wave), true);
  }

  /** Deletes the incoming folders of every wave: only once no wave is in flight. */
  public void clearIncoming() throws IOException {
    fs.delete(new Path(ledger(), "incoming"), true);
  }

  /**
   * Moves a staged or incoming file into the table's folder, where it stays uncommitted until a
   * manifest names it ({@link #commitWave}, {@link #commitRewrite}).
   */
  public void publish(Path staged, String table) throws IOException {
    Path target = new Path(tablePath(table), staged.getName());
    fs.mkdirs(target.getParent()); // a wave's first file of a new table
    if (!fs.rename(staged, target)) {
      throw new IOException("could not move " + staged + " to " + target);
    }
  }

  private void checkLease() throws IOException {
    if (lease != null) {
      lease.checkHeld();
    }
  }

  /** Gives the folder's lease back, if this store holds one. */
  @Override
  public void close() throws IOException {
    try {
      if (lease != null) {
        lease.close();
        lease = null;
      }
    } finally {
      if (fs instanceof PosixLocalFileSystem) {
        fs.close(); // this store's own instance; Hadoop's cached ones are shared
      }
    }
  }

  private void commit(String tableFile, int wave) {
    committedFiles.add(tableFile);
    committedBy.put(tableFile, wave);
  }

  private Path manifest(int wave) {
    return new Path(ledger(), String.format("waves/wave-%06d.txt", wave));
  }

  private void readLedger() throws IOException {
    Ledger l = Ledger.read(fs, ledger());
    nextWave = l.nextWave();
    doneTrials.addAll(l.doneTrials());
    committedBy.putAll(l.committedBy());
    committedFiles.addAll(l.committedBy().keySet());
    committedProvenance.addAll(l.provenance());
  }

  /**
   * The committed files of every table ("table/file"), read from the ledger alone, writing nothing and
   * taking no lease: what readers of a folder (sql, summarize, report) read while a sweep may still
   * be writing it. Empty when the folder has no ledger.
   */
  public static Set<String> committedFiles(FileSystem fs, Path root) throws IOException {
    return Ledger.read(fs, new Path(root, LEDGER)).committedBy().keySet();
  }

  /** What the manifests say: done trials, each live file with the manifest that committed it, the next manifest number. */
  private record Ledger(Set<String> doneTrials, Map<String, Integer> committedBy, Set<String> provenance,
      int nextWave) {
    static Ledger read(FileSystem fs, Path ledger) throws IOException {
      Set<String> done = new HashSet<>();
      Set<String> provenance = new HashSet<>();
      Map<String, Integer> by = new HashMap<>();
      Set<String> retired = new HashSet<>();
      int next = 0;
      Path dir = new Path(ledger, "waves");
      if (!fs.exists(dir)) {
        return new Ledger(done, by, provenance, next);
      }
      for (FileStatus w : fs.listStatus(dir)) {
        String n = w.getPath().getName();
        if (!n.startsWith("wave-") || !n.endsWith(".txt")) {
          continue; // a manifest still being written (temporary name) never counts
        }
        if (!n.matches("wave-\\d{1,9}\\.txt")) {
          throw new UserInputException("result folder " + ledger.getParent() + ": " + w.getPath()
              + " is not a manifest (they are named wave-NNNNNN.txt); move it out of _deadrelu/waves");
        }
        int wave = Integer.parseInt(n.substring(5, n.length() - 4));
        next = Math.max(next, wave + 1);
        for (String line : readText(fs, w.getPath()).split("\n")) {
          String[] parts = line.split(" ");
          if (parts[0].equals("trial")) {
            done.add(parts[1]);
          } else if (parts[0].equals("file")) {
            by.put(parts[1] + "/" + parts[2], wave);
          } else if (parts[0].equals("retire")) {
            retired.add(parts[1] + "/" + parts[2]);
          } else if (parts[0].equals("provenance")) {
            provenance.add(parts[1]);
          }
        }
      }
      // file names are unique (they hold a UUID), so the order of manifests does not matter
      by.keySet().removeAll(retired);
      return new Ledger(done, by, provenance, next);
    }
  }

  /** Moves files of uncommitted waves (and Spark's and tasks' leftovers) to {@code _deadrelu/uncommitted/}. */
  private void quarantineUncommitted() throws IOException {
    Path aside = new Path(ledger(), "uncommitted/" + System.currentTimeMillis());
    Path incoming = new Path(ledger(), "incoming");
    if (fs.exists(incoming)) {
      fs.mkdirs(aside);
      fs.rename(incoming, new Path(aside, "incoming"));
    }
    // the provenance of a wave whose manifest was never written (its number is the next wave's)
    if (fs.exists(provenanceFolder())) {
      for (FileStatus s : fs.listStatus(provenanceFolder())) {
        if (!committedProvenance.contains(s.getPath().getName())) {
          Path target = new Path(aside, "provenance/" + s.getPath().getName());
          fs.mkdirs(target.getParent());
          fs.rename(s.getPath(), target);
        }
      }
    }
    for (Table<?> t : Tables.all()) {
      Path dir = tablePath(t.name());
      if (!fs.exists(dir)) {
        continue;
      }
      List<Path> stale = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        String n = s.getPath().getName();
        boolean leftover = n.equals("_temporary") || n.startsWith(".spark-staging");
        boolean uncommitted = s.isFile() && !n.startsWith("_") && !n.startsWith(".")
            && !committedFiles.contains(t.name() + "/" + n);
        if (leftover || uncommitted) {
          stale.add(s.getPath());
        }
      }
      for (Path p : stale) {
        Path target = new Path(aside, t.name() + "/" + p.getName());
        fs.mkdirs(target.getParent());
        fs.rename(p, target);
      }
    }
  }

  private Path ledger() {
    return new Path(root, LEDGER);
  }

  private Path provenanceFolder() {
    return new Path(ledger(), "provenance");
  }

  private String read(Path p) throws IOException {
    return readText(fs, p);
  }

  private static String readText(FileSystem fs, Path p) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
      StringBuilder s = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        s.append(line).append('\n');
      }
      return s.toString();
    }
  }

  /** Writes to a temporary name, then renames: readers never see half a file. */
  private void write(Path p, String text) throws IOException {
    Path tmp = new Path(p.getParent(), "." + p.getName() + ".tmp");
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    if (!fs.rename(tmp, p)) {
      throw new IOException("could not rename " + tmp + " to " + p);
    }
  }

  /** Keeps the sweep file's text beside the results, under the hash of its content. */
  public void keepSweepFile(String text) throws IOException {
    String hash = Integer.toHexString(text.hashCode());
    Path p = new Path(ledger(), "sweep-" + hash + ".yaml");
    if (!fs.exists(p)) {
      write(p, text);
    }
  }

  /** Every committed file of every table, for a report. */
  public Set<String> committedFiles() {
    return new LinkedHashSet<>(committedFiles);
  }
}
