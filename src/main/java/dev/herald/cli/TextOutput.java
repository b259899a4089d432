package dev.herald.cli;

import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.answer.ComposedAnswer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders answers for people reading a terminal. */
final class TextOutput {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  private TextOutput() {}

  /** The answer, its numbered sources and the as-of line. */
  static String answer(Answer a, ZoneId zone) {
    StringBuilder b = new StringBuilder(a.text()).append('\n');
    if (!a.citations().isEmpty()) {
      b.append("\nSources:\n");
      for (Citation c : a.citations()) {
        b.append("  [").append(c.n()).append("] ").append(c.title()).append(" — ").append(c.source())
            .append(", ").append(day(c.published(), zone)).append("\n      ").append(c.url()).append('\n');
      }
    }
    b.append("\n(as of ").append(MOMENT.format(a.asOf().atZone(zone))).append(")");
    return b.toString();
  }

  /** The answer as {@link #answer(Answer, ZoneId)} renders it, preceded by the composer's note if there is one. */
  static String answer(ComposedAnswer c, ZoneId zone) {
    String text = answer(c.answer(), zone);
    return c.note() == null ? text : c.note() + "\n\n" + text;
  }

  /** A date as "16 Oct 2025". */
  static String day(Instant t, ZoneId zone) {
    return DAY.format(t.atZone(zone));
  }
}
