package dev.herald.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributionFinderTest {

  final AttributionFinder finder = new AttributionFinder();

  @Test
  void should_find_the_speaker_after_a_quotation() {
    assertThat(finder.find("“We will not back down,” Kremlin aide Yury Ushakov told reporters.", ""))
        .hasValue(new Speaker("Yury Ushakov", "Kremlin aide"));
  }

  @Test
  void should_find_an_inverted_cue_with_the_name_after_it() {
    assertThat(finder.find("“It was productive,” said Marco Rubio, the secretary of state.", ""))
        .hasValue(new Speaker("Marco Rubio", "the secretary of state"));
  }

  @Test
  void should_find_the_speaker_before_reported_speech() {
    assertThat(finder.find("Ukrainian President Volodymyr Zelensky said the talks were a step forward.", "").map(Speaker::name))
        .hasValue("Ukrainian President Volodymyr Zelensky");
  }

  @Test
  void should_find_the_speaker_named_by_according_to() {
    assertThat(finder.find("According to Christine Lagarde, inflation is under control.", "").map(Speaker::name))
        .hasValue("Christine Lagarde");
  }

  @Test
  void should_resolve_a_pronoun_and_a_bare_surname_to_the_earlier_full_name() {
    String before = "Kremlin aide Yury Ushakov met the envoys on Thursday. ";
    assertThat(finder.find("“Nothing is agreed,” he said.", before).map(Speaker::name)).hasValue("Yury Ushakov");
    assertThat(finder.find("“Nothing is agreed,” Ushakov said.", before).map(Speaker::name)).hasValue("Yury Ushakov");
  }

  @Test
  void should_not_take_a_name_inside_the_quotation_for_its_speaker() {
    assertThat(finder.find("“Putin is not ready for peace,” Zelensky said.", "").map(Speaker::name)).hasValue("Zelensky");
  }

  @Test
  void should_find_nothing_when_there_is_no_attribution() {
    assertThat(finder.find("The talks lasted three hours.", "")).isEmpty();
  }

  @Test
  void should_list_full_names_with_particles_and_kept_dots_but_not_opening_words_or_quoted_names() {
    assertThat(AttributionFinder.fullNames(
            "The Saudi Crown Prince Mohammed bin Salman met Sen. Claire McCaskill. Then Donald J. Trump Jr. spoke,"
                + " said “Vladimir Putin told me” Boeing 737 Max, and U.S. President Joe Biden left."))
        .containsExactly("Saudi Crown Prince Mohammed bin Salman", "Sen. Claire McCaskill", "Donald J. Trump Jr",
            "Boeing Max", "U.S. President Joe Biden");
    assertThat(AttributionFinder.fullNames("Ushakov said. Meanwhile Kremlin aide Yury Ushakov spoke")).containsExactly("Yury Ushakov");
  }
}
