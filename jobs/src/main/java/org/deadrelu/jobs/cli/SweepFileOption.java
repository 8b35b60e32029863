package org.deadrelu.jobs.cli;

import org.apache.hadoop.conf.Configuration;
import org.deadrelu.jobs.io.HadoopFiles;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import picocli.CommandLine.Parameters;

/** The sweep file argument shared by validate, plan and sweep: read through Hadoop, then validated. */
final class SweepFileOption {
  @Parameters(index = "0", paramLabel = "SWEEP_FILE", description = "The sweep file (YAML), at any Hadoop path.")
  String path;

  private byte[] bytes;

  /** The file as given (read once). */
  String text() {
    return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  SweepSpec load() {
    return SweepLoader.load(path, bytes());
  }

  private byte[] bytes() {
    if (bytes == null) {
      bytes = HadoopFiles.readBytes(path, new Configuration());
    }
    return bytes;
  }
}
