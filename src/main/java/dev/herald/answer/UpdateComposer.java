package dev.herald.answer;

import dev.herald.index.Passage;
import dev.herald.question.Intent;
import dev.herald.retrieve.Retriever;
import dev.herald.index.PartialResultsException;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.SearchRequest;
import dev.herald.text.Sentences;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers "what's new on X [since …]?", "latest on X", "timeline of X" and "how did X develop?" with
 * dated, cited bullets, one per development: articles that report the same thing (syndicated copies,
 * near-identical headlines or texts) are one bullet that says how many outlets reported it. Updates are
 * newest first under an "as of" header, and warn up front when the newest news on the topic is stale;
 * timelines are oldest first. The same developments make the scheduled digests.
 */
public final class UpdateComposer {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
  // Share of the topic's term weight an article must hold to count as news on the topic: high enough
  // that "Ukraine talks" leaves out Ukraine stories with no talks in them.
  private static final double MIN_COVERAGE = 0.6;
  // Headlines (or passages) sharing this share of their terms report the same development.
  private static final double SAME_TITLE = 0.6;
  private static final double SAME_TEXT = 0.7;
  private static final int CANDIDATES = 100;
  private static final int CITATIONS_PER_DEVELOPMENT = 3;
  private static final int LATEST_ITEMS = 3;
  // An article joins a story when published this close to one of its articles and sharing this share
  // of the rarer names of the two.
  private static final Duration STORY_DAYS = Duration.ofDays(7);
  private static final double STORY_SHARE = 0.25;
  private static final int STORY_ROUNDS = 2;
  private static final Duration STORY_LOOKBACK = Duration.ofDays(14);
  /** How an update whose window holds nothing new begins. */
  public static final String NOTHING_NEW = "Nothing new";

  private final Retriever retriever;
  private final QuestionAnalysis analysis;
  private final Duration staleAfter;
  private final int maxItems;

  /**
   * Creates the composer; an update whose newest article is older than {@code staleAfter} says so, and
   * at most {@code maxItems} developments are shown.
   */
  public UpdateComposer(Retriever retriever, QuestionAnalysis analysis, Duration staleAfter, int maxItems) {
    this.retriever = retriever;
    this.analysis = analysis;
    this.staleAfter = staleAfter;
    this.maxItems = maxItems;
  }

  /** The normalised key of a topic, equal for "the Ukraine talks" and "talks on Ukraine". */
  public String topicKey(String topic) {
    return String.join(" ", new TreeSet<>(analysis.questionTerms(topic)));
  }

  /**
   * The developments on {@code topic} first reported in {@code [since, asOf]} ({@code since} may be
   * {@code null} for all of the past), oldest first, every one; callers choose how many to show.
   */
  public List<Development> developments(String topic, Instant since, Instant asOf, StoryLookup stories) throws IOException {
    OnTopic found = onTopic(topic, since, asOf);
    Map<String, Float> weights = found.weights();
    List<Candidate> articles = found.articles();
    List<List<Candidate>> groups = new ArrayList<>();
    for (Candidate c : articles) {
      List<Candidate> same = groups.stream().filter(g -> g.stream().anyMatch(o -> sameDevelopment(o, c))).findFirst().orElse(null);
      if (same == null) {
        groups.add(new ArrayList<>(List.of(c)));
      } else {
        same.add(c);
      }
    }
    List<Development> out = new ArrayList<>();
    for (List<Candidate> g : groups) {
      out.add(development(g, weights, stories));
    }
    return out;
  }

  /**
   * Every indexed article on {@code topic} published in {@code [since, asOf]} ({@code since} may be
   * {@code null}), oldest first, each as its best passage: the same articles {@link #developments} groups,
   * for charts that count them.
   */
  public List<Passage> articles(String topic, Instant since, Instant asOf) throws IOException {
    return onTopic(topic, since, asOf).articles().stream().map(Candidate::passage).toList();
  }

  private record OnTopic(Map<String, Float> weights, List<Candidate> articles) {}

