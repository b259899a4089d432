package dev.herald.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom with Rome, which also works out the charset. */
public final class RomeFeedParser {

  /** Parses a feed body; {@code contentType} is the HTTP header (may be {@code null}). */
  public ParsedFeed parse(String url, byte[] body, String contentType) throws FetchException {
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      // Doctypes stay refused (Rome's default), which shuts out XXE and entity expansion bombs.
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new FetchException(url, "not a readable RSS/Atom/RDF feed (" + firstLine(e.getMessage()) + ")");
    } catch (IOException e) {
      throw new FetchException(url, "cannot decode feed (" + firstLine(e.getMessage()) + ")");
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = blankToNull(e.getLink());
      String key = blankToNull(e.getUri());
      if (key == null) {
        key = link;
      }
      if (key == null) {
        key = blankToNull(e.getTitle());
      }
      if (key == null) {
        continue; // nothing to recognise it by next time
      }
      Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      StringBuilder content = new StringBuilder();
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null) {
          content.append(c.getValue()).append('\n');
        }
      }
      items.add(new FeedItem(key, link, blankToNull(e.getTitle()), blankToNull(e.getAuthor()),
          d == null ? null : d.toInstant(), content.length() == 0 ? null : content.toString(),
          e.getDescription() == null ? null : blankToNull(e.getDescription().getValue())));
    }
    return new ParsedFeed(blankToNull(feed.getTitle()), items);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
