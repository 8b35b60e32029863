package org.deadrelu.jobs.io;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deadrelu.jobs.UserInputException;

/** Reads a small text file (a sweep file) from any Hadoop path: local, hdfs://, s3a://. */
public final class HadoopFiles {
  /** A sweep file larger than this is not a sweep file. */
  static final int MAX_BYTES = 4 << 20;

  private HadoopFiles() {}

  public static byte[] readBytes(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (fs.getFileStatus(p).isDirectory()) {
        throw new UserInputException("sweep file " + path + ": is a folder; give a .yaml file");
      }
      if (fs.getFileStatus(p).getLen() > MAX_BYTES) {
        throw new UserInputException("sweep file " + path + ": larger than " + (MAX_BYTES >> 20)
            + " MiB; a sweep file is a short YAML text");
      }
      try (InputStream in = fs.open(p)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } catch (FileNotFoundException e) {
      throw new UserInputException("sweep file " + path + ": not found");
    } catch (IOException | IllegalArgumentException e) {
      throw new UserInputException("sweep file " + path + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
