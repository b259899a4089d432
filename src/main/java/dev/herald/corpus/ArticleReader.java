package dev.herald.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from files and folders in the three input formats: article JSONL ({@code .jsonl},
 * {@code .ndjson}), Markdown with YAML front matter ({@code .md}, {@code .markdown}) and plain text
 * ({@code .txt}). Folders are walked recursively in name order; files named {@code README.*} and files
 * with other extensions inside folders are passed over. A bad line or file is reported to the problem
 * sink and skipped; reading goes on with the rest.
 */
public final class ArticleReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Reads every article under the given paths, sending each to {@code articles}. */
  public void read(List<Path> paths, Consumer<Article> articles, Consumer<ArticleProblem> problems) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        problems.accept(new ArticleProblem(path, 0, "no such file or folder"));
      } else if (Files.isDirectory(path)) {
        for (Path file : filesUnder(path)) {
          readFile(file, articles, problems);
        }
      } else if (formatOf(path) == null) {
        problems.accept(
            new ArticleProblem(path, 0, "unknown format: use .jsonl, .md or .txt for articles"));
      } else {
        readFile(path, articles, problems);
      }
    }
  }

  /** Lists the article files under a folder, in a stable order. */
  public List<Path> filesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> formatOf(p) != null)
          .filter(p -> !p.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("README."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private enum Format {
    JSONL,
    MARKDOWN,
    TEXT
  }

  private static Format formatOf(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Format.MARKDOWN;
    }
    if (name.endsWith(".txt")) {
      return Format.TEXT;
    }
    return null;
  }

  private void readFile(Path file, Consumer<Article> articles, Consumer<ArticleProblem> problems) {
    try {
      switch (formatOf(file)) {
        case JSONL -> readJsonl(file, articles, problems);
        case MARKDOWN -> readMarkdown(file, articles, problems);
        case TEXT -> readText(file, articles, problems);
      }
    } catch (IOException | UncheckedIOException e) {
      problems.accept(new ArticleProblem(file, 0, "cannot read file: " + e.getMessage()));
    }
  }

  private void readJsonl(Path file, Consumer<Article> articles, Consumer<ArticleProblem> problems)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(line);
          if (node == null || !node.isObject()) {
            throw new BadArticleException("expected a JSON object per line");
          }
          articles.accept(ArticleFields.toArticle(scalarFields(node)));
        } catch (JsonProcessingException e) {
          problems.accept(new ArticleProblem(file, lineNo, "bad JSON: " + e.getOriginalMessage()));
        } catch (BadArticleException e) {
          problems.accept(new ArticleProblem(file, lineNo, e.getMessage()));
        }
      }
    }
  }

  private static Map<String, Object> scalarFields(JsonNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (!v.isNull() && !v.isContainerNode()) {
                fields.put(e.getKey(), v.asText());
              }
            });
    return fields;
  }

  private void readMarkdown(Path file, Consumer<Article> articles, Consumer<ArticleProblem> problems)
      throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    if (!content.startsWith("---\n")) {
      problems.accept(
          new ArticleProblem(file, 1, "no YAML front matter: the file must start with a '---' line"));
      return;
    }
    int end = content.indexOf("\n---", 3);
    if (end < 0) {
      problems.accept(new ArticleProblem(file, 1, "front matter is not closed by a '---' line"));
      return;
    }
    String yaml = content.substring(4, end + 1);
    int bodyStart = content.indexOf('\n', end + 4);
    String body = bodyStart < 0 ? "" : content.substring(bodyStart + 1).strip();
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node == null || !node.isObject()) {
        throw new BadArticleException("front matter must be a YAML mapping of field names to values");
      }
      Map<String, Object> fields = scalarFields(node);
      fields.put("text", body);
      articles.accept(ArticleFields.toArticle(fields));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
      problems.accept(new ArticleProblem(file, line, "bad YAML front matter: " + e.getOriginalMessage()));
    } catch (BadArticleException e) {
      problems.accept(new ArticleProblem(file, 1, e.getMessage()));
    }
  }

  private void readText(Path file, Consumer<Article> articles, Consumer<ArticleProblem> problems)
      throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    if (lines.isEmpty()) {
      problems.accept(new ArticleProblem(file, 1, "empty file: the first line must be the title"));
      return;
    }
    String title = lines.get(0).strip();
    String body = String.join("\n", lines.subList(1, lines.size())).strip();
    if (body.isEmpty()) {
      problems.accept(new ArticleProblem(file, 2, "no text after the title line"));
      return;
    }
    Instant mtime = Files.getLastModifiedTime(file).toInstant();
    String url = file.toAbsolutePath().normalize().toUri().toString();
    articles.accept(
        new Article(ArticleFields.deriveId(url, body), title, url, "local", null, mtime, body));
  }
}
