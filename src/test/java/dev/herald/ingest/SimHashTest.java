package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

  @Test
  void should_put_outlet_copies_of_one_wire_story_within_the_story_distance() {
    long a = SimHash.of(IngestFixtures.outletCopy(0));

    assertThat(SimHash.distance(a, SimHash.of(IngestFixtures.outletCopy(1)))).isLessThanOrEqualTo(Ingester.MAX_STORY_DISTANCE);
    assertThat(SimHash.distance(a, SimHash.of(IngestFixtures.outletCopy(2)))).isLessThanOrEqualTo(Ingester.MAX_STORY_DISTANCE);
  }

  @Test
  void should_keep_unrelated_stories_far_apart() {
    String[] texts = {IngestFixtures.WIRE_TEXT, IngestFixtures.HARBOUR_TEXT, IngestFixtures.COMET_TEXT,
        IngestFixtures.ORCHARD_TEXT, IngestFixtures.FERRY_TEXT};
    for (int i = 0; i < texts.length; i++) {
      for (int j = i + 1; j < texts.length; j++) {
        assertThat(SimHash.distance(SimHash.of(texts[i]), SimHash.of(texts[j])))
            .as("distance %d-%d", i, j).isGreaterThan(Ingester.MAX_STORY_DISTANCE + 6);
      }
    }
  }

  @Test
  void should_be_stable_across_runs() {
    assertThat(SimHash.of("the same words in the same order")).isEqualTo(SimHash.of("The same words, in the same order!"));
  }
}
