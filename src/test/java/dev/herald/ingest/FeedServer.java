package dev.herald.ingest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A local HTTP server on 127.0.0.1 serving fixture feeds and pages, recording every request. */
final class FeedServer implements AutoCloseable {

  /** One canned response. */
  record Route(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis, boolean gzip, String etag,
      boolean chunked) {

    Route(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis, boolean gzip, String etag) {
      this(status, contentType, body, headers, delayMillis, gzip, etag, false);
    }

    /** The same response without a Content-Length, so only the streamed size can give it away. */
    Route chunkedBody() {
      return new Route(status, contentType, body, headers, delayMillis, gzip, etag, true);
    }

    static Route ok(String contentType, String body) {
      return new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0, false, null);
    }

    static Route bytes(String contentType, byte[] body) {
      return new Route(200, contentType, body, Map.of(), 0, false, null);
    }

    static Route status(int status) {
      return new Route(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8), Map.of(), 0, false, null);
    }

    static Route redirect(int status, String location) {
      return new Route(status, "text/plain", new byte[0], Map.of("Location", location), 0, false, null);
    }

    Route gzipped() {
      return new Route(status, contentType, body, headers, delayMillis, true, etag);
    }

    Route withEtag(String e) {
      return new Route(status, contentType, body, headers, delayMillis, gzip, e);
    }

    Route delayed(long millis) {
      return new Route(status, contentType, body, headers, millis, gzip, etag);
    }
  }

  /** One request as received. */
  record Request(String path, Headers headers) {}

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FeedServer() throws IOException {
    // Without TCP_NODELAY the JDK server's small writes meet delayed ACKs: ~40 ms per request, not ours to measure.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "test-feed-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:12345}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The same server under the name {@code localhost}. */
  String localhostBase() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  String url(String path) {
    return base() + path;
  }

  FeedServer route(String path, Route r) {
    routes.put(path, r);
    return this;
  }

  long count(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    requests.add(new Request(query == null ? path : path + "?" + query, ex.getRequestHeaders()));
    Route r = routes.get(query == null ? path : path + "?" + query);
    if (r == null) {
      r = routes.get(path);
    }
    if (r == null) {
      r = Route.status(404);
    }
    try {
      if (r.delayMillis() > 0) {
        Thread.sleep(r.delayMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Headers h = ex.getResponseHeaders();
    r.headers().forEach(h::add);
    if (r.etag() != null) {
      h.add("ETag", r.etag());
      if (r.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
    }
    h.add("Content-Type", r.contentType());
    byte[] body = r.body();
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    if (r.gzip() && accept != null && accept.contains("gzip")) {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
        gz.write(body);
      }
      body = bos.toByteArray();
      h.add("Content-Encoding", "gzip");
    }
    ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : r.chunked() ? 0 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      } catch (IOException e) {
        // the client hung up early (body too large): expected in those tests
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
