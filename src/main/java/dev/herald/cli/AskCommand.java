package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.answer.ComposedAnswer;
import dev.herald.config.HeraldConfig;
import dev.herald.llm.Provider;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald ask "QUESTION"}: answers one question with citations. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer a question with cited sentences from the index (indexes corpus/ first if there is no index).")
final class AskCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Parameters(paramLabel = "QUESTION", description = "The question, in quotes.")
  String question;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Answer as of this ISO date or date-time (default: now).")
  String asOf;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "Retrieval mode instead of the configured one: bm25, dense or hybrid (dense and hybrid need an index built with embeddings).")
  String mode;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--llm", paramLabel = "PROVIDER",
      description = "Answer with this provider instead of the configured one: extractive, openai, openai-compatible, ollama, anthropic, gemini.")
  String llm;

  @Override
  public Integer call() throws Exception {
    if (question == null || question.isBlank()) {
      throw new UsageException("ask: the question is empty; try: herald ask \"Where did Trump and Putin meet?\"");
    }
    HeraldConfig c = HeraldCommand.withMode(root.loadConfig(), mode, "ask");
    if (llm != null) {
      Provider p = Provider.byName(llm).orElseThrow(() -> new UsageException(
          "ask: --llm " + llm + " is not a provider (known: " + Provider.names() + ")"));
      c = c.withLlm(c.llm().withProvider(p));
    }
    Instant at = AsOf.parse(asOf, c.zone(), root.clock);
    PrintWriter out = root.spec.commandLine().getOut();
    try (Herald h = root.openForQuestions(c)) {
      ComposedAnswer a = h.answer(question.strip(), at, null);
      out.println(json ? JsonOutput.line(JsonOutput.answer(a)) : TextOutput.answer(a, c.zone()));
    }
    return 0;
  }
}
