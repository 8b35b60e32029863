package org.deadrelu.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The engine's version: a digest of this module's main sources, computed by the build, so that it
 * changes whenever the engine's code does and nobody has to remember to bump it.
 *
 * <p>The digest ({@link #of}): every file under {@code model/src/main/java} whose name ends in
 * {@code .java} gives one line, {@code <h>  <p>\n}: {@code h} is the lowercase hex SHA-256 of the
 * file's bytes with every CR LF replaced by LF (so a checkout's line endings do not matter),
 * {@code p} its path relative to {@code src/main/java} with {@code /} between names, and the two are
 * separated by two spaces, as {@code sha256sum} prints them. The lines are sorted by {@code p}
 * (plain string order; the paths are ASCII) and the version is the first {@value #LENGTH} hex
 * digits of the SHA-256 of their UTF-8 bytes. A change to any source, a new source, a removed or
 * renamed one each give another version; the bundled data sets under {@code src/main/resources} are
 * not part of it.
 *
 * <p>The build (model/pom.xml, phase process-classes) runs {@link #main} over the sources into the
 * resource {@value #RESOURCE} next to this class, in the jar; {@link #current()} reads it.
 */
public final class EngineVersion {
  /** Hex digits kept: 48 bits tell apart any number of engine versions a project will have. */
  public static final int LENGTH = 12;
  /** What {@link #current()} says when the classes were compiled without the build step that writes it. */
  public static final String UNKNOWN = "unknown";
  static final String RESOURCE = "engine-version.txt";

  private static final String CURRENT = read();

  private EngineVersion() {}

  /** The version of the engine on the classpath, as its build computed it; {@link #UNKNOWN} without one. */
  public static String current() {
    return CURRENT;
  }

  /** The version of the sources under {@code sourceRoot} (a {@code src/main/java} folder). */
  public static String of(Path sourceRoot) throws IOException {
    TreeMap<String, Path> byPath = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".java")) {
          byPath.put(relativeName(sourceRoot, f), f);
        }
      }
    }
    StringBuilder lines = new StringBuilder();
    for (var e : byPath.entrySet()) {
      lines.append(sha256Hex(withoutCarriageReturns(Files.readAllBytes(e.getValue())))).append("  ")
          .append(e.getKey()).append('\n');
    }
    return sha256Hex(lines.toString().getBytes(StandardCharsets.UTF_8)).substring(0, LENGTH);
  }

  /**
   * Writes the version of a source folder to a file: {@code EngineVersion <src/main/java> <file>}.
   * The build's way of embedding it; it never exits the JVM, which may be Maven's own.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: EngineVersion <source folder> <output file>");
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, of(Path.of(args[0])) + "\n", StandardCharsets.UTF_8);
  }

  /** The file's path under the root with "/" between names, whatever the platform's separator. */
  private static String relativeName(Path root, Path file) {
    StringJoiner name = new StringJoiner("/");
    root.relativize(file).forEach(part -> name.add(part.toString()));
    return name.toString();
  }

  /** The bytes with the CR of every CR LF pair dropped. */
  private static byte[] withoutCarriageReturns(byte[] b) {
    byte[] out = new byte[b.length];
    int n = 0;
    for (int i = 0; i < b.length; i++) {
      if (!(b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n')) {
        out[n++] = b[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String read() {
    try (InputStream in = EngineVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return UNKNOWN;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE + " from the classpath", e);
    }
  }
}
