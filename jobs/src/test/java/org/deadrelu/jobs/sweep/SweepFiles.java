package org.deadrelu.jobs.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the example sweep files under src/test/resources/sweeps/. */
final class SweepFiles {

  private SweepFiles() {}

  static String text(String resource) {
    try (InputStream in = SweepFiles.class.getResourceAsStream("/sweeps/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource sweeps/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static SweepSpec load(String resource) {
    return SweepLoader.load(resource.substring(resource.lastIndexOf('/') + 1), text(resource));
  }
}
