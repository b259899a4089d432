package dev.herald.eval;

import java.util.List;
import java.util.Map;

/**
 * The verifier's figures on a faithfulness set.
 *
 * @param cases labelled cases
 * @param wrong cases whose claim the sources do not support
 * @param wrongDropped wrong claims the verifier dropped
 * @param faithful cases whose claim the sources support
 * @param faithfulKept faithful claims the verifier kept
 * @param precision share of dropped claims that were wrong
 * @param recall share of wrong claims that were dropped
 * @param faithfulKeptShare share of faithful claims that were kept
 * @param byRule for each rule, the wrong and faithful claims it dropped (the first rule that fired)
 * @param firing for each fact-check rule, the wrong and faithful claims it fires on when run alone
 * @param byKind for each case kind, the cases and how many the verifier dropped
 * @param misses ids of wrong claims kept and faithful claims dropped, with the rule that dropped them
 */
public record FaithfulnessReport(int cases, int wrong, int wrongDropped, int faithful, int faithfulKept, double precision,
    double recall, double faithfulKeptShare, Map<String, int[]> byRule, Map<String, int[]> firing, Map<String, int[]> byKind,
    List<String> misses) {}
