package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names in claims must be the sources' names, and tied to what the sources tie them to. */
class EntityTiesTest {

  static final FactCheck CHECK = new FactCheck(ZoneOffset.UTC);
  static final FactCheck.Source BOE = new FactCheck.Source("Bailey casts deciding vote as Bank of England holds rates at 4%", List.of(
      "The Bank of England kept interest rates at 4% on Thursday after a 5–4 vote in which Governor Andrew Bailey sided with those who wanted to wait.",
      "Deputy governors Sarah Breeden and Dave Ramsden, together with external members Swati Dhingra and Alan Taylor, voted for a quarter-point cut.",
      "Bailey said he wanted to see more evidence that inflation was coming down before backing another reduction."),
      Instant.parse("2025-11-06T13:00:00Z"));
  static final FactCheck.Source CZECH = new FactCheck.Source("Babiš's ANO movement wins Czech parliamentary election", List.of(
      "Andrej Babiš's populist ANO movement won the election with about 35% of the vote.",
      "The centre-right Spolu alliance of outgoing Prime Minister Petr Fiala came second.",
      "Fiala conceded defeat and congratulated Babiš."), Instant.parse("2025-10-05T08:00:00Z"));

  static List<FactCheck.Rule> rules(String claim, FactCheck.Source source) {
    return CHECK.check(claim, List.of(0), CHECK.prepare(List.of(source)), null).stream().map(FactCheck.Finding::rule).toList();
  }

  @Test
  void should_drop_a_claim_naming_someone_the_source_never_mentions() {
    assertThat(rules("Chancellor Rachel Reeves voted for a quarter-point cut.", BOE)).contains(FactCheck.Rule.ENTITY);
  }

  @Test
  void should_drop_a_person_put_in_the_role_the_source_gives_to_others() {
    assertThat(rules("Governor Andrew Bailey voted for a quarter-point cut.", BOE)).containsExactly(FactCheck.Rule.TIE);
  }

  @Test
  void should_keep_a_person_tied_as_the_source_ties_them_even_through_a_pronoun() {
    assertThat(rules("Sarah Breeden and Alan Taylor voted for a quarter-point cut.", BOE)).isEmpty();
    assertThat(rules("Bailey wanted more evidence that inflation was coming down before backing another cut.", BOE)).isEmpty();
  }

