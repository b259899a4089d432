package dev.herald.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts an article from an HTML page: main text with Readability4J over a jsoup tree (which
 * tolerates broken markup and sniffs a missing charset), and metadata from meta tags and JSON-LD.
 */
public final class ReadabilityExtractor {

  private static final Logger log = LoggerFactory.getLogger(ReadabilityExtractor.class);
  private static final String BLOCKS = "p, h2, h3, h4, li, blockquote, pre";

  private final ObjectMapper json = new ObjectMapper();

  /** Extracts from raw page bytes; {@code charset} is the HTTP header's, or {@code null} to sniff. */
  public ExtractedPage extract(String url, byte[] html, Charset charset) throws FetchException {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), url);
    } catch (IOException | RuntimeException e) {
      throw new FetchException(url, "cannot parse HTML (" + e.getMessage() + ")");
    }
    String canonical = attr(doc, "link[rel=canonical]", "abs:href");
    if (canonical == null) {
      canonical = attr(doc, "meta[property=og:url]", "abs:content");
    }
    Instant published = parseDate(attr(doc, "meta[property=article:published_time]", "content"));
    if (published == null) {
      published = parseDate(attr(doc, "meta[itemprop=datePublished]", "content"));
    }
    JsonNode ld = jsonLdArticle(doc);
    if (published == null && ld != null) {
      published = parseDate(ld.path("datePublished").asText(null));
    }
    String author = attr(doc, "meta[name=author]", "content");
    if (author == null && ld != null) {
      JsonNode a = ld.path("author");
      JsonNode first = a.isArray() ? a.path(0) : a;
      author = first.isTextual() ? first.asText() : first.path("name").asText(null);
    }
    String title = attr(doc, "meta[property=og:title]", "content");
    String siteName = attr(doc, "meta[property=og:site_name]", "content");
    String text = null;
    try {
      net.dankito.readability4j.Article a = new Readability4J(url, doc.clone()).parse();
      if (title == null) {
        title = blankToNull(a.getTitle());
      }
      if (author == null) {
        author = blankToNull(a.getByline());
      }
      if (a.getArticleContent() != null) {
        text = paragraphs(a.getArticleContent());
      }
    } catch (RuntimeException e) {
      // Readability gives up on some odd trees; the paragraph fallback below still finds the text.
      log.debug("readability failed on {}: {}", url, e.toString());
    }
    if (text == null || text.isBlank()) {
      text = paragraphs(doc.body());
    }
    if (title == null) {
      title = blankToNull(doc.title());
    }
    return new ExtractedPage(title, author, canonical, published, text, siteName);
  }

  /** Turns an HTML fragment (feed content) into plain text, paragraphs separated by blank lines. */
  public String textOf(String html) {
    return paragraphs(Jsoup.parseBodyFragment(html).body());
  }

  private static String paragraphs(Element root) {
    if (root == null) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (Element e : root.select(BLOCKS)) {
      // A nested block (p inside li or blockquote) is taken with its parent, once.
      if (e.parents().stream().anyMatch(p -> p.is(BLOCKS) && root != p)) {
        continue;
      }
      String t = e.text().strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      return root.text().strip();
    }
    return String.join("\n\n", out);
  }

  private JsonNode jsonLdArticle(Document doc) {
    for (Element s : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode found = findDated(json.readTree(s.data()));
        if (found != null) {
          return found;
        }
      } catch (IOException e) {
        log.debug("ignoring malformed JSON-LD: {}", e.getMessage());
      }
    }
    return null;
  }

  private static JsonNode findDated(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.has("datePublished")) {
      return n;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode f = findDated(c);
        if (f != null) {
          return f;
        }
      }
    }
    return n.has("@graph") ? findDated(n.get("@graph")) : null;
  }

  /** Parses the date formats seen in page metadata; {@code null} when absent or unreadable. */
  static Instant parseDate(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(css);
    return e == null ? null : blankToNull(e.attr(attr));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
