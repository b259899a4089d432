package dev.herald.eval;

import java.util.List;

/**
 * One labelled case of the faithfulness set: a claim as a model might write it, with {@code [n]}
 * markers, the articles it cites (in marker order), and whether those articles support it.
 *
 * @param id case id
 * @param kind what the case tests (paraphrase, number-format, wrong-number, flipped-negation, ...)
 * @param supported true when the cited articles support the claim
 * @param sources ids of the cited articles; {@code [1]} is the first
 * @param claim the claim
 */
public record FaithfulnessCase(String id, String kind, boolean supported, List<String> sources, String claim) {}
