package dev.herald.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads the feed subscriptions of an OPML file (the format feed readers export). */
public final class OpmlImporter {

  /** Returns one trusted feed source per distinct {@code xmlUrl} outline, named by its {@code title} or {@code text}. */
  public List<Source> read(Path file) throws IOException {
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = Jsoup.parse(in, null, "", Parser.xmlParser());
    }
    if (doc.selectFirst("opml") == null) {
      throw new IOException(file + ": not an OPML file (no <opml> element)");
    }
    Map<String, Source> out = new LinkedHashMap<>();
    for (Element o : doc.select("outline[xmlUrl]")) {
      String url = o.attr("xmlUrl").strip();
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        continue;
      }
      String name = !o.attr("title").isBlank() ? o.attr("title").strip() : o.attr("text").strip();
      String lang = o.attr("language").isBlank() ? null : o.attr("language").strip();
      out.putIfAbsent(url, new Source(SourceKind.FEED, url, name.isEmpty() ? null : name, lang, null, true));
    }
    return new ArrayList<>(out.values());
  }
}
