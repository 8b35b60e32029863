package org.deadrelu.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksums included), but setting a file's or folder's permission
 * through java.nio. Without Hadoop's native library, which Maven does not ship, every create and
 * mkdirs runs a {@code chmod} process: about 10 ms each, 30 of them in a sweep's ledger, commits
 * and lease, most of what a small sweep spends beside its tasks. The bits set are the same.
 */
public final class PosixLocalFileSystem extends LocalFileSystem {
  public PosixLocalFileSystem() {
    super(new Raw());
  }

  /**
   * The file system for {@code path}: where Hadoop gives its stock local file system, a new instance
   * of this class (the caller closes it); anything else (HDFS, S3, a local file system configured in
   * its place) as {@link Path#getFileSystem} gives it.
   */
  public static FileSystem forPath(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs.getClass() != LocalFileSystem.class) {
      return fs;
    }
    PosixLocalFileSystem local = new PosixLocalFileSystem();
    local.initialize(fs.getUri(), conf);
    return local;
  }

  /** The raw local file system with {@link #setPermission} in Java. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      Set<PosixFilePermission> bits = posixBits(permission.toShort());
      if (bits == null) {
        super.setPermission(p, permission); // sticky, setuid or setgid: only chmod sets them
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), bits);
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission); // a file system without POSIX attributes
      }
    }
  }

  /** The nine rwx bits of an octal mode as java.nio's set; null where the mode holds a higher bit. */
  static Set<PosixFilePermission> posixBits(int mode) {
    if ((mode & ~0777) != 0) {
      return null;
    }
    // PosixFilePermission's order is OWNER_READ .. OTHERS_EXECUTE: bit 8 down to bit 0
    PosixFilePermission[] order = PosixFilePermission.values();
    Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        bits.add(order[i]);
      }
    }
    return bits;
  }
}
