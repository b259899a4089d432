package dev.herald.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP port: {@code /metrics} (Prometheus text format), {@code /healthz} (the process serves
 * HTTP) and {@code /readyz} (every {@link Readiness} check passes; 503 with the reasons otherwise). It
 * serves no chat data and takes no input, so it needs no authentication beyond keeping the port private.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;
  private final HeraldMetrics metrics;
  private final Readiness readiness;

  private AdminServer(HttpServer server, ExecutorService threads, HeraldMetrics metrics, Readiness readiness) {
    this.server = server;
    this.threads = threads;
    this.metrics = metrics;
    this.readiness = readiness;
  }

  /** Starts serving on {@code address} (port 0 picks a free one). */
  public static AdminServer start(InetSocketAddress address, HeraldMetrics metrics, Readiness readiness) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    AtomicInteger n = new AtomicInteger();
    // Two threads: a slow readiness check must not hold up a scrape.
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "herald-admin-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    AdminServer admin = new AdminServer(server, threads, metrics, readiness);
    server.createContext("/", admin::serve);
    server.start();
    log.info("admin endpoints on http://{}:{}/ (metrics, healthz, readyz)", address.getHostString(), admin.address().getPort());
    return admin;
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return;
      }
      switch (ex.getRequestURI().getPath()) {
        case "/metrics" -> send(ex, 200, PROMETHEUS_TEXT, metrics.scrape());
        case "/healthz" -> send(ex, 200, "text/plain; charset=utf-8", "ok\n");
        case "/readyz" -> {
          List<String> problems = readiness.problems();
          if (problems.isEmpty()) {
            send(ex, 200, "text/plain; charset=utf-8", "ready: " + String.join(", ", readiness.names()) + "\n");
          } else {
            send(ex, 503, "text/plain; charset=utf-8", "not ready\n" + String.join("\n", problems) + "\n");
          }
        }
        default -> send(ex, 404, "text/plain; charset=utf-8", "not found: try /metrics, /healthz or /readyz\n");
      }
    } catch (RuntimeException e) {
      log.warn("admin request {} failed: {}", ex.getRequestURI().getPath(), e.toString());
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops serving at once and releases the threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
