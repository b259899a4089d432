package dev.herald.eval;

import dev.herald.answer.Verification;
import dev.herald.answer.Verifier;
import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleReader;
import dev.herald.index.Passage;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.text.Sentences;
import dev.herald.verify.FactCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the answer verifier (judge off) on a labelled faithfulness set: each claim is verified against
 * its cited articles, each given whole as one passage, as of the newest one's date. A claim counts as
 * kept when every sentence of it survives.
 */
public final class FaithfulnessEval {

  private final Verifier verifier;
  private final FactCheck facts;
  private final Map<String, Article> articles;

  /** Creates the evaluation over the articles under {@code corpus} with the verifier's default settings. */
  public FaithfulnessEval(Path corpus, double minSupport, ZoneId zone) {
    this.verifier = new Verifier(new QuestionAnalysis(), minSupport, zone);
    this.facts = new FactCheck(zone);
    this.articles = new HashMap<>();
    List<String> problems = new ArrayList<>();
    new ArticleReader().read(List.of(corpus), a -> articles.put(a.id(), a), p -> problems.add(p.toString()));
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("no articles under " + corpus + (problems.isEmpty() ? "" : ": " + problems.get(0)));
    }
  }

  /** Evaluates {@code cases}; a case citing an unknown article fails with its id. */
  public FaithfulnessReport run(List<FaithfulnessCase> cases) {
    int wrong = 0;
    int wrongDropped = 0;
    int faithful = 0;
    int faithfulKept = 0;
    Map<String, int[]> byRule = new TreeMap<>();
    Map<String, int[]> firing = new TreeMap<>();
    Map<String, int[]> byKind = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (FaithfulnessCase c : cases) {
      if (c.id() == null || c.claim() == null || c.claim().isBlank() || c.sources() == null || c.sources().isEmpty()) {
        throw new IllegalArgumentException("case " + c.id() + ": needs an id, a claim and at least one source");
      }
      List<Passage> passages = new ArrayList<>();
      for (String id : c.sources()) {
        Article a = articles.get(id);
        if (a == null) {
          throw new IllegalArgumentException("case " + c.id() + ": no article '" + id + "' in the corpus");
        }
        passages.add(new Passage(Passage.idOf(a.id(), 0), a.id(), 0, a.title(), a.url(), a.source(), a.author(), a.published(), 0,
            a.text()));
      }
      Instant asOf = passages.stream().map(Passage::published).max(Comparator.naturalOrder()).orElseThrow();
      Verifier.Result r = verifier.verify(c.claim(), passages, asOf);
      Verification v = r.verification();
      boolean dropped = v.dropped() > 0 || !r.verifiable();
      String rule = v.drops().isEmpty() ? "none" : v.drops().get(0).rule();
      int[] kind = byKind.computeIfAbsent(c.kind(), k -> new int[2]);
      kind[0]++;
      if (dropped) {
        kind[1]++;
        byRule.computeIfAbsent(rule, k -> new int[2])[c.supported() ? 1 : 0]++;
      }
      if (c.supported()) {
        faithful++;
        if (!dropped) {
          faithfulKept++;
        } else {
          misses.add(c.id() + " (faithful, dropped by " + rule + ": " + v.drops().get(0).detail() + ")");
        }
      } else {
        wrong++;
        if (dropped) {
          wrongDropped++;
        } else {
          misses.add(c.id() + " (wrong, kept)");
        }
      }
      for (FactCheck.Finding f : findings(c.claim(), passages, asOf)) {
        firing.computeIfAbsent(f.rule().id(), k -> new int[2])[c.supported() ? 1 : 0]++;
      }
    }
    int droppedAll = wrongDropped + (faithful - faithfulKept);
    return new FaithfulnessReport(cases.size(), wrong, wrongDropped, faithful, faithfulKept,
        droppedAll == 0 ? 1.0 : (double) wrongDropped / droppedAll, wrong == 0 ? 1.0 : (double) wrongDropped / wrong,
        faithful == 0 ? 1.0 : (double) faithfulKept / faithful, byRule, firing, byKind, misses);
  }

  // The fact checks alone on the claim, one rule at a time, to show what each would catch by itself.
  private List<FactCheck.Finding> findings(String claim, List<Passage> passages, Instant asOf) {
    FactCheck.Prepared p = facts.prepare(passages.stream()
        .map(x -> new FactCheck.Source(x.title(), Sentences.texts(x.text()), x.published())).toList());
    List<Integer> cited = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(claim);
    while (m.find()) {
      int k = Integer.parseInt(m.group(1)) - 1;
      if (k >= 0 && k < passages.size() && !cited.contains(k)) {
        cited.add(k);
      }
    }
    String text = claim.replaceAll("\\s*\\[\\d+(?:\\s*,\\s*\\d+)*\\]", "");
    List<FactCheck.Finding> all = facts.check(text, cited, p, asOf);
    Map<FactCheck.Rule, FactCheck.Finding> first = new java.util.LinkedHashMap<>();
    all.forEach(f -> first.putIfAbsent(f.rule(), f));
    return List.copyOf(first.values());
  }

  /** Reads a cases file. */
  public static List<FaithfulnessCase> read(Path file) throws IOException {
    return Jsonl.read(file, FaithfulnessCase.class);
  }
}
