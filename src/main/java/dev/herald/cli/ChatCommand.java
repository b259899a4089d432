package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code herald chat}: an interactive question-and-answer session in the terminal. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Chat with Herald in the terminal (/quit to leave).")
final class ChatCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Override
  public Integer call() throws Exception {
    HeraldConfig c = root.loadConfig();
    PrintWriter out = root.spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Herald h = root.openForQuestions(c)) {
      var stats = h.stats();
      out.printf("Herald knows %d articles%s. Ask about the news; /quit to leave.%n", stats.articles(),
          stats.newest() == null ? "" : ", the newest from " + TextOutput.day(stats.newest(), c.zone()));
      String previous = null;
      while (true) {
        out.print("> ");
        out.flush();
        String line = in.readLine();
        if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        // The previous question lets a language model resolve follow-ups such as "and what did she say?".
        out.println(TextOutput.answer(h.answer(line.strip(), root.clock.instant(), previous), c.zone()));
        previous = line.strip();
        out.println();
      }
    }
    return 0;
  }
}
