package dev.herald.eval;

import dev.herald.corpus.Article;
import dev.herald.quotes.Quote;
import dev.herald.quotes.QuoteExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures quotation extraction against BRAT standoff annotations in the PolNeAR layout
 * ({@code text/NAME.txt}, {@code attributions/NAME_ANNOTATOR.ann}; the first annotator per article is
 * used). An annotated Content span is a direct quotation when it starts with, or directly follows, a
 * quotation mark. Matching rule: an extracted quotation (from its first part's start to its last part's
 * end) matches an annotated one when their character ranges overlap by at least half of the shorter
 * range; each annotated quotation is matched at most once. Its source is right when the last word of the
 * extracted speaker occurs in the annotated Source text (case-insensitive); a speaker reported through
 * someone else is judged by its first name ("Putin, according to Ushakov" by "Putin"). Annotated sources
 * that are only a pronoun or relative ("He", "she", "which") cannot be compared by text and are left out
 * of the source figures (their count is reported).
 */
public final class QuoteExtractionEval {

  private final QuoteExtractor extractor;

  /** Creates the evaluation of {@code extractor}. */
  public QuoteExtractionEval(QuoteExtractor extractor) {
    this.extractor = extractor;
  }

  private record Gold(int start, int end, String source) {}

  /** Runs over the PolNeAR split folder {@code dir} (holding {@code text/} and {@code attributions/}). */
  public QuoteExtractionReport run(Path dir) throws IOException {
    Map<String, Path> firstAnnotation = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("attributions"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".ann")) {
          firstAnnotation.putIfAbsent(name.substring(0, name.lastIndexOf('_')), f);
        }
      }
    }
    int gold = 0;
    int predicted = 0;
    int matched = 0;
    int matchedGold = 0;
    int sourceRight = 0;
    int articles = 0;
    int unjudged = 0;
    int goldPronouns = 0;
    for (var e : firstAnnotation.entrySet()) {
      Path textFile = dir.resolve("text").resolve(e.getKey() + ".txt");
      if (!Files.exists(textFile)) {
        continue;
      }
      articles++;
      String text = Files.readString(textFile, StandardCharsets.UTF_8);
      List<Gold> golds = directQuotations(e.getValue(), text);
      Article a = new Article(e.getKey(), e.getKey(), "polnear:" + e.getKey(), "polnear", null, Instant.EPOCH, text);
      List<Quote> quotes = extractor.extract(a).stream().filter(Quote::direct).toList();
      gold += golds.size();
      goldPronouns += (int) golds.stream().filter(g -> isPronoun(g.source())).count();
      predicted += quotes.size();
      boolean[] used = new boolean[golds.size()];
      for (Quote q : quotes) {
        int qs = q.starts().get(0);
        int last = q.parts().size() - 1;
        int qe = q.starts().get(last) + q.parts().get(last).length();
        for (int i = 0; i < golds.size(); i++) {
          Gold g = golds.get(i);
          int overlap = Math.min(qe, g.end()) - Math.max(qs, g.start());
          int shorter = Math.min(qe - qs, g.end() - g.start());
          if (!used[i] && shorter > 0 && overlap * 2 >= shorter) {
            used[i] = true;
            matched++;
            matchedGold++;
            if (isPronoun(g.source())) {
              unjudged++;
            } else if (sourceMatches(q.speaker(), g.source())) {
              sourceRight++;
            }
            break;
          }
        }
      }
    }
    return new QuoteExtractionReport(articles, gold, predicted, ratio(matched, predicted), ratio(matchedGold, gold),
        ratio(sourceRight, predicted - unjudged), ratio(sourceRight, gold - goldPronouns), goldPronouns);
  }

  static boolean sourceMatches(String speaker, String goldSource) {
    String who = speaker.contains(", according to ") ? speaker.substring(0, speaker.indexOf(", according to ")) : speaker;
    String[] words = who.strip().split("\\s+");
    String last = words[words.length - 1].toLowerCase(Locale.ROOT);
    return goldSource != null && goldSource.toLowerCase(Locale.ROOT).contains(last);
  }

  private static boolean isPronoun(String source) {
    return source == null
        || source.strip().toLowerCase(Locale.ROOT).matches("he|she|they|i|we|you|it|which|who|that|him|her|them");
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static List<Gold> directQuotations(Path ann, String text) throws IOException {
    Map<String, int[]> spans = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    List<String[]> relations = new ArrayList<>();
    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (line.startsWith("T") && cols.length >= 2) {
        String[] typeAndSpans = cols[1].split(" ", 2);
        if (typeAndSpans.length < 2) {
          continue;
        }
        String[] nums = typeAndSpans[1].split("[ ;]");
        try {
          spans.put(cols[0], new int[] {Integer.parseInt(nums[0]), Integer.parseInt(nums[nums.length - 1])});
          kinds.put(cols[0], typeAndSpans[0]);
        } catch (NumberFormatException ex) {
          // a malformed span line is skipped: one bad annotation must not stop the evaluation
        }
      } else if (line.startsWith("E") && cols.length >= 2) {
        relations.add(cols[1].split(" "));
      }
    }
    List<Gold> out = new ArrayList<>();
    for (String[] rel : relations) {
      int[] content = null;
      String source = null;
      for (String part : rel) {
        String[] kv = part.split(":");
        if (kv.length != 2 || !spans.containsKey(kv[1])) {
          continue;
        }
        int[] sp = spans.get(kv[1]);
        if (kv[0].equals("Content")) {
          content = sp;
        } else if (kv[0].equals("Source")) {
          source = text.substring(Math.max(0, sp[0]), Math.min(text.length(), sp[1]));
        }
      }
      if (content == null || content[0] < 0 || content[1] > text.length() || content[0] >= content[1]) {
        continue;
      }
      char first = text.charAt(content[0]);
      char before = content[0] > 0 ? text.charAt(content[0] - 1) : ' ';
      if (first == '“' || first == '"' || before == '“' || before == '"') {
        out.add(new Gold(content[0], content[1], source));
      }
    }
    return out;
  }
}
