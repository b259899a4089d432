package dev.herald.ingest;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * A fetched response after redirects and decompression.
 *
 * @param url the final address, after redirects
 * @param status the HTTP status (200 or 304)
 * @param body the decompressed body; empty when not modified
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param etag the {@code ETag} validator, or {@code null}
 * @param lastModified the {@code Last-Modified} validator, or {@code null}
 */
public record FetchResult(String url, int status, byte[] body, String contentType, String etag, String lastModified) {

  /** Returns whether the server answered 304: nothing changed since the validators were stored. */
  public boolean notModified() {
    return status == 304;
  }

  /** The charset named in the content type, when it names one that this JVM knows. */
  public Optional<Charset> charset() {
    if (contentType == null) {
      return Optional.empty();
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring(8).replace("\"", "").strip();
        try {
          return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
          return Optional.empty(); // a bogus charset name: let the parser sniff the bytes instead
        }
      }
    }
    return Optional.empty();
  }
}