  @Test
  void should_drop_swapped_subject_and_object() {
    assertThat(rules("Babiš conceded defeat and congratulated Fiala.", CZECH)).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("Fiala conceded defeat and congratulated Babiš.", CZECH)).isEmpty();
  }

  @Test
  void should_accept_abbreviations_and_aliases_of_names_in_the_source() {
    Clause.Name us = Clause.of("The US agreed.", true, java.util.Set.of()).names().get(0);

    assertThat(EntityTies.mentioned(us, EntityTies.withInitials(Tokens.fold("between the European Union and the United States")))).isTrue();
    assertThat(EntityTies.mentioned(us, EntityTies.withInitials(Tokens.fold("between the European Union and Canada")))).isFalse();
  }
  @Test
  void should_count_a_number_the_subject_s_clause_states_as_a_word_it_shares() {
    FactCheck.Source shutdown = new FactCheck.Source("Shutdown ends", List.of(
        "President Donald Trump signed a funding bill late on Wednesday.",
        "The House of Representatives approved the measure earlier that evening by 222 votes to 209, after the Senate passed it."),
        Instant.parse("2025-11-13T08:00:00Z"));

    assertThat(rules("The House passed the funding bill 222-209.", shutdown)).isEmpty();
    assertThat(rules("The House signed the funding bill.", shutdown)).containsExactly(FactCheck.Rule.TIE);
  }
  @Test
  void should_read_a_group_named_by_a_description_as_the_people_of_the_sentence_before() {
    FactCheck.Source lunch = new FactCheck.Source("Zelensky leaves without Tomahawks", List.of(
        "Ukrainian President Volodymyr Zelensky left talks with President Donald Trump on Friday without a promise of missiles.",
        "The two leaders met over lunch at the White House, a day after Trump's phone call with Vladimir Putin."),
        Instant.parse("2025-10-18T08:00:00Z"));

    assertThat(CHECK.prepare(List.of(lunch)).clauses(0).get(2).names()).contains("zelensky", "trump");
    assertThat(rules("Zelensky met Trump over lunch at the White House.", lunch)).isEmpty();
  }

  static final FactCheck.Source LEADERS = new FactCheck.Source("Leaders meet in Rome", List.of(
      "Italian Prime Minister Giorgia Meloni and Hungarian Prime Minister Viktor Orbán met in Rome on Monday.",
      "The agency said the comet will come no closer to Earth than about 1.6 astronomical units.",
      "The two sides agreed to exchange 500 prisoners each, the ministry said.",
      "Ministers said the two countries would meet again in three weeks."),
      Instant.parse("2025-10-20T12:00:00Z"));

  @Test
  void should_read_a_country_in_y_and_its_adjective_as_one_entity() {
    assertThat(rules("Italy's Giorgia Meloni and Hungary's Viktor Orbán met in Rome.", LEADERS)).isEmpty();
  }

  @Test
  void should_not_take_who_reports_as_a_rival_subject_of_a_thing() {
    assertThat(rules("The comet will come no closer to Earth than about 1.6 astronomical units.", LEADERS)).isEmpty();
  }

  @Test
  void should_not_tie_the_number_of_a_group_named_by_a_description() {
    assertThat(rules("The two sides agreed to exchange 500 prisoners each.", LEADERS)).isEmpty();
  }

  @Test
  void should_read_a_first_word_that_reports_as_a_name_and_an_initial_inside_a_name() {
    assertThat(rules("Bloomberg reported that the Bank of England kept interest rates at 4%.", BOE)).contains(FactCheck.Rule.ENTITY);
    assertThat(Clause.of("The prize went to Michel H. Devoret.", true, java.util.Set.of()).names())
        .extracting(Clause.Name::text).containsExactly("Michel H. Devoret");
  }

  @Test
  void should_read_a_dotted_initialism_as_the_same_name_written_without_full_stops() {
    FactCheck.Source talks = new FactCheck.Source("Talks resume", List.of(
        "Negotiators from the U.S. met A.B.C. Holdings in Geneva on Monday."), Instant.parse("2025-10-14T00:00:00Z"));

    assertThat(rules("US negotiators met A.B.C. Holdings in Geneva.", talks)).doesNotContain(FactCheck.Rule.ENTITY);
    assertThat(rules("US negotiators met X.Y.Z. Holdings in Geneva.", talks)).contains(FactCheck.Rule.ENTITY);
  }

  static Clause.Name name(String text) {
    return Clause.of("They said " + text + " spoke.", true, java.util.Set.of()).names().get(0);
  }

  @Test
  void should_read_a_capital_as_its_country_and_another_name_of_a_country_as_the_same_entity() {
    assertThat(EntityTies.sameEntity(name("Moscow"), name("Russia"))).isTrue();
    assertThat(EntityTies.sameEntity(name("Washington"), name("United States"))).isTrue();
    assertThat(EntityTies.sameEntity(name("America"), name("U.S."))).isTrue();
    assertThat(EntityTies.sameEntity(name("Kyiv"), name("Russia"))).isFalse();
    assertThat(EntityTies.sameEntity(name("Beijing"), name("United States"))).isFalse();
    // Only the capital alone: a person or a newspaper named after it is not the country.
    assertThat(EntityTies.sameEntity(name("Denzel Washington"), name("United States"))).isFalse();
  }

  @Test
  void should_give_the_capital_the_country_s_action_but_not_another_country_s() {
    FactCheck.Source talks = new FactCheck.Source("Talks end with a prisoner swap", List.of(
        "Officials from Russia and Ukraine met in Istanbul on Friday; Moscow sent a team headed by an aide.",
        "The negotiator said afterwards that Russia was satisfied with the result and ready to keep talking.",
        "Ukraine called the demands unacceptable."), Instant.parse("2025-05-16T18:00:00Z"));

    assertThat(rules("The negotiator said Moscow was satisfied with the result and ready to keep talking.", talks)).isEmpty();
    assertThat(rules("The negotiator said Ukraine was satisfied with the result and ready to keep talking.", talks))
        .containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("The negotiator said Kyiv was satisfied with the result.", talks)).contains(FactCheck.Rule.TIE);
  }

  @Test
  void should_accept_a_party_s_abbreviation_where_the_source_writes_its_name() {
    FactCheck.Source coalition = new FactCheck.Source("New government sworn in", List.of(
        "The chancellor was sworn in with Social Democrat leader Anna Berg as finance minister.",
        "Most parties have said they will not govern with the Party for Freedom."), Instant.parse("2025-05-06T18:00:00Z"));

    assertThat(rules("Anna Berg, who leads the SPD, became finance minister.", coalition)).doesNotContain(FactCheck.Rule.ENTITY);
    assertThat(rules("Most parties will not govern with the PVV.", coalition)).doesNotContain(FactCheck.Rule.ENTITY);
    assertThat(rules("Anna Berg, who leads the CDU, became finance minister.", coalition)).contains(FactCheck.Rule.ENTITY);
  }

  @Test
  void should_take_the_name_a_possessive_qualifies_as_the_subject() {
    FactCheck.Source prize = new FactCheck.Source("Physics prize shared", List.of(
        "Ana Lopez and Ben Ross won the physics prize in Stockholm on Tuesday.",
        "Lopez works in Kyoto, and Ross in Melbourne."), Instant.parse("2025-10-07T12:00:00Z"));

    assertThat(rules("Kyoto's Lopez and Melbourne's Ross won the physics prize.", prize)).isEmpty();
  }

  @Test
  void should_hold_who_reports_to_a_word_of_the_statement_and_the_reported_subject_to_the_clause() {
    FactCheck.Source strike = new FactCheck.Source("Rebels strike the port", List.of(
        "Rebels fired rockets at the port of Aden on Monday, which were mostly intercepted and caused no casualties.",
        "Governor Ali Hassan said the rebels had given advance notice."), Instant.parse("2025-06-24T12:00:00Z"));

    assertThat(rules("Hassan said the Rebels had warned in advance of the rockets fired at the port, which were mostly intercepted.", strike))
        .isEmpty();
    assertThat(rules("Hassan said the Rebels fired rockets at the port with no warning.", strike)).contains(FactCheck.Rule.TIE);
  }

  @Test
  void should_not_tie_a_rank_written_as_a_label() {
    FactCheck.Source open = new FactCheck.Source("Lopez wins the open", List.of(
        "Ana Lopez became the first Chilean to win the open on Sunday, beating two-time champion Eva Stone 6-4, 6-3.",
        "The victory gave the world No 1 her fifth title of the year."), Instant.parse("2025-07-13T18:00:00Z"));

    assertThat(rules("Chile has its first open champion after world No 1 Lopez beat Stone.", open)).isEmpty();
  }

  @Test
  void should_not_hold_a_name_the_sources_write_only_as_a_place_to_one_clause() {
    FactCheck.Source summit = new FactCheck.Source("Allies agree to spend more", List.of(
        "Leaders meeting in The Hague agreed on Wednesday to raise defence spending.",
        "The summit declaration was just five paragraphs long.",
        "In it, the allies reaffirmed their firm commitment to collective defence under Article 5."),
        Instant.parse("2025-06-25T18:00:00Z"));

    assertThat(rules("The Hague summit declaration reaffirmed the allies' firm commitment to collective defence.", summit)).isEmpty();
  }

  @Test
  void should_not_take_a_duration_for_a_count_of_another_statement() {
    FactCheck.Source talks = new FactCheck.Source("Talks agree a swap", List.of(
        "The meeting in the old palace lasted less than two hours.",
        "The one concrete outcome was an agreement for each side to release 1,000 prisoners of war."),
        Instant.parse("2025-05-16T18:00:00Z"));

    assertThat(rules("Under two hours of talks produced an agreement to release prisoners of war.", talks)).isEmpty();
    assertThat(rules("Talks produced an agreement for each side to release 2,000 prisoners of war.", talks)).isNotEmpty();
  }

  @Test
  void should_read_a_country_s_adjective_as_mentioning_the_country() {
    java.util.Set<String> words = EntityTies.withInitials(Tokens.fold("He served as a bishop in Peru and later in Iran"));

    assertThat(EntityTies.mentioned(name("Peruvian"), words)).isTrue();
    assertThat(EntityTies.mentioned(name("Iranian"), words)).isTrue();
    assertThat(EntityTies.mentioned(name("Chilean"), words)).isFalse();
  }
}
