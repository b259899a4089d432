package dev.herald.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeExpressionsTest {

  // Thursday 16 October 2025, 15:00 UTC
  static final Instant AS_OF = Instant.parse("2025-10-16T15:00:00Z");
  final TimeExpressions time = new TimeExpressions(ZoneOffset.UTC);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "What happened today in Gaza?               | 2025-10-16T00:00:00Z | 2025-10-16T15:00:00Z",
      "What did Putin say yesterday?              | 2025-10-15T00:00:00Z | 2025-10-16T00:00:00Z",
      "What happened this week?                   | 2025-10-09T00:00:00Z | 2025-10-16T15:00:00Z",
      "What happened last week?                   | 2025-10-06T00:00:00Z | 2025-10-13T00:00:00Z",
      "Rates news from last month                 | 2025-09-01T00:00:00Z | 2025-10-01T00:00:00Z",
      "What's new on the Ukraine talks since Monday? | 2025-10-13T00:00:00Z | 2025-10-16T15:00:00Z",
      "What did the Fed do in September?          | 2025-09-01T00:00:00Z | 2025-10-01T00:00:00Z",
      "Who won the election in November?          | 2024-11-01T00:00:00Z | 2024-12-01T00:00:00Z",
      "What happened on 13 October?               | 2025-10-13T00:00:00Z | 2025-10-14T00:00:00Z",
      "What happened on October 13, 2025?         | 2025-10-13T00:00:00Z | 2025-10-14T00:00:00Z",
      "Any news in the past 3 days?               | 2025-10-13T15:00:00Z | 2025-10-16T15:00:00Z",
      "What happened since 2025-10-01?            | 2025-10-01T00:00:00Z | 2025-10-16T15:00:00Z",
      "Where will Trump and Putin meet?           | -                    | 2025-10-16T15:00:00Z",
  })
  void should_turn_time_expressions_into_windows_relative_to_the_as_of_moment(String q, String from, String to) {
    TimeWindow w = time.parse(q, AS_OF).window();

    assertThat(w.from()).isEqualTo(from == null ? null : Instant.parse(from));
    assertThat(w.to()).isEqualTo(Instant.parse(to));
  }

  @Test
  void should_remove_the_time_expression_from_the_search_text() {
    ParsedQuestion p = time.parse("What did Putin say about Tomahawks last week?", AS_OF);

    assertThat(p.searchText()).isEqualTo("What did Putin say about Tomahawks ?");
    assertThat(p.window().expression()).isEqualTo("last week");
  }

  @Test
  void should_flag_questions_that_ask_for_the_latest_news() {
    assertThat(time.parse("What is the latest on the Budapest summit?", AS_OF).window().wantsLatest()).isTrue();
    assertThat(time.parse("What's new on the Ukraine talks since Monday?", AS_OF).window().wantsLatest()).isTrue();
    assertThat(time.parse("Who won the Berlin marathon?", AS_OF).window().wantsLatest()).isFalse();
  }
}
