package dev.herald.verify;

import java.util.List;
import java.util.Set;

/**
 * A clause of a cited source with what the checks need to know of it.
 *
 * @param source the source's number, from 0
 * @param clause the clause
 * @param names keys of the names it mentions, with those a pronoun or a subject-less clause carries over
 * @param numbers the numbers it states
 * @param title true for the headline, which compresses several statements and so never stands for one
 */
public record SourceClause(int source, Clause clause, Set<String> names, List<Numbers.Mention> numbers, boolean title) {}
