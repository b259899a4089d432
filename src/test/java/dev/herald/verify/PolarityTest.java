package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Negation and opposites between a claim clause and its source's clauses. */
class PolarityTest {

  static boolean contradicts(String claim, String... source) {
    List<Clause> clauses = java.util.Arrays.stream(source).flatMap(s -> Clause.split(s).stream())
        .map(c -> Clause.of(c, false, Set.of())).toList();
    return Polarity.contradiction(Clause.of(claim, true, Set.of()), clauses).isPresent();
  }

  static final String CALL = "Ushakov said Putin told Trump that Tomahawk missiles would not change the situation on the battlefield "
      + "but would badly damage relations.";

  @Test
  void should_drop_a_claim_asserting_what_its_source_denies() {
    assertThat(contradicts("Putin told Trump that Tomahawks would change the situation on the battlefield.", CALL)).isTrue();
  }

  @Test
  void should_keep_a_claim_denying_what_its_source_denies() {
    assertThat(contradicts("Putin told Trump that Tomahawks would not change the situation on the battlefield.", CALL)).isFalse();
  }

  @Test
  void should_drop_a_claim_denying_what_its_source_asserts() {
    assertThat(contradicts("Medinsky said Russia would not keep talking.",
        "Medinsky said afterwards that Russia was satisfied with the result and ready to keep talking.")).isTrue();
  }

  @Test
  void should_read_negating_prefixes_and_phrases() {
    assertThat(contradicts("Analysts said the truce resolved the disputes over chips.",
        "Analysts said the truce eased tensions but left the disputes over chips unresolved.")).isTrue();
    assertThat(contradicts("Merz said he was open to working with the AfD.", "Merz ruled out working with the AfD.")).isTrue();
  }

  @Test
  void should_read_more_against_fewer() {
    String source = "The agency said fewer people crossed the border this year than last.";
    assertThat(contradicts("The agency said more people crossed the border this year than last.", source)).isTrue();
    assertThat(contradicts("The agency said fewer people crossed the border this year than last.", source)).isFalse();
  }

  @Test
  void should_drop_a_claim_taking_the_other_side_of_a_pair_of_opposites() {
    assertThat(contradicts("Lower courts ruled that the tariffs were within the president's powers.",
        "Lower courts ruled that the tariffs went beyond the president's powers.")).isTrue();
    assertThat(contradicts("PSG had won their only previous final against Bayern Munich.",
        "PSG had lost their only previous final, against Bayern Munich in 2020.")).isTrue();
  }

  @Test
  void should_drop_refused_against_agreed_and_accepted_against_disagrees() {
    assertThat(contradicts("Hamas refused the plan for Gaza.", "Hamas agreed to the plan for Gaza.")).isTrue();
    assertThat(contradicts("The company accepted the fine.", "The company disagrees with how the fine was calculated.")).isTrue();
    assertThat(contradicts("The company disputed the fine.", "The company disagrees with how the fine was calculated.")).isFalse();
  }

  @Test
  void should_not_read_a_negative_aside_of_the_claim_as_a_flip() {
    assertThat(contradicts("Trump and Putin talked for three hours without agreeing to a ceasefire.",
        "Trump and Putin held three hours of talks but came away without an agreement.",
        "Trump said many points had been agreed.")).isFalse();
  }

  @Test
  void should_count_a_word_the_clause_also_asserts_as_asserted() {
    assertThat(contradicts("The deal was signed two months after the meeting.",
        "The signing came two months after the meeting, which ended with an earlier version of the deal left unsigned.")).isFalse();
  }

  @Test
  void should_read_a_pair_of_opposites_in_the_phrase_of_the_source_closest_to_the_claim() {
    // "rise" also stands in the source sentence, but in a phrase about something else
    assertThat(contradicts("Shares in the chipmaker rose about 12% on Monday.",
        "Shares in the chipmaker fell about 12% on Monday, as investors took fright at the rise of a rival.")).isTrue();
    assertThat(contradicts("Shares in the chipmaker fell about 12% on Monday.",
        "Shares in the chipmaker fell about 12% on Monday, as investors took fright at the rise of a rival.")).isFalse();
  }

  @Test
  void should_read_with_and_without_and_other_pairs_as_opposites() {
    assertThat(contradicts("The agency brought the capsule back with the two pilots.",
        "Leaks led the agency to bring the capsule back without the two pilots.")).isTrue();
    assertThat(contradicts("The party leader held on to his seat in the capital.",
        "The party leader lost his seat in the capital.")).isTrue();
    assertThat(contradicts("The small party joined the coalition in March.",
        "The small party left the coalition in March.")).isTrue();
    assertThat(contradicts("The minister said the plan would address the causes of the strike.",
        "The minister said the plan would ignore the causes of the strike.")).isTrue();
    assertThat(contradicts("The governor said the risks to growth had increased.",
        "The governor said the risks to growth had eased.")).isTrue();
  }

