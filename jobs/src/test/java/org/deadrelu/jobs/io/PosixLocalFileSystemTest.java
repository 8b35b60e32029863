package org.deadrelu.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.NativeCodeLoader;
import org.deadrelu.jobs.output.ResultLease;
import org.deadrelu.jobs.output.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system that sets permissions in Java: the same bits as Hadoop's own {@code chmod}
 * gives (read back through java.nio), and a result folder written through it starts no process
 * (JFR's process-start events, with Hadoop's stock file system as the control that they are seen).
 */
class PosixLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  private static String bits(java.nio.file.Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static FileSystem stock() throws IOException {
    RawLocalFileSystem raw = new RawLocalFileSystem();
    raw.initialize(java.net.URI.create("file:///"), new Configuration());
    return raw;
  }

  @Test
  void setsTheBitsChmodSets() throws Exception {
    FileSystem ours = PosixLocalFileSystem.forPath(new Path(dir.toUri()), new Configuration());
    FileSystem hadoop = stock();
    // modes and their rwx strings, written out by hand
    Map<Integer, String> modes = Map.of(0644, "rw-r--r--", 0755, "rwxr-xr-x", 0600, "rw-------",
        0000, "---------", 0777, "rwxrwxrwx", 0640, "rw-r-----", 0751, "rwxr-x--x", 0123, "--x-w--wx");
    for (Map.Entry<Integer, String> m : modes.entrySet()) {
      java.nio.file.Path a = Files.createFile(dir.resolve("ours-" + m.getKey()));
      java.nio.file.Path b = Files.createFile(dir.resolve("hadoop-" + m.getKey()));
      ours.setPermission(new Path(a.toUri()), new FsPermission(m.getKey().shortValue()));
      hadoop.setPermission(new Path(b.toUri()), new FsPermission(m.getKey().shortValue()));
      assertEquals(m.getValue(), bits(a), "mode " + Integer.toOctalString(m.getKey()));
      assertEquals(bits(b), bits(a), "mode " + Integer.toOctalString(m.getKey()));
    }
    ours.close();
  }

  @Test
  void foldersAndFilesGetHadoopsDefaultPermissions() throws Exception {
    Configuration conf = new Configuration();
    FileSystem ours = PosixLocalFileSystem.forPath(new Path(dir.toUri()), conf);
    assertTrue(ours instanceof PosixLocalFileSystem);
    LocalFileSystem hadoop = new LocalFileSystem(stock());
    hadoop.initialize(java.net.URI.create("file:///"), conf);
    for (FileSystem fs : List.of(ours, hadoop)) {
      String name = fs == ours ? "ours" : "hadoop";
      fs.mkdirs(new Path(dir.resolve(name + "/a/b").toUri()));
      fs.create(new Path(dir.resolve(name + "/a/b/f.txt").toUri())).close();
    }
    for (String p : List.of("a", "a/b", "a/b/f.txt", "a/b/.f.txt.crc")) {
      assertEquals(bits(dir.resolve("hadoop/" + p)), bits(dir.resolve("ours/" + p)), p);
    }
    ours.close();
  }

  /** A local file system of a user's own, configured in place of Hadoop's (fs.file.impl). */
  public static final class OwnLocalFileSystem extends LocalFileSystem {}

  @Test
  void aLocalFileSystemConfiguredInPlaceOfHadoopsIsKept() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", OwnLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = PosixLocalFileSystem.forPath(new Path(dir.toUri()), conf);
    assertEquals(OwnLocalFileSystem.class, fs.getClass());
  }

  @Test
  void aModeWithAHigherBitIsLeftToChmod() {
    assertNull(PosixLocalFileSystem.posixBits(01777));
    assertNull(PosixLocalFileSystem.posixBits(04755));
    assertEquals(Set.of(), PosixLocalFileSystem.posixBits(0));
  }

  @Test
  void aResultFolderIsOpenedCommittedAndClosedWithoutStartingAProcess() throws Exception {
    assumeFalse(NativeCodeLoader.isNativeCodeLoaded(), "with Hadoop's native library nothing starts chmod anyway");
    Configuration conf = new Configuration();
    // the control: Hadoop's own local file system starts a process for a folder
    long control = processesStartedBy(() -> {
      FileSystem fs = FileSystem.getLocal(conf);
      fs.mkdirs(new Path(dir.resolve("control/x").toUri()));
    });
    assertTrue(control > 0, "Hadoop's stock local file system started no process: the check sees nothing");
    long store = processesStartedBy(() -> {
      try (ResultStore s = ResultStore.open(dir.resolve("out").toString(), "s", conf,
          new ResultLease.Settings(Duration.ofSeconds(60), false), "app", System.err)) {
        s.keepSweepFile("name: s\n");
        s.commitWave(List.of("t1", "t2"), Map.of("trials", Set.of()), "{}");
      }
    });
    assertEquals(0, store);
    assertTrue(Files.exists(dir.resolve("out/s/_deadrelu/waves/wave-000000.txt")));
  }

  interface Work {
    void run() throws Exception;
  }

  /** Processes the calling thread started while {@code work} ran, as JFR saw them. */
  private long processesStartedBy(Work work) throws Exception {
    java.nio.file.Path file = dir.resolve("processes-" + System.nanoTime() + ".jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.ProcessStart");
      r.start();
      work.run();
      r.stop();
      r.dump(file);
    }
    long me = Thread.currentThread().getId();
    long n = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (e.getThread() != null && e.getThread().getJavaThreadId() == me) {
        n++;
      }
    }
    return n;
  }
}
