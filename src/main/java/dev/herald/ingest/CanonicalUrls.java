package dev.herald.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical article addresses: lower-case scheme and host, no default port, no fragment, and no
 * tracking parameters, so that the same article reached through different links has one key.
 */
public final class CanonicalUrls {

  // Parameters that identify the click, not the article; utm_* is matched by prefix.
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl",
      "ref_src", "cmpid", "ocid", "taid", "at_medium", "at_campaign", "ito", "smid", "sr_share", "ns_source",
      "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "rss", "feature");

  private CanonicalUrls() {}

  /** Returns the canonical form of an absolute http(s) URL, or the input stripped when it cannot be parsed. */
  public static String canonicalize(String url) {
    String s = url.strip();
    try {
      URI u = new URI(s);
      if (u.getScheme() == null || u.getHost() == null) {
        return s;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      String query = cleanQuery(u.getRawQuery());
      StringBuilder b = new StringBuilder(scheme).append("://").append(host);
      if (port != -1) {
        b.append(':').append(port);
      }
      b.append(path);
      if (query != null) {
        b.append('?').append(query);
      }
      return b.toString();
    } catch (URISyntaxException e) {
      return s;
    }
  }

  private static String cleanQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }
}