  @Test
  void should_read_a_negated_event_predicate_as_denying_the_event() {
    assertThat(contradicts("The two envoys met face to face to prepare the visit.",
        "A call followed, after which a planned face-to-face meeting of the two envoys to prepare the visit did not take place.")).isTrue();
    assertThat(contradicts("The planned meeting of the two envoys did not take place.",
        "A call followed, after which a planned face-to-face meeting of the two envoys to prepare the visit did not take place.")).isFalse();
  }

  @Test
  void should_read_an_adverb_inside_fell_short() {
    assertThat(contradicts("The governing party won a majority of the seats.",
        "The governing party was projected to fall just short of a majority of the seats.")).isTrue();
  }

  @Test
  void should_let_a_denial_that_carries_the_claims_verb_decide_and_read_truce_as_ceasefire() {
    String source = "The envoys said they had discussed a ceasefire and a prisoner exchange, but no truce was agreed.";
    assertThat(contradicts("The envoys agreed a ceasefire.", source)).isTrue();
    assertThat(contradicts("The envoys discussed a ceasefire.", source)).isFalse();
  }
  @Test
  void should_drop_an_opposite_written_beside_the_word_the_source_writes_with_the_other_side() {
    String vote = "She secured a majority in the first round of voting in the lower house, with 237 votes.";

    assertThat(contradicts("Takaichi won 237 votes in the upper house.", vote)).isTrue();
    assertThat(contradicts("Takaichi won 237 votes in the lower house.", vote)).isFalse();
    assertThat(contradicts("He will be the city's oldest mayor in more than a century.",
        "He will be the city's first Muslim mayor, as well as its youngest mayor in more than a century.")).isTrue();
  }

  @Test
  void should_keep_an_opposite_that_the_source_also_writes_beside_the_same_word() {
    assertThat(contradicts("Yields rose after the comments.", "Yields fell in the morning.", "Yields rose after the comments.")).isFalse();
  }

  @Test
  void should_drop_a_change_where_the_source_has_none() {
    assertThat(contradicts("The central bank cut its deposit rate on Thursday.",
        "The central bank left its deposit rate unchanged at 2% on Thursday.")).isTrue();
    assertThat(contradicts("The central bank kept its deposit rate at 2% on Thursday.",
        "The central bank left its deposit rate unchanged at 2% on Thursday.")).isFalse();
    // A cut voted for, not made: no contradiction with the rate kept.
    assertThat(contradicts("Two members of the central bank voted for a quarter-point cut on Thursday.",
        "The central bank kept its deposit rate at 2% on Thursday after two members voted for a cut.")).isFalse();
  }

  @Test
  void should_read_left_off_as_a_negation_and_settle_as_resolve() {
    assertThat(contradicts("Peru and Chile were put on the export list.",
        "Peru and Chile were left off the export list because they already face separate quotas.")).isTrue();
    assertThat(contradicts("The agreement settles who will run the port after the strike.",
        "The hardest questions, including who will run the port after the strike, remain unresolved.")).isTrue();
  }

  @Test
  void should_read_shrank_as_shrink_and_a_thing_come_through_undamaged_as_denying_the_damage() {
    assertThat(contradicts("Lagarde said the economy had shrunk.", "Lagarde said the economy had continued to grow.")).isTrue();
    String crown = "The crown was dropped during the getaway and later recovered, damaged.";
    assertThat(contradicts("The crown was dropped during the getaway and recovered undamaged.", crown)).isTrue();
    assertThat(contradicts("The crown was dropped during the getaway and recovered damaged.", crown)).isFalse();
  }

  @Test
  void should_read_outside_against_within_criticised_against_backed_and_lost_against_successfully() {
    assertThat(contradicts("Brazil would prepare its roadmaps within the formal UN process.",
        "Brazil would prepare two roadmaps of its own outside the formal UN process.")).isTrue();
    assertThat(contradicts("Babiš has backed the initiative that buys ammunition for Ukraine.",
        "Babiš has criticised the initiative that buys ammunition for Ukraine.")).isTrue();
    assertThat(contradicts("On its debut the booster landed successfully.",
        "On the rocket's debut the booster was lost during its landing attempt.")).isTrue();
  }

