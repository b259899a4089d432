package dev.herald.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A faithful fake of the Telegram Bot API on loopback, for tests: the methods the bot uses, as the Bot
 * API documentation describes them, over real HTTP ({@code /bot<token>/<method>}, JSON or form bodies,
 * {@code {"ok":…}} envelopes). getUpdates long-polls with offset, limit and timeout and confirms
 * updates below the offset; sendMessage checks HTML like Telegram (400 "can't parse entities"), the
 * 4,096-character limit and the replied-to message, and returns dates in seconds. Faults (429 with
 * retry_after, 5xx, dropped connections) can be queued per method. sendPhoto takes a multipart upload,
 * decodes the image and checks Telegram's documented photo limits (10 MB, width plus height at most
 * 10,000, ratio at most 20) and the 1,024-character caption limit.
 */
public final class FakeBotApi implements AutoCloseable {

  static final long BOT_ID = 777_000L;
  static final String BOT_USERNAME = "herald_test_bot";

  /** A message the bot sent successfully; for a photo, {@code html} and {@code text} are its caption. */
  record Sent(long chatId, int messageId, String html, String text, Integer replyTo, String parseMode, long receivedNanos,
      byte[] photo) {}

  /** One part of a multipart/form-data body. */
  private record Part(String name, String filename, String contentType, byte[] data) {}

  /** A fault served instead of the next call of a method. */
  record Fault(int status, Integer retryAfter, boolean drop) {
    static Fault tooManyRequests(int retryAfter) {
      return new Fault(429, retryAfter, false);
    }

    static Fault serverError(int status) {
      return new Fault(status, null, false);
    }

    static Fault badRequest() {
      return new Fault(400, null, false);
    }

    static Fault dropConnection() {
      return new Fault(0, null, true);
    }
  }

  private static final Map<String, String> METHODS = new HashMap<>();

