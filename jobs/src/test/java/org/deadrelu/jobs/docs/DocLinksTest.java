package org.deadrelu.jobs.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in README.md, docs/*.md and bench/README.md resolves to a file or folder inside
 * the repository, and every {@code #anchor} into a Markdown file to one of its headings (GitHub's
 * spelling of heading anchors). Links to web pages are not followed.
 */
class DocLinksTest {
  static final Path ROOT = Path.of(System.getProperty("deadrelu.root", "..")).toAbsolutePath().normalize();

  /** An inline link or image, {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

  @Test
  void everyRelativeLinkOfTheDocsResolvesInsideTheRepository() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    pages.add(ROOT.resolve("bench/README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    assertTrue(pages.size() > 3, "no docs found under " + ROOT);
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Path page : pages) {
      List<String> found = new ArrayList<>();
      links += check(ROOT, page, found);
      problems.addAll(found);
    }
    assertTrue(links > 20, "only " + links + " links found: is the parsing broken?");
    assertEquals(List.of(), problems, "broken links");
  }

  @Test
  void aMissingFileAFileOutsideTheRepositoryAndAMissingAnchorAreReported(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Path root = repo.resolve("docs").getParent();
    Files.writeString(repo.resolve("docs/other.md"), "# Other page\n\n## A section\n");
    Path page = repo.resolve("docs/page.md");
    Files.writeString(page, String.join("\n",
        "# Page",
        "[fine](other.md#a-section) [fine too](#page) ![image](other.md) [web](https://example.org/x.md)",
        "[gone](missing.md)",
        "[no such anchor](other.md#nowhere)",
        "[outside](../../elsewhere/NOTES.md)",
        "`[in code](not-checked.md)`",
        "```",
        "[in a fence](not-checked-either.md)",
        "```",
        ""));
    List<String> problems = new ArrayList<>();
    int links = check(root, page, problems);
    assertEquals(7, links, problems.toString());
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("missing.md") && problems.get(0).contains("does not exist"), problems.get(0));
    assertTrue(problems.get(1).contains("#nowhere"), problems.get(1));
    assertTrue(problems.get(2).contains("outside the repository"), problems.get(2));
  }

  /** Checks a page's links, adding one line per broken link to {@code problems}; returns how many links it has. */
  static int check(Path root, Path page, List<String> problems) {
    String text = read(page);
    int count = 0;
    int lineNumber = 0;
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (m.find()) {
        count++;
        String target = m.group(1);
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: and the like
        }
        String where = root.relativize(page) + ":" + lineNumber + ": " + target + ": ";
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
          problems.add(where + "points outside the repository");
          continue;
        }
        if (!Files.exists(resolved)) {
          problems.add(where + "does not exist");
          continue;
        }
        if (!anchor.isEmpty() && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
          problems.add(where + "no heading of " + root.relativize(resolved) + " has the anchor #" + anchor);
        }
      }
    }
    return count;
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered. */
  static Set<String> anchors(Path page) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : read(page).split("\n", -1)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (fenced || !h.matches()) {
        continue;
      }
      String title = h.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link's text only
      String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      out.add(n == 0 ? slug : slug + "-" + n);
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
