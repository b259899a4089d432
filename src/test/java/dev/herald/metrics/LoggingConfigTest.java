package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped logging configuration (src/main/resources/logback.xml, which tests otherwise do not load). */
class LoggingConfigTest {

  private static LoggerContext shipped() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    joran.doConfigure(LoggingConfigTest.class.getResource("/logback.xml"));
    return context;
  }

  @Test
  void should_drop_the_embedding_runtime_cuda_and_tokenizer_warnings_but_keep_errors() throws Exception {
    LoggerContext context = shipped();
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.setContext(context);
    seen.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);

    // The two lines DJL writes on every CPU-only start, word for word as observed.
    context.getLogger("ai.djl.util.cuda.CudaUtils")
        .warn("Failed to detect GPU count: CUDA driver version is insufficient for CUDA runtime version (35)");
    context.getLogger("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer")
        .warn("maxLength is not explicitly specified, use modelMaxLength: 512");
    context.getLogger("ai.djl.util.cuda.CudaUtils").error("a real failure");
    context.getLogger("ai.djl.engine.Engine").warn("another DJL warning");

    assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("a real failure", "another DJL warning");
    assertThat(context.getLogger("dev.herald.bot").isEnabledFor(Level.INFO)).isTrue();
    context.stop();
  }
}
