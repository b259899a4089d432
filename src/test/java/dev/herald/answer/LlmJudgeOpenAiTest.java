package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The entailment judge ({@code llm.judge: true}) end to end: one fake OpenAI-compatible server on loopback
 * answers the question and, for each sentence the rules kept, gives the judge's verdict.
 */
class LlmJudgeOpenAiTest {

  static final String KEY = "sk-test-judge-0123456789";
  static final String BUDGET = "As of 16 October 2025, the Springfield city council approved a budget of 4.2 million dollars [1].";
  static final String VOTE = "The vote was seven to two [1].";

  @TempDir Path home;
  MockWebServer server;
  Herald herald;
  final List<String> judged = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (herald != null) {
      herald.close();
    }
    server.close();
  }

  // The model answers BUDGET + VOTE; judge requests (recognised by the judge's instructions) get verdict(request body).
  void serve(Function<String, MockResponse> verdict) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (body.contains("strict fact checker")) {
          judged.add(body);
          return verdict.apply(body);
        }
        return FakeProviders.openAi(BUDGET + " " + VOTE);
      }
    });
  }

  ComposedAnswer ask(Duration judgeTimeout) throws Exception {
    LlmSettings s = new LlmSettings(Provider.OPENAI, "gpt-test", server.url("/v1/").toString(), null, Duration.ofSeconds(5), 300,
        0.0, 0.5, 3, Duration.ofSeconds(60)).withJudge(true, judgeTimeout);
    herald = NewsFixture.open(home, s, Map.of("OPENAI_API_KEY", KEY));
    return herald.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);
  }

  static MockResponse verdict(boolean supported) {
    return FakeProviders.openAi("{\"supported\": " + supported + ", \"reason\": \"checked against source 1\"}");
  }

  @Test
  void should_drop_the_sentence_the_judge_finds_unsupported_and_report_the_cost() throws Exception {
    serve(body -> verdict(!body.contains("Claim: The vote was seven to two")));
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Verifier.class);
    ch.qos.logback.classic.Level before = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    log.start();
    logger.addAppender(log);
    try {
      ComposedAnswer a = ask(Duration.ofSeconds(5));

      assertThat(a.answer().text()).isEqualTo(BUDGET);
      assertThat(a.verification().counts()).isEqualTo(new Verification(2, 1, 1, 0, 0, false));
      assertThat(a.verification().drops()).singleElement().satisfies(d -> {
        assertThat(d.rule()).isEqualTo("judge");
        assertThat(d.sentence()).isEqualTo("The vote was seven to two.");
        assertThat(d.detail()).isEqualTo("checked against source 1");
      });
      Verification.JudgeReport j = a.verification().judge();
      assertThat(j.asked()).isEqualTo(2);
      assertThat(j.supported()).isEqualTo(1);
      assertThat(j.unsupported()).isEqualTo(1);
      assertThat(j.failed() + j.timedOut()).isZero();
      assertThat(j.inputTokens()).isEqualTo(240);
      assertThat(j.outputTokens()).isEqualTo(60);
      assertThat(a.note()).contains("removed");
      assertThat(judged).hasSize(2).allSatisfy(b -> assertThat(b).contains(NewsFixture.COUNCIL_TEXT.substring(0, 40)));
      assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains("judge: 2 sentences").contains("1 unsupported").contains("240 input"))
          .allSatisfy(m -> assertThat(m).doesNotContain(KEY));
    } finally {
      logger.detachAppender(log);
      logger.setLevel(before);
    }
  }

  @Test
  void should_keep_the_rule_verdict_when_the_verdict_is_malformed() throws Exception {
    serve(body -> body.contains("Claim: The vote was seven to two")
        ? FakeProviders.openAi("Yes, the source says so.")
        : FakeProviders.openAi("{\"supported\": \"yes\"}"));

    ComposedAnswer a = ask(Duration.ofSeconds(5));

    assertThat(a.answer().text()).isEqualTo(BUDGET + " " + VOTE);
    assertThat(a.verification().judge().failed()).isEqualTo(2);
    assertThat(a.verification().judge().unsupported()).isZero();
    assertThat(a.verification().drops()).isEmpty();
  }

  @Test
  void should_keep_the_rule_verdict_when_the_judge_call_fails() throws Exception {
    serve(body -> FakeProviders.json(500, "{\"error\":{\"message\":\"judge down\"}}"));

    ComposedAnswer a = ask(Duration.ofSeconds(5));

    assertThat(a.answer().text()).isEqualTo(BUDGET + " " + VOTE);
    assertThat(a.answer().mode()).isEqualTo("llm");
    assertThat(a.verification().judge().failed()).isEqualTo(2);
  }

  @Test
  void should_keep_the_rule_verdict_when_the_judge_times_out_and_return_within_its_timeout() throws Exception {
    serve(body -> new MockResponse.Builder(verdict(false)).headersDelay(4, TimeUnit.SECONDS).build());

    long t0 = System.nanoTime();
    ComposedAnswer a = ask(Duration.ofMillis(600));
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(a.answer().text()).isEqualTo(BUDGET + " " + VOTE);
    assertThat(a.verification().judge().timedOut()).isEqualTo(2);
    assertThat(a.verification().judge().unsupported()).isZero();
    // Indexing the fixture and the answer call come on top of the judge's 600 ms; the 4 s replies are not awaited.
    assertThat(ms).isLessThan(3500);
  }

  @Test
  void should_not_ask_the_judge_about_sentences_the_rules_dropped() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (body.contains("strict fact checker")) {
          judged.add(body);
          return verdict(true);
        }
        return FakeProviders.openAi(BUDGET + " The council approved a budget of 42 million dollars [1].");
      }
    });

    ComposedAnswer a = ask(Duration.ofSeconds(5));

    assertThat(a.answer().text()).isEqualTo(BUDGET);
    assertThat(a.verification().drops()).extracting(Verification.Drop::rule).containsExactly("number");
    assertThat(judged).hasSize(1);
    assertThat(a.verification().judge().asked()).isEqualTo(1);
  }
}
