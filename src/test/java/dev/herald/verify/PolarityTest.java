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
}