  static {
    // Without it the JDK server writes headers and body in separate packets and the client's delayed
    // ACK adds about 40 ms to every call; Telegram's servers do not behave like that.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    for (String m : List.of("getMe", "getUpdates", "sendMessage", "editMessageText", "sendChatAction", "setMyCommands",
        "answerInlineQuery", "setWebhook", "deleteWebhook", "sendPhoto")) {
      METHODS.put(m.toLowerCase(java.util.Locale.ROOT), m);
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final String token;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-bot-api");
    t.setDaemon(true);
    return t;
  });
  private final Object lock = new Object();
  private final List<ObjectNode> updates = new ArrayList<>();
  private long confirmedBelow;
  private int nextUpdateId = 1;
  private final AtomicInteger nextMessageId = new AtomicInteger(1000);
  private final Map<Long, Set<Integer>> messagesByChat = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<String, Fault> rejections = new HashMap<>();
  private JsonNode myCommands;
  private JsonNode webhook;
  private final Set<String> held = new HashSet<>();
  private int waitingAtHold;

  /** Starts the server on a free loopback port, accepting {@code token}. */
  public FakeBotApi(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The base url to configure as telegram.api-url. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- test side -------------------------------------------------------------------------------

  /** Queues a user's text message in a private chat (chat id = user id); returns its message id. */
  int privateText(long userId, String text) {
    return message(userId, "private", userId, m -> m.put("text", text));
  }

  /** Builds a private text message update without queueing it, for delivery by webhook. */
  String privateTextUpdateJson(long userId, String text) {
    synchronized (lock) {
      int before = updates.size();
      privateText(userId, text);
      ObjectNode u = updates.remove(before);
      return u.toString();
    }
  }

  /** The url and secret of the last setWebhook call, or {@code null} after deleteWebhook. */
  JsonNode webhook() {
    synchronized (lock) {
      return webhook;
    }
  }

  /** Queues a text message in a group; returns its message id. */
  int groupText(long chatId, long userId, String text, Integer replyToBotMessage) {
    return message(chatId, "supergroup", userId, m -> {
      m.put("text", text);
      if (replyToBotMessage != null) {
        ObjectNode r = m.putObject("reply_to_message");
        r.put("message_id", replyToBotMessage);
        r.put("date", nowSeconds());
        r.set("chat", chat(chatId, "supergroup"));
        r.set("from", botUser());
        r.put("text", "earlier answer");
      }
    });
  }

  /** Queues a photo without caption in a private chat; returns its message id. */
  int privatePhoto(long userId) {
    return message(userId, "private", userId, m -> {
      ObjectNode p = m.putArray("photo").addObject();
      p.put("file_id", "photo-1");
      p.put("file_unique_id", "u-photo-1");
      p.put("width", 10);
      p.put("height", 10);
    });
  }

  /** Queues an inline query. */
  void inlineQuery(long userId, String id, String query) {
    synchronized (lock) {
      ObjectNode u = json.createObjectNode();
      u.put("update_id", nextUpdateId++);
      ObjectNode q = u.putObject("inline_query");
      q.put("id", id);
      q.set("from", user(userId));
      q.put("query", query);
      q.put("offset", "");
      updates.add(u);
      lock.notifyAll();
    }
  }

  private interface Filler {
    void fill(ObjectNode message);
  }

  private int message(long chatId, String type, long userId, Filler filler) {
    synchronized (lock) {
      ObjectNode u = json.createObjectNode();
      u.put("update_id", nextUpdateId++);
      ObjectNode m = u.putObject("message");
      int id = nextMessageId.incrementAndGet();
      m.put("message_id", id);
      m.set("from", user(userId));
      m.set("chat", chat(chatId, type));
      m.put("date", nowSeconds());
      filler.fill(m);
      messagesByChat.computeIfAbsent(chatId, c -> new HashSet<>()).add(id);
      updates.add(u);
      lock.notifyAll();
      return id;
    }
  }

  /** Serves {@code fault} for the next call of {@code method}, before any earlier-queued faults run out. */
  void failNext(String method, Fault fault) {
    synchronized (lock) {
      faults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
    }
  }

  /** Serves {@code fault} for every call of {@code method} (after any queued faults) until {@link #stopRejecting}. */
  void rejectEvery(String method, Fault fault) {
    synchronized (lock) {
      rejections.put(method, fault);
    }
  }

  /**
   * Keeps every call of {@code method} from here on waiting, unanswered and without effect, until
   * {@link #release}: a slow Bot API, or one a test wants a bot to be stuck on.
   */
  void hold(String method) {
    synchronized (lock) {
      held.add(method);
    }
  }

  /** Lets the calls waiting at {@link #hold} go on, and later ones through. */
  void release(String method) {
    synchronized (lock) {
      held.remove(method);
      lock.notifyAll();
    }
  }

  /** How many calls are waiting at a {@link #hold} now. */
  int waitingAtHold() {
    synchronized (lock) {
      return waitingAtHold;
    }
  }

  /** Lets {@code method} succeed again after {@link #rejectEvery}. */
  void stopRejecting(String method) {
    synchronized (lock) {
      rejections.remove(method);
    }
  }

  /**
   * Does what Telegram does after a week without updates: the unconfirmed updates are gone (Telegram
   * keeps them 24 hours) and the next update id is chosen at random; here it is {@code nextId}.
   */
  void restartUpdateIds(int nextId) {
    synchronized (lock) {
      updates.clear();
      confirmedBelow = 0;
      nextUpdateId = nextId;
    }
  }

  /** Waits until a setMyCommands call succeeded and returns the commands it set, or null if none did in time. */
  JsonNode awaitMyCommands(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (myCommands == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return myCommands;
    }
  }

  /** The commands the last successful setMyCommands set, or null when none succeeded. */
  JsonNode myCommands() {
    synchronized (lock) {
      return myCommands;
    }
  }

  /** Forgets that updates were confirmed, as after a bot crashed before its next getUpdates. */
  void forgetConfirmations() {
    synchronized (lock) {
      confirmedBelow = 0;
    }
  }

  /** Every message sent so far. */
  List<Sent> sent() {
    synchronized (lock) {
      return List.copyOf(sent);
    }
  }

  /** Names of every method called so far, in order (failed calls included). */
  public List<String> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** The request bodies of every call of {@code method}. */
  List<JsonNode> requests(String method) {
    synchronized (lock) {
      List<JsonNode> out = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        if (calls.get(i).equals(method)) {
          out.add(requests.get(i));
        }
      }
      return out;
    }
  }

  /** Waits until at least {@code n} sent messages match, and returns those that do. */
  List<Sent> awaitSent(Predicate<Sent> which, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<Sent> matching = sent.stream().filter(which).toList();
        long left = deadline - System.nanoTime();
        if (matching.size() >= n || left <= 0) {
          return matching;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits until {@code method} has been called at least {@code n} times; returns whether it was. */
  boolean awaitCalls(String method, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (calls.stream().filter(method::equals).count() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- server side -----------------------------------------------------------------------------

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String[] segments = path.split("/");
      if (segments.length != 3 || !segments[1].startsWith("bot")) {
        respond(ex, 404, error(404, "Not Found"));
        return;
      }
      // Bot API method names are case-insensitive; record them as the documentation spells them.
      String method = METHODS.getOrDefault(segments[2].toLowerCase(java.util.Locale.ROOT), segments[2]);
      Map<String, Part> files = new HashMap<>();
      JsonNode params = params(ex, files);
      Fault fault;
      synchronized (lock) {
        calls.add(method);
        requests.add(params);
        lock.notifyAll();
        Deque<Fault> queue = faults.get(method);
        fault = queue == null ? null : queue.poll();
        if (fault == null) {
          fault = rejections.get(method);
        }
        if (held.contains(method)) {
          waitingAtHold++;
          try {
            while (held.contains(method)) {
              lock.wait();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } finally {
            waitingAtHold--;
          }
        }
      }
      if (!segments[1].equals("bot" + token)) {
        respond(ex, 401, error(401, "Unauthorized"));
        return;
      }
      if (fault != null) {
        if (fault.drop()) {
          return; // closing the exchange without a response drops the connection
        }
        ObjectNode e = error(fault.status(), fault.status() == 429
            ? "Too Many Requests: retry after " + fault.retryAfter()
            : fault.status() == 400 ? "Bad Request: message is too long" : "Internal Server Error");
        if (fault.retryAfter() != null) {
          e.putObject("parameters").put("retry_after", fault.retryAfter());
        }
        respond(ex, fault.status(), e);
        return;
      }
      try {
        respond(ex, 200, ok(call(method, params, files)));
      } catch (ApiError e) {
        respond(ex, e.status, error(e.status, e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String description) {
      super(description);
      this.status = status;
    }
  }

  private JsonNode call(String method, JsonNode p, Map<String, Part> files) throws ApiError, InterruptedException {
    switch (method) {
      case "sendPhoto":
        return sendPhoto(p, upload(p.path("photo").asText(""), files.get("photo"), files));
      case "getMe":
        return botUser();
      case "deleteWebhook":
        synchronized (lock) {
          webhook = null;
        }
        return json.getNodeFactory().booleanNode(true);
      case "setWebhook":
        if (!p.path("url").asText("").startsWith("https://")) {
          throw new ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = p.path("secret_token").asText("");
        if (!secret.isEmpty() && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
          throw new ApiError(400, "Bad Request: secret token contains unallowed characters");
        }
        synchronized (lock) {
          webhook = p;
        }
        return json.getNodeFactory().booleanNode(true);
      case "setMyCommands":
        JsonNode commands = p.path("commands");
        if (commands.isTextual()) {
          // form-encoded requests carry the list as a JSON string
          try {
            commands = json.readTree(commands.asText());
          } catch (IOException e) {
            commands = null;
          }
        }
        if (commands == null || !commands.isArray()) {
          throw new ApiError(400, "Bad Request: can't parse commands JSON object");
        }
        synchronized (lock) {
          myCommands = commands;
          lock.notifyAll();
        }
        return json.getNodeFactory().booleanNode(true);
      case "answerInlineQuery":
        for (JsonNode r : p.path("results")) {
          JsonNode content = r.path("input_message_content");
          visibleText(content, content.path("message_text").asText(""));
        }
        return json.getNodeFactory().booleanNode(true);
      case "sendChatAction":
        requireChat(p);
        if (!p.hasNonNull("action")) {
          throw new ApiError(400, "Bad Request: action is empty");
        }
        return json.getNodeFactory().booleanNode(true);
      case "getUpdates":
        return getUpdates(p);
      case "sendMessage":
        return sendMessage(p);
      case "editMessageText":
        return editMessageText(p);
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  private JsonNode getUpdates(JsonNode p) throws InterruptedException {
    long offset = p.path("offset").asLong(0);
    int limit = Math.max(1, Math.min(100, p.path("limit").asInt(100)));
    long timeoutMs = Math.max(0, p.path("timeout").asLong(0)) * 1000;
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (lock) {
      if (offset > 0) {
        confirmedBelow = Math.max(confirmedBelow, offset);
      }
      while (true) {
        ArrayNode result = json.createArrayNode();
        for (ObjectNode u : updates) {
          if (u.get("update_id").asLong() >= confirmedBelow && result.size() < limit) {
            result.add(u);
          }
        }
        long left = deadline - System.currentTimeMillis();
        if (!result.isEmpty() || left <= 0) {
          return result;
        }
        lock.wait(left);
      }
    }
  }

  private JsonNode sendMessage(JsonNode p) throws ApiError {
    long chat = requireChat(p);
    String html = p.path("text").asText("");
    String text = visibleText(p, html);
    Integer replyTo = p.hasNonNull("reply_to_message_id") ? p.get("reply_to_message_id").asInt() : null;
    synchronized (lock) {
      if (replyTo != null && !messagesByChat.getOrDefault(chat, Set.of()).contains(replyTo)) {
        throw new ApiError(400, "Bad Request: message to be replied not found");
      }
      int id = nextMessageId.incrementAndGet();
      messagesByChat.computeIfAbsent(chat, c -> new HashSet<>()).add(id);
      sent.add(new Sent(chat, id, html, text, replyTo, p.path("parse_mode").asText(null), System.nanoTime(), null));
      lock.notifyAll();
      return messageJson(chat, id, text);
    }
  }

  /**
   * The file a parameter names: an upload in its own part, or "attach://NAME" for the part called NAME
   * (how the Bot API lets a field refer to a file sent in the same request).
   */
  private static Part upload(String value, Part direct, Map<String, Part> files) throws ApiError {
    if (direct != null) {
      return direct;
    }
    if (value.startsWith("attach://")) {
      Part named = files.get(value.substring("attach://".length()));
      if (named == null) {
        throw new ApiError(400, "Bad Request: file " + value + " is not in the request");
      }
      return named;
    }
    return null;
  }

  private JsonNode sendPhoto(JsonNode p, Part upload) throws ApiError {
    long chat = requireChat(p);
    if (upload == null) {
      // A string names a file already on Telegram's servers or a URL to fetch; this fake keeps no files.
      throw new ApiError(400, p.hasNonNull("photo") ? "Bad Request: wrong remote file identifier specified"
          : "Bad Request: there is no photo in the request");
    }
    if (upload.data().length > 10 * 1024 * 1024) {
      throw new ApiError(400, "Bad Request: file is too big");
    }
    java.awt.image.BufferedImage image;
    try {
      image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(upload.data()));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      throw new ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (w + h > 10_000 || Math.max(w, h) > 20 * Math.min(w, h)) {
      throw new ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS");
    }
    String html = p.path("caption").asText("");
    String caption = html;
    if (!html.isEmpty() && "HTML".equalsIgnoreCase(p.path("parse_mode").asText(""))) {
      try {
        caption = TelegramHtml.parse(html);
      } catch (TelegramHtml.ParseException e) {
        throw new ApiError(400, e.getMessage());
      }
    }
    if (caption.length() > 1024) {
      throw new ApiError(400, "Bad Request: message caption is too long");
    }
    Integer replyTo = p.hasNonNull("reply_to_message_id") ? p.get("reply_to_message_id").asInt() : null;
    synchronized (lock) {
      if (replyTo != null && !messagesByChat.getOrDefault(chat, Set.of()).contains(replyTo)) {
        throw new ApiError(400, "Bad Request: message to be replied not found");
      }
      int id = nextMessageId.incrementAndGet();
      messagesByChat.computeIfAbsent(chat, c -> new HashSet<>()).add(id);
      sent.add(new Sent(chat, id, html, caption, replyTo, p.path("parse_mode").asText(null), System.nanoTime(), upload.data()));
      lock.notifyAll();
      ObjectNode m = messageJson(chat, id, null);
      m.remove("text");
      // Telegram answers with the sizes it made: a thumbnail and the original.
      ArrayNode sizes = m.putArray("photo");
      double scale = Math.min(1.0, 320.0 / Math.max(w, h));
      addSize(sizes, "thumb-" + id, (int) Math.round(w * scale), (int) Math.round(h * scale));
      addSize(sizes, "photo-" + id, w, h).put("file_size", upload.data().length);
      if (!caption.isEmpty()) {
        m.put("caption", caption);
      }
      return m;
    }
  }

  private static ObjectNode addSize(ArrayNode sizes, String fileId, int w, int h) {
    ObjectNode s = sizes.addObject();
    s.put("file_id", fileId);
    s.put("file_unique_id", "u-" + fileId);
    s.put("width", w);
    s.put("height", h);
    return s;
  }

  private JsonNode editMessageText(JsonNode p) throws ApiError {
    long chat = requireChat(p);
    int id = p.path("message_id").asInt();
    String text = visibleText(p, p.path("text").asText(""));
    synchronized (lock) {
      if (!messagesByChat.getOrDefault(chat, Set.of()).contains(id)) {
        throw new ApiError(400, "Bad Request: message to edit not found");
      }
    }
    return messageJson(chat, id, text);
  }

  private static String visibleText(JsonNode p, String raw) throws ApiError {
    if (raw.isBlank()) {
      throw new ApiError(400, "Bad Request: message text is empty");
    }
    String text = raw;
    if ("HTML".equalsIgnoreCase(p.path("parse_mode").asText(""))) {
      try {
        text = TelegramHtml.parse(raw);
      } catch (TelegramHtml.ParseException e) {
        throw new ApiError(400, e.getMessage());
      }
    }
    if (text.strip().isEmpty()) {
      throw new ApiError(400, "Bad Request: message text is empty");
    }
    if (text.length() > 4096) {
      throw new ApiError(400, "Bad Request: message is too long");
    }
    return text;
  }

  private static long requireChat(JsonNode p) throws ApiError {
    if (!p.hasNonNull("chat_id") || p.get("chat_id").asText().isBlank()) {
      throw new ApiError(400, "Bad Request: chat_id is empty");
    }
    try {
      return Long.parseLong(p.get("chat_id").asText());
    } catch (NumberFormatException e) {
      throw new ApiError(400, "Bad Request: chat not found");
    }
  }

  private ObjectNode messageJson(long chat, int id, String text) {
    ObjectNode m = json.createObjectNode();
    m.put("message_id", id);
    m.set("from", botUser());
    m.set("chat", chat(chat, chat < 0 ? "supergroup" : "private"));
    m.put("date", nowSeconds());
    m.put("text", text);
    return m;
  }

  private ObjectNode botUser() {
    ObjectNode u = json.createObjectNode();
    u.put("id", BOT_ID);
    u.put("is_bot", true);
    u.put("first_name", "Herald");
    u.put("username", BOT_USERNAME);
    return u;
  }

  private ObjectNode user(long id) {
    ObjectNode u = json.createObjectNode();
    u.put("id", id);
    u.put("is_bot", false);
    u.put("first_name", "User " + id);
    return u;
  }

  private ObjectNode chat(long id, String type) {
    ObjectNode c = json.createObjectNode();
    c.put("id", id);
    c.put("type", type);
    if (!type.equals("private")) {
      c.put("title", "Group " + id);
    }
    return c;
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }

  private JsonNode params(HttpExchange ex, Map<String, Part> files) throws IOException {
    ObjectNode p = json.createObjectNode();
    addForm(p, ex.getRequestURI().getRawQuery());
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (body.length > 0 && type != null && type.startsWith("application/json")) {
      JsonNode b = json.readTree(body);
      if (b != null && b.isObject()) {
        p.setAll((ObjectNode) b);
      }
    } else if (body.length > 0 && type != null && type.startsWith("multipart/form-data")) {
      for (Part part : multipart(body, type.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1"))) {
        if (part.filename() != null) {
          files.put(part.name(), part);
          p.put(part.name(), "<upload " + part.filename() + ", " + part.data().length + " bytes>");
        } else {
          p.put(part.name(), new String(part.data(), StandardCharsets.UTF_8));
        }
      }
    } else if (body.length > 0) {
      addForm(p, new String(body, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** Splits a multipart/form-data body into its parts, bytes intact (an uploaded image is binary). */
  private static List<Part> multipart(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // the closing delimiter
      }
      start += 2; // CRLF after the delimiter
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        break;
      }
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headerEnd > 0 && headerEnd < next) {
        String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
        int dataEnd = next - 2; // CRLF before the next delimiter
        byte[] data = java.util.Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, dataEnd));
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?<![A-Za-z])name=\"([^\"]*)\"").matcher(headers);
        java.util.regex.Matcher file = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
        java.util.regex.Matcher ctype = java.util.regex.Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
        if (name.find()) {
          parts.add(new Part(name.group(1), file.find() ? file.group(1) : null, ctype.find() ? ctype.group(1).strip() : null, data));
        }
      }
      at = next;
    }
    return parts;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void addForm(ObjectNode p, String form) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      p.put(k, v);
    }
  }

  private ObjectNode ok(JsonNode result) {
    ObjectNode r = json.createObjectNode();
    r.put("ok", true);
    r.set("result", result);
    return r;
  }

  private ObjectNode error(int code, String description) {
    ObjectNode r = json.createObjectNode();
    r.put("ok", false);
    r.put("error_code", code);
    r.put("description", description);
    return r;
  }

  private void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
