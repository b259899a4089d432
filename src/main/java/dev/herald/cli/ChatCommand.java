package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.question.RoutedQuestion;
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
        // Follow-ups ("and when?", "what did he say about it?") are resolved against the previous question.
        RoutedQuestion routed = h.route(line.strip(), previous, root.clock.instant());
        out.println(TextOutput.answer(h.answer(routed, root.clock.instant()), c.zone()));
        previous = routed.question();
        out.println();
      }
    }
    return 0;
  }
}
