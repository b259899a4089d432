package dev.herald.metrics;

/**
 * Where the admin HTTP port listens ({@code admin.port}, {@code admin.host}); off unless a port is set.
 *
 * @param port the port, or {@code null} for no admin port
 * @param host the address to bind (default 0.0.0.0, so that a container's health check and Prometheus reach it)
 */
public record AdminSettings(Integer port, String host) {

  /** No admin port. */
  public static AdminSettings off() {
    return new AdminSettings(null, "0.0.0.0");
  }

  /** Whether the admin port is to be opened. */
  public boolean enabled() {
    return port != null;
  }

  /** Returns a copy listening on {@code p}. */
  public AdminSettings withPort(int p) {
    return new AdminSettings(p, host);
  }
}
