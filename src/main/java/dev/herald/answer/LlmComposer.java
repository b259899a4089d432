package dev.herald.answer;

import dev.herald.index.Passage;
import dev.herald.llm.CircuitBreaker;
import dev.herald.llm.LlmSettings;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a language model through LangChain4j and shows only what {@link Verifier} confirms
 * against the sources. Whenever the model cannot give a verifiable answer in time (timeout, HTTP
 * error, bad credentials, malformed output, breaker open, nothing supported), it returns the
 * {@link ExtractiveComposer}'s answer with a short note instead.
 */
public final class LlmComposer implements AutoCloseable {

  /** The mode name reported in answers the model wrote. */
  public static final String MODE = "llm";

  /** Most passages given to the model: enough for multi-source answers, few enough for small context windows. */
  public static final int MAX_SOURCES = 6;

  private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);
  private static final Pattern MARKERS = Pattern.compile("\\s*\\[[\\d,\\s]*\\]?$|\\s*\\[[\\d,\\s]+\\]");
  private static final Pattern KEY_LIKE = Pattern.compile("(sk-|Bearer\\s+|key=)[A-Za-z0-9_\\-.]{6,}");

  private final ExtractiveComposer fallback;
  private final Verifier verifier;
  private final LlmSettings settings;
  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final CircuitBreaker breaker;
  private final Set<String> secrets;
  private final ZoneId zone;
  private final ExecutorService calls;

  /**
   * Creates a composer; {@code streaming} may be {@code null}, and {@code secrets} are the key values
   * that must never appear in a log line or note.
   */
  public LlmComposer(ExtractiveComposer fallback, Verifier verifier, LlmSettings settings, ChatModel chat,
      StreamingChatModel streaming, CircuitBreaker breaker, Set<String> secrets, ZoneId zone) {
    this.fallback = fallback;
    this.verifier = verifier;
    this.settings = settings;
    this.chat = chat;
    this.streaming = streaming;
    this.breaker = breaker;
    this.secrets = Set.copyOf(secrets);
    this.zone = zone;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory named = r -> {
      Thread t = new Thread(r, "herald-llm-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.calls = Executors.newCachedThreadPool(named);
  }

  /** Composes a verified answer as of {@code asOf}; {@code previousQuestion} (may be {@code null}) helps with follow-ups. */
  public ComposedAnswer compose(Retrieval retrieval, Instant asOf, String previousQuestion) {
    return run(retrieval, asOf, previousQuestion, null);
  }

  /**
   * Composes like {@link #compose}, streaming when the provider can: {@code partialText} receives the
   * text generated so far, with citation markers removed because they are not verified yet. Only the
   * returned answer is verified; show partial text as provisional and replace it with the result.
   */
  public ComposedAnswer composeStreaming(Retrieval retrieval, Instant asOf, String previousQuestion, Consumer<String> partialText) {
    return run(retrieval, asOf, previousQuestion, streaming == null ? null : partialText);
  }

  /** Whether {@link #composeStreaming} streams (the provider has a streaming model). */
  public boolean streams() {
    return streaming != null;
  }

  private ComposedAnswer run(Retrieval retrieval, Instant asOf, String previousQuestion, Consumer<String> partialText) {
    List<Passage> sources = retrieval.passages().stream().limit(MAX_SOURCES).map(ScoredPassage::passage).toList();
    if (sources.isEmpty()) {
      // Nothing to ground an answer in: the model could only guess.
      return withNote(fallback.compose(retrieval, asOf), Verification.notRun(), null, null);
    }
    if (!breaker.tryAcquire()) {
      LOG.warn("LLM {}/{} skipped: circuit breaker open after repeated failures", provider(), model());
      return withNote(fallback.compose(retrieval, asOf), Verification.notRun(), null,
          "Note: the language model is paused after repeated failures, so this answer was taken directly from the sources.");
    }
    String question = retrieval.question().text();
    LlmPrompt prompt = LlmPrompt.of(question, asOf, zone, previousQuestion, sources);
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
        .build();
    ChatResponse response;
    try {
      response = partialText == null ? call(request) : stream(request, partialText);
      if (response.aiMessage() == null || response.aiMessage().text() == null || response.aiMessage().text().isBlank()) {
        throw new MalformedOutputException("the model returned no text");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(retrieval, asOf, "was interrupted");
    } catch (TimeoutException e) {
      breaker.recordFailure();
      return failed(retrieval, asOf, "timed out after " + settings.timeout().toMillis() + " ms");
    } catch (ExecutionException | RuntimeException e) {
      breaker.recordFailure();
      return failed(retrieval, asOf, describe(e instanceof ExecutionException ? e.getCause() : e));
    }
    breaker.recordSuccess();
    TokenCounts usage = usage(response.tokenUsage());
    LOG.info("LLM {}/{} answered using {} input and {} output tokens", provider(), model(), usage.input(), usage.output());
    Verifier.Result v = verifier.verify(response.aiMessage().text(), sources, asOf);
    if (!v.verifiable()) {
      LOG.warn("LLM {}/{} answer failed verification ({} sentences, none supported); answering extractively",
          provider(), model(), v.verification().sentences());
      return withNote(fallback.compose(retrieval, asOf), v.verification().asFallback(), usage,
          "Note: the language model's answer could not be verified against the sources, so this answer was taken directly from them.");
    }
    String note = v.verification().dropped() > 0 || v.verification().quotesRemoved() > 0
        ? "Note: parts of the language model's answer that the sources do not support were removed."
        : null;
    Answer answer = new Answer(question, asOf, v.text(), false, MODE, v.citations());
    return new ComposedAnswer(answer, provider(), model(), v.verification(), usage, note);
  }

  private ChatResponse call(ChatRequest request) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<ChatResponse> f = CompletableFuture.supplyAsync(() -> chat.chat(request), calls);
    try {
      // The client has its own timeout too; this one also bounds what the client's does not (slow bodies, retries).
      return f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      f.cancel(true);
    }
  }

  private ChatResponse stream(ChatRequest request, Consumer<String> partialText)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    AtomicBoolean open = new AtomicBoolean(true);
    StringBuilder soFar = new StringBuilder();
    streaming.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        String shown;
        synchronized (soFar) {
          soFar.append(text);
          shown = MARKERS.matcher(soFar).replaceAll("");
        }
        if (open.get()) {
          partialText.accept(shown);
        }
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      return done.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      // After the deadline the caller has its answer; late fragments must not overwrite it.
      open.set(false);
    }
  }

  private ComposedAnswer failed(Retrieval retrieval, Instant asOf, String what) {
    LOG.warn("LLM {}/{} {}; answering extractively", provider(), model(), redact(what));
    return withNote(fallback.compose(retrieval, asOf), Verification.notRun(), null,
        "Note: the language model " + shortReason(what) + ", so this answer was taken directly from the sources.");
  }

  private ComposedAnswer withNote(Answer extractive, Verification v, TokenCounts usage, String note) {
    return new ComposedAnswer(extractive, provider(), model(), v, usage, note);
  }

  private static String describe(Throwable e) {
    if (e instanceof AuthenticationException) {
      return "rejected the credentials (HTTP 401/403): " + e.getMessage();
    }
    if (e instanceof RateLimitException) {
      return "was rate limited (HTTP 429): " + e.getMessage();
    }
    if (e instanceof InternalServerException) {
      return "had a server error (HTTP 5xx): " + e.getMessage();
    }
    if (e instanceof HttpException h) {
      return "answered HTTP " + h.statusCode() + ": " + e.getMessage();
    }
    if (e instanceof dev.langchain4j.exception.TimeoutException || hasCause(e, java.net.http.HttpTimeoutException.class)
        || hasCause(e, java.net.SocketTimeoutException.class)) {
      return "timed out: " + e.getMessage();
    }
    if (e instanceof MalformedOutputException) {
      return "gave malformed output: " + e.getMessage();
    }
    if (hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
      return "gave malformed output: " + e;
    }
    if (hasCause(e, java.io.IOException.class)) {
      return "could not be reached: " + e;
    }
    return "gave malformed output or failed: " + e;
  }

  private static String shortReason(String what) {
    int colon = what.indexOf(':');
    return colon < 0 ? what : what.substring(0, colon);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  // Provider error bodies sometimes echo the key (or part of it); logs must never carry it.
  private String redact(String message) {
    String m = message == null ? "" : message;
    for (String s : secrets) {
      m = m.replace(s, "***");
    }
    m = KEY_LIKE.matcher(m).replaceAll("$1***");
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  private static TokenCounts usage(TokenUsage u) {
    return u == null ? new TokenCounts(null, null, null)
        : new TokenCounts(u.inputTokenCount(), u.outputTokenCount(), u.totalTokenCount());
  }

  private String provider() {
    return settings.provider().configName();
  }

  private String model() {
    return settings.effectiveModel();
  }

  /** Stops the threads that run model calls. */
  @Override
  public void close() {
    calls.shutdownNow();
    verifier.close();
  }

  /** The model answered, but with nothing usable. */
  private static final class MalformedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedOutputException(String message) {
      super(message);
    }
  }
}
