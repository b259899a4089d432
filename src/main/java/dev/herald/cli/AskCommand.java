package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.answer.Answer;
import dev.herald.config.HeraldConfig;
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

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (question == null || question.isBlank()) {
      throw new UsageException("ask: the question is empty; try: herald ask \"Where did Trump and Putin meet?\"");
    }
    HeraldConfig c = root.loadConfig();
    Instant at = AsOf.parse(asOf, c.zone(), root.clock);
    PrintWriter out = root.spec.commandLine().getOut();
    try (Herald h = root.openForQuestions(c)) {
      Answer a = h.ask(question.strip(), at);
      out.println(json ? JsonOutput.line(JsonOutput.answer(a)) : TextOutput.answer(a, c.zone()));
    }
    return 0;
  }
}
