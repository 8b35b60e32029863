package org.deadrelu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine version the build embedded is the digest of the sources as they are now, computed here
 * afresh from its definition; a changed, added or renamed source changes it, line endings do not.
 */
class EngineVersionTest {
  /** Surefire runs in the module's folder. */
  static final Path SOURCES = Path.of("src/main/java");

  @TempDir Path tmp;

  @Test
  void theBuildEmbedsTheDigestOfTheSourcesAsTheyAre() throws Exception {
    String version = EngineVersion.current();
    assertTrue(version.matches("[0-9a-f]{12}"), version);
    assertEquals(digest(SOURCES), version, "the sources changed since the build, or the build computes another digest");
    assertEquals(version, EngineVersion.of(SOURCES));
  }

  @Test
  void aChangedSourceChangesTheVersion() throws Exception {
    Path copy = copySources();
    Path file = copy.resolve("org/deadrelu/model/net/Pass.java");
    Files.writeString(file, Files.readString(file) + "// one more line\n");
    String changed = EngineVersion.of(copy);
    assertNotEquals(EngineVersion.current(), changed);
    assertEquals(digest(copy), changed);
  }

  @Test
  void anAddedOrRenamedSourceChangesTheVersion() throws Exception {
    Path copy = copySources();
    Path added = copy.resolve("org/deadrelu/model/net/Extra.java");
    Files.writeString(added, "package org.deadrelu.model.net;\nfinal class Extra {}\n");
    String withExtra = EngineVersion.of(copy);
    assertNotEquals(EngineVersion.current(), withExtra);
    Files.move(added, copy.resolve("org/deadrelu/model/net/Other.java"));
    assertNotEquals(withExtra, EngineVersion.of(copy));
    assertNotEquals(EngineVersion.current(), EngineVersion.of(copy));
  }

  @Test
  void lineEndingsDoNotChangeTheVersion() throws Exception {
    Path copy = copySources();
    Path file = copy.resolve("org/deadrelu/model/net/Pass.java");
    String text = Files.readString(file);
    assertTrue(text.contains("\n") && !text.contains("\r"), "the checkout has LF line endings");
    Files.writeString(file, text.replace("\n", "\r\n"));
    assertEquals(EngineVersion.current(), EngineVersion.of(copy));
  }

  private Path copySources() throws IOException {
    Path copy = tmp.resolve("java");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(SOURCES.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    assertEquals(EngineVersion.current(), EngineVersion.of(copy), "a copy has the same version");
    return copy;
  }

  /**
   * The definition, written out independently: SHA-256 over "sha256(content, CRLF as LF)  path\n"
   * for every .java file, sorted by path, the first 12 hex digits.
   */
  private static String digest(Path root) throws Exception {
    TreeMap<String, Path> byName = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .forEach(p -> byName.put(root.relativize(p).toString().replace(File.separatorChar, '/'), p));
    }
    MessageDigest total = MessageDigest.getInstance("SHA-256");
    for (Map.Entry<String, Path> e : byName.entrySet()) {
      // ISO-8859-1 maps every byte to one char and back, so the replacement works on the raw bytes
      String raw = new String(Files.readAllBytes(e.getValue()), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
      String content = hex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.ISO_8859_1)));
      total.update((content + "  " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return hex(total.digest()).substring(0, 12);
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