  @Test
  void should_drop_all_where_the_closest_clause_counts_only_some() {
    String source = "For families of hostages who died in captivity the wait continues: only four bodies were handed over on Monday.";
    assertThat(contradicts("The bodies of all the hostages who died in captivity were handed over on Monday.", source)).isTrue();
    assertThat(contradicts("Four bodies of hostages who died in captivity were handed over on Monday.", source)).isFalse();
    assertThat(contradicts("All the hostages were released on Monday.", "The 20 hostages still alive were released on Monday.")).isFalse();
  }

  @Test
  void should_drop_a_claim_that_puts_a_wordnet_antonym_in_place_of_the_source_word() {
    String source = "The central bank's governor said the run of rate rises was close to its end.";
    assertThat(contradicts("The governor said the run of rate rises was only at its beginning.", source)).isTrue();
    assertThat(contradicts("The governor said the run of rate rises was nearly at its end.", source)).isFalse();
  }

  @Test
  void should_read_comparatives_against_their_opposite() {
    String source = "The forecast has inflation easing next year as cheaper oil and a weaker dollar keep prices lower.";
    assertThat(contradicts("The forecast has inflation easing next year as cheaper oil keeps prices higher.", source)).isTrue();
  }

  @Test
  void should_not_read_an_antonym_the_source_writes_in_the_claims_own_phrase() {
    // "close to" a number is the source's own phrase; "opening the way" in the closest clause is another sense.
    String[] sources = {"The first phase of the plan was agreed on Wednesday, opening the way for the hostages to be freed.",
        "Israel began freeing close to 2,000 prisoners in exchange."};
    assertThat(contradicts("After the first phase of the plan was agreed, the hostages were freed and Israel released close to 2,000 prisoners.",
        sources)).isFalse();
  }

  @Test
  void should_not_read_an_antonym_when_the_closest_clause_writes_the_claims_word_too() {
    assertThat(contradicts("The team won the first leg and lost the second.",
        "The team won the first leg at home and lost the second leg away.")).isFalse();
  }

  @Test
  void should_read_verbs_that_deny_their_object_in_every_form() {
    String source = "The governor fell short of a majority in the first vote.";
    assertThat(contradicts("Lacking a majority in the first vote, the governor waited.", source)).isFalse();
    assertThat(contradicts("The governor missed a majority in the first vote.", source)).isFalse();
    assertThat(contradicts("The governor had fallen short of a majority in the first vote.", source)).isFalse();
    assertThat(contradicts("The governor won a majority in the first vote.", source)).isTrue();
    assertThat(contradicts("The governor was refusing to meet the strikers.", "The governor agreed to meet the strikers.")).isTrue();
  }

  @Test
  void should_not_take_a_missing_thing_for_a_denied_one() {
    assertThat(contradicts("Divers found the missing fishermen near the reef.", "Divers found the fishermen near the reef.")).isFalse();
  }

  @Test
  void should_read_a_passive_rule_out_as_denying_what_stands_before_it() {
    String source = "Most opposition parties have said they will not serve with the Greens.";
    assertThat(contradicts("Serving alongside the Greens has been ruled out by most opposition parties.", source)).isFalse();
    assertThat(contradicts("Serving alongside the Greens has been welcomed by most opposition parties.", source)).isTrue();
  }

  @Test
  void should_end_a_negation_at_a_comma() {
    assertThat(contradicts("Talks cover budgets that fall short, support for farmers and new ports.",
        "The talks cover budgets that fall short of targets, support to help farmers, and new ports.")).isFalse();
  }

  @Test
  void should_read_an_ended_spell_without_something_as_saying_it_happened() {
    String source = "The club won the league on Saturday, its first title since 1998.";
    assertThat(contradicts("The league win on Saturday ended a long run without a title for the club.", source)).isFalse();
    assertThat(contradicts("The club went through Saturday without a title in the league.", source)).isTrue();
  }

  @Test
  void should_read_neither_as_denying_what_the_people_it_names_did() {
    String source = "At a short press conference afterwards, where neither minister took questions, the talks were called useful.";
    assertThat(contradicts("Neither Lopez nor Berg took questions at the short press conference.", source)).isFalse();
    assertThat(contradicts("Lopez took questions at the short press conference.", source)).isTrue();
    assertThat(contradicts("The ministry neither confirmed nor denied the report.", "The ministry confirmed the report.")).isTrue();
  }

  @Test
  void should_read_a_relation_with_its_sides_swapped_as_the_same() {
    String source = "Lopez finished the race ahead of Berg, who came second.";
    assertThat(contradicts("In the race Berg finished second, behind Lopez.", source)).isFalse();
    assertThat(contradicts("In the race Lopez finished behind Berg.", source)).isTrue();
  }
}
