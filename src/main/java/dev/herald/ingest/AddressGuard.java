package dev.herald.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF guard for URLs that did not come from the operator: only http and https, and only hosts
 * whose every resolved address is public, unless the host or private addresses are allowed in config.
 */
public final class AddressGuard {

  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  /** Creates a guard from the ingest settings. */
  public AddressGuard(boolean allowPrivate, List<String> allowedHosts) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
  }

  /** Throws {@link FetchException} when {@code uri} may not be fetched for an untrusted source. */
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(uri.toString(), "refused: only http and https URLs may be added (got '" + scheme + "')");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new FetchException(uri.toString(), "refused: no host");
    }
    if (allowPrivate || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(uri.toString(), "unknown host " + host);
    }
    for (InetAddress a : addresses) {
      if (isInternal(a)) {
        throw new FetchException(uri.toString(),
            "refused: " + host + " resolves to internal address " + a.getHostAddress()
                + " (allow it with ingest.allowed-hosts if intended)");
      }
    }
  }

  /** Returns whether an address is loopback, private, link-local (cloud metadata included) or otherwise not public. */
  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7, includes the fd00:ec2::254 metadata address
      }
      if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        // NAT64 64:ff9b::/96 carries an IPv4 address in its last four bytes.
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
