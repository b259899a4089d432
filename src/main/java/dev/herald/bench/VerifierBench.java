package dev.herald.bench;

import dev.herald.answer.Verifier;
import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleReader;
import dev.herald.eval.FaithfulnessCase;
import dev.herald.index.Passage;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.text.Sentences;
import dev.herald.verify.FactCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times answer verification (judge off) on four-sentence answers citing four sources: faithful claims
 * of the faithfulness set, four articles at a time, each article given whole as one passage (longer than
 * the index's passages, so the figures err on the slow side).
 */
public final class VerifierBench {

  /**
   * The timings.
   *
   * @param answers distinct answers timed
   * @param runs verifications timed (after a warm-up)
   * @param verifyP50Ms median time of a whole verification
   * @param verifyP95Ms 95th percentile of a whole verification
   * @param factsP50Ms median time of the fact checks alone (numbers, dates, polarity, names), the part issue 12 added
   * @param factsP95Ms 95th percentile of the fact checks alone
   */
  public record Report(int answers, int runs, double verifyP50Ms, double verifyP95Ms, double factsP50Ms, double factsP95Ms) {}

  private record Sample(String answer, List<Passage> sources) {}

  private final ZoneId zone;

  /** Creates the benchmark for answers as of the articles' zone {@code zone}. */
  public VerifierBench(ZoneId zone) {
    this.zone = zone;
  }

  /** Builds answers from {@code cases} over the articles under {@code corpus} and times {@code runs} verifications. */
  public Report run(Path corpus, List<FaithfulnessCase> cases, int runs) {
    Map<String, Article> articles = new HashMap<>();
    new ArticleReader().read(List.of(corpus), a -> articles.put(a.id(), a), p -> {});
    Map<String, List<String>> claims = new LinkedHashMap<>();
    for (FaithfulnessCase c : cases) {
      if (c.supported() && c.sources().size() == 1 && articles.containsKey(c.sources().get(0))) {
        claims.computeIfAbsent(c.sources().get(0), k -> new ArrayList<>()).add(c.claim());
      }
    }
    List<String> ids = new ArrayList<>(claims.keySet());
    if (ids.size() < 4) {
      throw new IllegalArgumentException("need faithful single-source claims on at least four articles, found " + ids.size());
    }
    List<Sample> samples = new ArrayList<>();
    for (int start = 0; start + 4 <= ids.size(); start += 4) {
      StringBuilder answer = new StringBuilder();
      List<Passage> sources = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        Article a = articles.get(ids.get(start + k));
        sources.add(new Passage(Passage.idOf(a.id(), 0), a.id(), 0, a.title(), a.url(), a.source(), a.author(), a.published(), 0,
            a.text()));
        answer.append(claims.get(a.id()).get(0).replace("[1]", "[" + (k + 1) + "]")).append(' ');
      }
      samples.add(new Sample(answer.toString().strip(), sources));
    }
    Verifier verifier = new Verifier(new QuestionAnalysis(), 0.5, zone);
    FactCheck facts = new FactCheck(zone);
    Instant asOf = Instant.parse("2025-12-01T12:00:00Z");
    for (int i = 0; i < Math.max(200, runs / 5); i++) {
      Sample s = samples.get(i % samples.size());
      verifier.verify(s.answer(), s.sources(), asOf);
      checkFacts(facts, s, asOf);
    }
    double[] verify = new double[runs];
    double[] factTimes = new double[runs];
    for (int i = 0; i < runs; i++) {
      Sample s = samples.get(i % samples.size());
      long t0 = System.nanoTime();
      verifier.verify(s.answer(), s.sources(), asOf);
      long t1 = System.nanoTime();
      checkFacts(facts, s, asOf);
      long t2 = System.nanoTime();
      verify[i] = (t1 - t0) / 1e6;
      factTimes[i] = (t2 - t1) / 1e6;
    }
    Arrays.sort(verify);
    Arrays.sort(factTimes);
    return new Report(samples.size(), runs, pct(verify, 50), pct(verify, 95), pct(factTimes, 50), pct(factTimes, 95));
  }

  // The fact checks as the verifier runs them: sources prepared once, then each sentence checked.
  private static void checkFacts(FactCheck facts, Sample s, Instant asOf) {
    FactCheck.Prepared p = facts.prepare(s.sources().stream()
        .map(x -> new FactCheck.Source(x.title(), Sentences.texts(x.text()), x.published())).toList());
    for (String sentence : Sentences.texts(s.answer())) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d)\\]").matcher(sentence);
      int k = m.find() ? Integer.parseInt(m.group(1)) - 1 : 0;
      facts.check(sentence.replaceAll("\\s*\\[\\d\\]", ""), List.of(k), p, asOf);
    }
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