  /** The articles about the topic in the window, oldest first, with the topic's term weights. */
  private OnTopic onTopic(String topic, Instant since, Instant asOf) throws IOException {
    // A story may have begun before the window: its earlier articles find the later ones, which are kept
    // only when they fall inside it.
    Instant from = since == null ? Instant.EPOCH : since.minus(STORY_LOOKBACK);
    Retrieval r = whole(retriever.retrieve(SearchRequest.between(topic, CANDIDATES, from, asOf)));
    Map<String, Float> weights = new HashMap<>(r.termWeights());
    // A word no article holds ("robbery" where the articles say "heist") cannot tell articles apart.
    weights.keySet().removeAll(r.unknownTerms());
    double total = weights.values().stream().mapToDouble(Float::doubleValue).sum();
    if (total <= 0) {
      return new OnTopic(weights, List.of());
    }
    // Best passage per article, among those that are about the topic.
    Map<String, Candidate> byArticle = new LinkedHashMap<>();
    for (ScoredPassage sp : r.passages()) {
      Passage p = sp.passage();
      if (byArticle.containsKey(p.articleId())) {
        continue;
      }
      Set<String> terms = new HashSet<>(analysis.documentTerms(p.title() + "\n" + p.text()));
      double covered = weights.entrySet().stream().filter(e -> terms.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
      if (covered / total >= MIN_COVERAGE) {
        byArticle.put(p.articleId(), new Candidate(p, new HashSet<>(analysis.documentTerms(p.title())), terms, sp.score(), false));
      }
    }
    if (!byArticle.isEmpty()) {
      joinStories(byArticle, from, asOf);
    }
    List<Candidate> articles = new ArrayList<>(byArticle.values().stream()
        .filter(c -> since == null || !c.passage().published().isBefore(since)).toList());
    articles.sort(Comparator.comparing((Candidate c) -> c.passage().published()).thenComparing(c -> c.passage().articleId()));
    return new OnTopic(weights, articles);
  }

  /**
   * Answers a latest or timeline intent. A latest intent covers its own window ("since Monday"), else the
   * window from {@code since} (what is new since the chat last asked; {@code null} for none); when the
   * window holds nothing, or there is no window, the newest developments answer, whatever their age, with
   * their age said. Dates are shown in {@code zone}.
   */
  public Answer answer(String question, Intent intent, Instant since, Instant asOf, ZoneId zone, StoryLookup stories)
      throws IOException {
    if (intent instanceof Intent.Timeline t) {
      List<Development> all = developments(t.topic(), null, asOf, stories);
      if (all.isEmpty()) {
        return new Answer(question, asOf, ExtractiveComposer.NOT_COVERED, true, ExtractiveComposer.MODE, List.of());
      }
      // The most reported developments make the timeline when there are too many; shown in date order.
      List<Development> shown = all.size() <= maxItems ? all
          : all.stream().sorted(Comparator.comparingInt((Development d) -> -d.outlets().size()).thenComparing(Development::date))
              .limit(maxItems).sorted(Comparator.comparing(Development::date)).toList();
      return render(question, asOf, "Timeline of " + t.topic() + " (as of " + moment(asOf, zone) + "):", shown, zone);
    }
    Intent.Latest q = (Intent.Latest) intent;
    Instant from = q.since() != null ? q.since() : since;
    List<Development> all = developments(q.topic(), null, asOf, stories);
    if (all.isEmpty()) {
      return new Answer(question, asOf, "Note: I have no articles on " + q.topic() + " at all.", true, ExtractiveComposer.MODE, List.of());
    }
    List<Development> newestFirst = newestFirst(all);
    Instant newest = newestFirst.get(0).date();
    if (from != null) {
      List<Development> inWindow = newestFirst(all.stream().filter(d -> !d.date().isBefore(from)).toList());
      if (!inWindow.isEmpty()) {
        StringBuilder header = new StringBuilder();
        staleNote(q.topic(), Optional.of(newest), asOf, zone).ifPresent(n -> header.append(n).append("\n"));
        header.append("What's new on ").append(q.topic()).append(" since ").append(moment(from, zone))
            .append(", as of ").append(moment(asOf, zone)).append(":");
        return render(question, asOf, header.toString(), inWindow, zone);
      }
    }
    // "Latest" means the newest developments whatever their age, said up front.
    StringBuilder header = new StringBuilder();
    staleNote(q.topic(), Optional.of(newest), asOf, zone).ifPresent(n -> header.append(n).append("\n"));
    if (from != null) {
      header.append(NOTHING_NEW).append(" on ").append(q.topic()).append(" since ").append(moment(from, zone)).append(". ");
    }
    header.append("The latest on ").append(q.topic()).append(", as of ").append(moment(asOf, zone))
        .append(" (the newest is from ").append(DAY.format(newest.atZone(zone))).append(", ").append(age(newest, asOf)).append("):");
    return render(question, asOf, header.toString(), newestFirst.subList(0, Math.min(LATEST_ITEMS, newestFirst.size())), zone);
  }

  /** How long ago {@code t} was, in words ("5 hours ago", "2 days ago"). */
  static String age(Instant t, Instant asOf) {
    Duration d = Duration.between(t, asOf);
    if (d.isNegative() || d.toHours() < 1) {
      return "within the hour";
    }
    if (d.toHours() < 48) {
      return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
    }
    return d.toDays() + " days ago";
  }

  /**
   * The digest of {@code developments} (what is new on {@code topic} since {@code since}), newest first
   * and at most the configured number; "nothing new" when there are none.
   */
  public Answer digest(String topic, List<Development> developments, Instant since, Instant asOf, ZoneId zone) {
    String window = " since " + moment(since, zone) + ", as of " + moment(asOf, zone);
    if (developments.isEmpty()) {
      return new Answer("digest: " + topic, asOf, "Digest on " + topic + ": nothing new" + window + ".", false,
          ExtractiveComposer.MODE, List.of());
    }
    return render("digest: " + topic, asOf, "Digest on " + topic + ": " + developments.size() + " new" + window + ":",
        newestFirst(developments), zone);
  }

  /** The developments newest first, at most the configured number. */
  public List<Development> newestFirst(List<Development> developments) {
    return developments.stream().sorted(Comparator.comparing(Development::date).reversed()).limit(maxItems).toList();
  }

  /** The warning to show first when the newest news on a topic is older than the configured age, if it is. */
  public Optional<String> staleNote(String topic, Optional<Instant> newest, Instant asOf, ZoneId zone) {
    if (newest.isPresent() && !newest.get().isBefore(asOf.minus(staleAfter))) {
      return Optional.empty();
    }
    return Optional.of(newest
        .map(n -> "Note: the newest article on " + topic + " is from " + DAY.format(n.atZone(zone)) + ", more than "
            + hours(staleAfter) + " before now; there may be nothing recent.")
        .orElse("Note: I have no articles on " + topic + " at all."));
  }

  /** Renders developments as bullets under a header, numbering their citations through the answer. */
  public Answer render(String question, Instant asOf, String header, List<Development> developments, ZoneId zone) {
    StringBuilder text = new StringBuilder(header);
    List<Citation> citations = new ArrayList<>();
    for (Development d : developments) {
      text.append("\n• ").append(DAY.format(d.date().atZone(zone))).append(": ").append(d.summary());
      if (d.outlets().size() > 1) {
        text.append(" (reported by ").append(d.outlets().size()).append(" outlets)");
      }
      for (Citation c : d.citations()) {
        int n = citations.size() + 1;
        citations.add(new Citation(n, c.articleId(), c.passageId(), c.title(), c.url(), c.source(), c.published(), c.text()));
        text.append(" [").append(n).append("]");
      }
    }
    return new Answer(question, asOf, text.toString(), false, ExtractiveComposer.MODE, List.copyOf(citations));
  }

  private record Candidate(Passage passage, Set<String> titleTerms, Set<String> terms, float score, boolean joined) {}

  /**
   * Adds the articles of the same stories as the ones found on the topic, though their words differ ("a
   * meeting called off", "sanctions the next day"): an article joins when it was published within a few
   * days of a story article and shares at least two of its names (people, places, organisations), the
   * rarer ones counting more, so that "Trump" and "Ukraine" alone join nothing. Twice, so that a story
   * can grow one step at a time.
   */
  private void joinStories(Map<String, Candidate> story, Instant from, Instant asOf) throws IOException {
    // The names of a passage, as index terms, read once however often it is looked at.
    Map<String, Set<String>> nameTerms = new HashMap<>();
    for (int round = 0; round < STORY_ROUNDS; round++) {
      List<Candidate> members = List.copyOf(story.values());
      Set<String> allNames = new LinkedHashSet<>();
      for (Candidate c : members) {
        allNames.addAll(AnswerSpans.names(c.passage().title() + ". " + c.passage().text()));
      }
      if (allNames.isEmpty()) {
        return;
      }
      Retrieval r = whole(retriever.retrieve(SearchRequest.between(String.join(" ", allNames), CANDIDATES, from, asOf)));
      Map<String, Float> rarity = r.termWeights();
      boolean grew = false;
      for (ScoredPassage sp : r.passages()) {
        Passage p = sp.passage();
        if (story.containsKey(p.articleId())) {
          continue;
        }
        Set<String> own = nameTerms(p, nameTerms);
        for (Candidate s : members) {
          if (Duration.between(s.passage().published(), p.published()).abs().compareTo(STORY_DAYS) > 0) {
            continue;
          }
          Set<String> theirs = nameTerms(s.passage(), nameTerms);
          Set<String> shared = new HashSet<>(own);
          shared.retainAll(theirs);
          double sharedWeight = weightOf(shared, rarity);
          // Every name of a story article is in the query, so its weight is known in full.
          double smaller = weightOf(theirs, rarity);
          if (shared.size() >= 2 && smaller > 0 && sharedWeight >= STORY_SHARE * smaller) {
            Set<String> terms = new HashSet<>(analysis.documentTerms(p.title() + "\n" + p.text()));
            story.put(p.articleId(), new Candidate(p, new HashSet<>(analysis.documentTerms(p.title())), terms, sp.score(), true));
            grew = true;
            break;
          }
        }
      }
      if (!grew) {
        return;
      }
    }
  }

  private Set<String> nameTerms(Passage p, Map<String, Set<String>> cache) {
    return cache.computeIfAbsent(p.id(),
        id -> new HashSet<>(analysis.documentTerms(String.join(" ", AnswerSpans.names(p.title() + ". " + p.text())))));
  }

  private static double weightOf(Set<String> terms, Map<String, Float> rarity) {
    double w = 0;
    for (String t : terms) {
      w += rarity.getOrDefault(t, 0f);
    }
    return w;
  }

  private static boolean sameDevelopment(Candidate a, Candidate b) {
    return jaccard(a.titleTerms(), b.titleTerms()) >= SAME_TITLE || jaccard(a.terms(), b.terms()) >= SAME_TEXT;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return (double) both.size() / (a.size() + b.size() - both.size());
  }

  private Development development(List<Candidate> group, Map<String, Float> weights, StoryLookup stories) {
    Set<String> outlets = new LinkedHashSet<>();
    List<Citation> citations = new ArrayList<>();
    String summary = null;
    for (Candidate c : group) {
      Passage p = c.passage();
      outlets.add(p.source());
      outlets.addAll(stories.outletsOf(p.articleId()));
      // An article that joined through its story need not hold the topic's words: its lead says what happened.
      String sentence = c.joined() && p.n() == 0 && !Sentences.texts(p.text()).isEmpty()
          ? Sentences.texts(p.text()).get(0).strip() : bestSentence(p, weights);
      if (summary == null) {
        summary = sentence;
      }
      if (citations.size() < CITATIONS_PER_DEVELOPMENT) {
        citations.add(new Citation(citations.size() + 1, p.articleId(), p.id(), p.title(), p.url(), p.source(), p.published(), sentence));
      }
    }
    return new Development(group.get(0).passage().published(), summary, List.copyOf(outlets), List.copyOf(citations));
  }

  /**
   * The passage's sentence holding most of the topic's weight, except that an article's lead sentence
   * wins when it holds at least half as much: a lead says what happened, later sentences give detail.
   */
  private String bestSentence(Passage p, Map<String, Float> weights) {
    List<String> sentences = Sentences.texts(p.text());
    String best = null;
    double bestWeight = -1;
    for (String s : sentences) {
      double w = weight(s, weights);
      if (w > bestWeight) {
        best = s;
        bestWeight = w;
      }
    }
    if (best == null) {
      return p.title();
    }
    if (p.n() == 0 && weight(sentences.get(0), weights) >= bestWeight / 2) {
      best = sentences.get(0);
    }
    return best.strip();
  }

  private double weight(String sentence, Map<String, Float> weights) {
    Set<String> terms = new HashSet<>(analysis.documentTerms(sentence));
    return weights.entrySet().stream().filter(e -> terms.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
  }

  /** A moment with its zone's short name; a plain UTC offset reads "UTC" rather than "Z". */
  private static String moment(Instant t, ZoneId zone) {
    return MOMENT.format(t.atZone(zone)) + " " + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE.format(t.atZone(zone)));
  }

  private static String hours(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toHours() + " hours";
  }

  /**
   * A list of developments cannot say which ones it lacks, so one made while part of the index was
   * unreachable is refused rather than shown shorter than the truth.
   */
  private static Retrieval whole(Retrieval r) throws PartialResultsException {
    if (r.partial()) {
      throw new PartialResultsException("part of the news index is unreachable (a search node is down), so this list of "
          + "developments would be incomplete; try again when the index is whole");
    }
    return r;
  }
}
