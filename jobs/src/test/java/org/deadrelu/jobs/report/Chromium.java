package org.deadrelu.jobs.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Debian's headless Chromium, as the tests drive it: a screenshot or the DOM after scripts ran, and its log. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  record Run(String log, String stdout) {}

  private Chromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  private static Run run(Path work, List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(args);
    Path err = Files.createTempFile(work, "chromium", ".log");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + cmd);
    }
    return new Run(Files.readString(err), out);
  }

  /** A screenshot of {@code page} in a window of the given size. */
  static Run screenshot(Path work, Path page, int width, int height, Path png) throws IOException, InterruptedException {
    return run(work, List.of("--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString()));
  }

  /** The DOM of {@code page} once its scripts have run (virtual time lets load events fire). */
  static Run dumpDom(Path work, Path page) throws IOException, InterruptedException {
    return run(work, List.of("--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()));
  }

  /** The image without the blank (white) rows below its last drawn row, with a margin. */
  static BufferedImage cropBottom(BufferedImage image, int margin) {
    int last = 0;
    for (int y = image.getHeight() - 1; y >= 0 && last == 0; y--) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          last = y;
          break;
        }
      }
    }
    return image.getSubimage(0, 0, image.getWidth(), Math.min(image.getHeight(), last + margin));
  }

  static BufferedImage read(Path png) throws IOException {
    return ImageIO.read(png.toFile());
  }
}
