package dev.herald.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.TimeExpressions;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionRouterTest {

  private static final Instant AS_OF = Instant.parse("2025-11-26T12:00:00Z"); // a Wednesday
  private final QuestionRouter router = new QuestionRouter(new TimeExpressions(ZoneOffset.UTC), new QuestionAnalysis());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Where will Trump and Putin meet?                                   | PLACE
      Where did the attack happen?                                       | PLACE
      In which city did the attack occur?                                | PLACE
      Which country hosted COP30?                                        | PLACE
      Which US state passed the law?                                     | PLACE
      What city will host the summit?                                    | PLACE
      Who won the Ryder Cup?                                             | PERSON
      Who is the new mayor of New York?                                  | PERSON
      Whom did the court convict?                                        | PERSON
      Which player scored the winning goal?                              | PERSON
      Which member of the cabinet resigned?                              | PERSON
      Which state senator proposed the bill?                             | PERSON
      Which militant group claimed the attack?                           | NAMED
      Vaccinations began for which age group this week?                  | DESCRIPTION
      When will Trump and Putin meet?                                    | TIME
      When did the shutdown end?                                         | TIME
      On which day did the bank cut rates?                               | TIME
      What year did the war start?                                       | TIME
      How soon could the vaccine be available?                           | TIME
      How much did the company pay?                                      | NUMBER
      How many people were killed?                                       | NUMBER
      What percentage of voters backed the measure?                      | NUMBER
      How old is the pope?                                               | NUMBER
      What was the magnitude of the quake?                               | NUMBER
      Gas prices hit a record. On average, how much does a gallon cost?  | NUMBER
      Which airline agreed to buy Spirit?                                | NAMED
      Which company was fined by the EU?                                 | NAMED
      Which show got the most Emmy nominations?                          | NAMED
      Which type of storm hit the coast?                                 | NAMED
      Why did the talks collapse?                                        | REASON
      How did the ceasefire come about?                                  | DESCRIPTION
      What did the central bank decide?                                  | DESCRIPTION
      The IRS announced it will do what this week?                       | DESCRIPTION
      Which measure did lawmakers leave out?                             | DESCRIPTION
      Tell me about the Louvre robbery                                   | DESCRIPTION
      """)
  void should_read_the_answer_type_of_a_fact_question(String question, AnswerType type) {
    Intent intent = router.intent(question, AS_OF);

    assertThat(intent).isInstanceOf(Intent.Fact.class);
    assertThat(((Intent.Fact) intent).expected()).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Who said there is no deal until there's a deal?                    | there is no deal until there's a deal
      Who said “the preparations are under way”?                         | the preparations are under way
      who warned that deliveries would damage relations?                 | deliveries would damage relations
      Who has said that the Tomahawks would not change the situation?    | the Tomahawks would not change the situation
      who said "turn the volume up"                                      | turn the volume up
      Who told reporters the meeting was a waste of time?                | reporters the meeting was a waste of time
      """)
  void should_find_the_words_of_a_who_said_question(String question, String words) {
    assertThat(router.intent(question, AS_OF)).isEqualTo(new Intent.WhoSaid(words));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      What did Zelensky say about the peace plan?                        | Zelensky      | the peace plan
      What has the Kremlin said?                                         | Kremlin       | -
      What did Powell say about rates?                                   | Powell        | rates
      what does Merz think about the budget                              | Merz          | the budget
      What did Jerome Powell say on inflation?                           | Jerome Powell | inflation
      What did Putin say                                                 | Putin         | -
      """)
  void should_find_speaker_and_topic_of_what_did_x_say(String question, String speaker, String topic) {
    assertThat(router.intent(question, AS_OF)).isEqualTo(new Intent.WhatDidXSay(speaker, topic));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      What's new on the Ukraine talks since Monday?                      | Ukraine talks   | 2025-11-24T00:00:00Z
      What is the latest on the Louvre robbery?                          | Louvre robbery  | -
      latest on the shutdown                                             | shutdown        | -
      Any news on Gaza?                                                  | Gaza            | -
      Any updates on the ECB since 2025-11-01?                           | ECB             | 2025-11-01T00:00:00Z
      what's happening with the Ukraine talks                            | Ukraine talks   | -
      What’s new in AI this week?                                        | AI              | 2025-11-19T00:00:00Z
      news about the Bank of England                                     | Bank of England | -
      latest on Ukraine over the last month                              | Ukraine         | 2025-10-26T00:00:00Z
      """)
  void should_read_latest_questions_with_their_window(String question, String topic, String since) {
    assertThat(router.intent(question, AS_OF)).isEqualTo(new Intent.Latest(topic, since == null ? null : Instant.parse(since)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Timeline of the ceasefire talks                                    | ceasefire talks
      give me a timeline of the shutdown                                 | shutdown
      How did the Gaza ceasefire develop?                                | Gaza ceasefire
      how has the Louvre robbery unfolded                                | Louvre robbery
      """)
  void should_read_timelines(String question, String topic) {
    assertThat(router.intent(question, AS_OF)).isEqualTo(new Intent.Timeline(topic));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      digest of the Ukraine talks since Monday                           | Ukraine talks   | 2025-11-24T00:00:00Z
      Summarise the shutdown                                             | shutdown        | -
      catch me up on the Louvre robbery                                  | Louvre robbery  | -
      Give me a digest on Gaza over the past year                        | Gaza            | 2024-11-26T00:00:00Z
      """)
  void should_read_digests(String question, String topic, String since) {
    assertThat(router.intent(question, AS_OF)).isEqualTo(new Intent.Digest(topic, since == null ? null : Instant.parse(since)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Which team won the 2022 NHL Stanley Cup Finals?                         | won
      Which head of state announced his resignation this week?                | announced
      Which company's stock became cheaper after a 20-for-1 split?            | became
      Which movie is riding at the top of the US box office this week?        | riding
      Which continent will soon require a common charger?                     | require
      Who resigned as prime minister on Thursday?                             | resigned
      Which measure did lawmakers leave out of the deal?                      | -
      What is the new variant called?                                         | -
      Who is the new chancellor of Germany?                                   | -
      Where did Trump and Putin meet?                                         | -
      """)
  void should_find_the_verb_whose_doer_is_asked_for(String question, String verb) {
    assertThat(QuestionRouter.doerVerb(question)).isEqualTo(verb);
  }

  @Test
  void should_read_a_plan_from_the_tense_of_the_question() {
    assertThat(((Intent.Fact) router.intent("Where will Trump and Putin meet?", AS_OF)).plan()).isTrue();
    assertThat(((Intent.Fact) router.intent("Where did Trump and Putin meet?", AS_OF)).plan()).isFalse();
  }

  @Test
  void should_leave_a_topicless_news_question_to_the_conversation() {
    assertThat(router.intent("Any news on that?", AS_OF)).isInstanceOf(Intent.Fact.class);
  }

  @ParameterizedTest(name = "{1} after {0}")
  @CsvSource(delimiter = '|', textBlock = """
      Where will Trump and Putin meet?              | and when?                          | When will Trump and Putin meet?
      Where will Trump and Putin meet?              | When?                              | When will Trump and Putin meet?
      Who won the Ryder Cup?                        | and where?                         | Where won the Ryder Cup?
      Where did the attack happen?                  | why?                               | Why did the attack happen?
      When will Trump and Putin meet?               | what did Putin say about it?       | What did Putin say about Trump and Putin meet?
      What did Powell say about rates?              | what did he say about inflation?   | What did Powell say about inflation?
      Where did Freedonia and Sylvania discuss the ceasefire? | and what did Russia say?  | and what did Russia say Freedonia Sylvania?
      What did Powell say about rates?              | and what about Lagarde?            | and what about Lagarde Powell?
      """)
  void should_resolve_follow_ups_against_the_previous_question(String previous, String followUp, String resolved) {
    RoutedQuestion r = router.route(followUp, previous, AS_OF);

    assertThat(r.question()).isEqualTo(resolved);
    assertThat(r.followUp()).isTrue();
  }

  @Test
  void should_route_a_resolved_follow_up_by_its_new_intent() {
    RoutedQuestion when = router.route("and when?", "Where will Trump and Putin meet?", AS_OF);
    RoutedQuestion said = router.route("what did he say about it?", "What did Powell say about rates?", AS_OF);

    assertThat(((Intent.Fact) when.intent()).expected()).isEqualTo(AnswerType.TIME);
    assertThat(said.intent()).isEqualTo(new Intent.WhatDidXSay("Powell", "rates"));
  }

  @Test
  void should_leave_a_self_contained_question_alone_even_in_a_conversation() {
    RoutedQuestion r = router.route("Which harbour strike ended after two weeks in Port Verdant?", "Who won the Ryder Cup?", AS_OF);

    assertThat(r.question()).isEqualTo("Which harbour strike ended after two weeks in Port Verdant?");
    assertThat(r.followUp()).isFalse();
  }

  @Test
  void should_not_treat_a_first_question_as_a_follow_up() {
    RoutedQuestion r = router.route("and when?", null, AS_OF);

    assertThat(r.followUp()).isFalse();
    assertThat(r.question()).isEqualTo("and when?");
  }
}
