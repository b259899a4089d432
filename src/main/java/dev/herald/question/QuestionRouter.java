package dev.herald.question;

import dev.herald.retrieve.ParsedQuestion;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.TimeExpressions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a question, and the conversation's previous question, into one typed {@link Intent}. Every front
 * end (command line, terminal chat, bot, inline mode, digests) routes through here, so "who said",
 * "what did X say", "latest", "timeline" and follow-ups mean the same everywhere. A follow-up ("and
 * when?", "what did he say about it?") is first rewritten into the self-contained question it stands for.
 */
public final class QuestionRouter {

  // Compiled once: String.replaceAll, replaceFirst, split and matches compile their pattern on every call, and
  // these run for every question (some for every word of it).
  private static final Pattern TRAILING_END = Pattern.compile("[?.!\\s]+$");
  private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?.!,;:\\s]+$");
  private static final Pattern NOT_WORD_LETTER = Pattern.compile("[^\\p{L}'’-]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LEADING_IS_THE = Pattern.compile("(?i)^(?:is|was|are|were|’s|'s)\\s+the\\s+");
  private static final Pattern LEADING_KIND_OF = Pattern.compile("(?i)^(?:type|kind|sort|form)s?\\s+of\\s+");
  private static final Pattern NOT_WORD_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}-]");
  private static final Pattern LEADING_LOWER_THE = Pattern.compile("^the\\s+");
  private static final Pattern EDGE_NON_LETTERS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
  private static final Pattern POSSESSIVE_END = Pattern.compile("[’']s$");
  private static final Pattern EDGE_NON_ALNUM = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
  private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
  private static final Pattern ENDS_WITH_PUNCTUATION = Pattern.compile(".*[,;:?!.]$");
  private static final Pattern WHO_SAID = Pattern.compile(
      "^\\s*who\\s+(?:has\\s+|had\\s+)?(said|says|stated|told|warned|called|described|claimed|declared|wrote|tweeted|argued"
          + "|insisted|promised|vowed|added|remarked|predicted|suggested|asked|urged)\\b\\s*(?:that\\s+)?(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  // Each kind of quotation mark pairs with its own closer, so an apostrophe inside ("don’t") does not end it.
  private static final Pattern QUOTED =
      Pattern.compile("“([^”]{3,})”?|\"([^\"]{3,})\"?|«([^»]{3,})»?|(?<![\\p{L}])['‘]([^’']{3,})['’](?![\\p{L}])");
  private static final Pattern WHAT_DID = Pattern.compile(
      "^\\s*what\\s+(?:did|has|have|does|do)\\s+(.+?)\\s+(?:say|said|tell|told|write|written|think|thinks|claim|claimed|warn|warned)"
          + "(?:\\s+(?:about|on|regarding|of|concerning)\\s+(.+?))?\\s*[?.!]*\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UPDATES = Pattern.compile(
      "^\\s*(?:what(?:'s|’s|\\s+is|\\s+has)\\s+(?:new|happened|changed|happening|going\\s+on)\\s+(?:on|with|in|about|regarding)"
          + "|(?:what\\s+is\\s+|what's\\s+|what’s\\s+)?(?:the\\s+)?(?:very\\s+)?latest\\s+(?:news\\s+|updates?\\s+)?(?:on|about|in|regarding|with)"
          + "|(?:any\\s+)?(?:news|updates?)\\s+(?:on|about|regarding))\\s+(.+?)\\s*[?.!]*\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMELINE = Pattern.compile(
      "^\\s*(?:(?:give\\s+me\\s+|show\\s+me\\s+|make\\s+)?(?:a\\s+|the\\s+)?timeline\\s+(?:of|for|on)\\s+(.+?)"
          + "|how\\s+(?:did|has|have)\\s+(.+?)\\s+(?:develop|developed|unfold|unfolded|evolve|evolved))\\s*[?.!]*\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGEST = Pattern.compile(
      "^\\s*(?:(?:give\\s+me\\s+|send\\s+me\\s+)?(?:a\\s+|the\\s+)?digest\\s+(?:of|on|for|about)"
          + "|summari[sz]e(?:\\s+the\\s+news\\s+(?:on|about))?|sum\\s+up|recap|catch\\s+me\\s+up\\s+on|brief\\s+me\\s+on)\\s+(.+?)\\s*[?.!]*\\s*$",
      Pattern.CASE_INSENSITIVE);

  // Follow-ups: a bare question word ("and when?"), or a short question leaning on the previous one.
  private static final Pattern ELLIPTIC = Pattern.compile(
      "^\\s*(?:(?:and|but|so|also|ok|okay)\\s*,?\\s+)?(when|where|who|why|how\\s+many|how\\s+much|how\\s+long|how|what\\s+time"
          + "|on\\s+which\\s+day|which\\s+day|in\\s+which\\s+city|which\\s+city)\\s*(?:exactly|then|again|precisely)?\\s*[?.!]*\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_WH = Pattern.compile(
      "^\\s*(?:(?:and|but|so)\\s+)?(who|whom|whose|where|when|why|how\\s+many|how\\s+much|how\\s+long|how|what\\s+time|what|which\\s+\\p{L}+)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AUXILIARY_START = Pattern.compile(
      "^(?:will|would|did|does|do|is|are|was|were|has|have|had|can|could|should)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "him", "her", "them");
  private static final Set<String> TOPIC_PRONOUNS = Set.of("it", "that", "this", "them", "those", "these", "there");
  private static final int FOLLOW_UP_MAX_WORDS = 7;
  private static final Set<String> FOLLOW_UP_OPENERS = Set.of("and", "but", "also", "then", "so");
  private static final Set<String> BACK_REFERENCES =
      Set.of("he", "she", "they", "it", "him", "her", "them", "his", "their", "its", "that", "this", "there");
  private static final Set<String> NOT_NAMES = Set.of(
      "What", "Who", "Whom", "Whose", "Where", "When", "Why", "How", "Which", "Will", "Would", "Did", "Does", "Do", "Is", "Are",
      "Was", "Were", "Has", "Have", "Had", "Can", "Could", "Should", "The", "A", "An", "And", "But", "So", "Tell", "Give", "Show",
      "I", "In", "On", "At", "Any", "Latest", "News", "Timeline", "Digest", "Since", "Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December");

  private final TimeExpressions time;
  private final QuestionAnalysis analysis;

  /** Creates a router reading time words with {@code time} and content words with {@code analysis}. */
  public QuestionRouter(TimeExpressions time, QuestionAnalysis analysis) {
    this.time = time;
    this.analysis = analysis;
  }

  /**
   * Routes a question; {@code previous} is the conversation's previous (already resolved) question, or
   * {@code null}, against which a follow-up is resolved first.
   */
  public RoutedQuestion route(String question, String previous, Instant asOf) {
    String asked = question == null ? "" : question.strip();
    String resolved = previous == null || previous.isBlank() ? null : resolve(asked, previous.strip());
    String q = resolved == null ? asked : resolved;
    return new RoutedQuestion(asked, q, intent(q, asOf), resolved != null, previous);
  }

  /** The intent of a self-contained question. */
  public Intent intent(String question, Instant asOf) {
    String q = question.strip();
    Matcher m;
    if ((m = WHO_SAID.matcher(q)).matches()) {
      String words = TRAILING_END.matcher(quotedPart(m.group(2))).replaceAll("").strip();
      if (!words.isEmpty()) {
        return new Intent.WhoSaid(words);
      }
    }
    if ((m = WHAT_DID.matcher(q)).matches()) {
      String speaker = LEADING_THE.matcher(m.group(1)).replaceFirst("").strip();
      String topic = m.group(2) == null ? null : m.group(2).strip();
      return new Intent.WhatDidXSay(speaker, topic == null || topic.isEmpty() ? null : topic);
    }
    if ((m = DIGEST.matcher(q)).matches()) {
      Topic t = topic(m.group(1), asOf);
      if (t != null) {
        return new Intent.Digest(t.text(), t.since());
      }
    }
    if ((m = TIMELINE.matcher(q)).matches()) {
      Topic t = topic(m.group(1) != null ? m.group(1) : m.group(2), asOf);
      if (t != null) {
        return new Intent.Timeline(t.text());
      }
    }
    if ((m = UPDATES.matcher(q)).matches()) {
      Topic t = topic(m.group(1), asOf);
      if (t != null) {
        return new Intent.Latest(t.text(), t.since());
      }
    }
    return fact(q);
  }

  private record Topic(String text, Instant since) {}

  /** The topic without its time words and its window's start; {@code null} when no content word is left ("any news on that?"). */
  private Topic topic(String rest, Instant asOf) {
    ParsedQuestion parsed = time.parse(rest, asOf);
    Instant since = parsed.window().expression() == null ? null : parsed.window().from();
    String topic = LEADING_THE.matcher(TRAILING_PUNCTUATION.matcher(parsed.searchText()).replaceAll("")).replaceFirst("").strip();
    if (analysis.questionTerms(topic).isEmpty()) {
      return null;
    }
    return new Topic(topic, since);
  }

  private static String quotedPart(String rest) {
    Matcher q = QUOTED.matcher(rest);
    if (q.find()) {
      for (int g = 1; g <= q.groupCount(); g++) {
        if (q.group(g) != null) {
          return q.group(g);
        }
      }
    }
    return rest;
  }

  // ---- fact questions and their answer type ----

  private static final Pattern WH = Pattern.compile(
      "\\b(who|whom|whose|where|when|why|how\\s+(?:much|many|old|far|long|big|large|tall|high|soon|often)|how|which|what)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> PLACE_NOUNS = Set.of("city", "country", "state", "town", "region", "place", "continent",
      "nation", "province", "county", "area", "park", "location", "island", "capital", "venue", "stadium", "airport", "port",
      "district", "territory", "village", "neighborhood", "neighbourhood", "river", "sea", "ocean", "border", "countries",
      "cities", "states", "destination", "site");
  private static final Set<String> TIME_NOUNS = Set.of("time", "year", "day", "date", "month", "week", "hour", "season", "decade",
      "century", "weekday");
  private static final Set<String> NUMBER_NOUNS = Set.of("percentage", "percent", "share", "proportion", "number", "amount",
      "price", "cost", "sum", "magnitude", "rate", "score", "age", "total", "figure", "fraction", "temperature", "margin",
      "count", "value", "salary", "fine", "budget", "speed", "distance", "height", "weight", "size");
  private static final Set<String> PERSON_NOUNS = Set.of("person", "man", "woman", "leader", "player", "star", "celebrity",
      "president", "senator", "official", "actor", "actress", "singer", "ceo", "minister", "politician", "athlete", "candidate",
      "governor", "judge", "lawmaker", "author", "musician", "rapper", "billionaire", "executive", "chancellor", "king", "queen",
      "prince", "princess", "pope", "coach", "driver", "golfer", "footballer", "mayor", "head", "rival", "winner", "champion",
      "comedian", "host", "founder", "director", "secretary", "spokesperson", "envoy", "negotiator", "general", "members", "member",
      "people", "journalist", "reporter", "scientist", "artist", "tennis", "boxer", "pitcher", "quarterback");
  private static final Set<String> PROPER_HEADS = Set.of("team", "company", "companies", "airline", "show", "movie", "film",
      "series", "song", "album", "book", "band", "brand", "school", "university", "college", "party", "organization",
      "organisation", "group", "app", "platform", "network", "league", "club", "bank", "retailer", "store", "chain", "restaurant",
      "website", "newspaper", "magazine", "event", "award", "awards", "mission", "spacecraft", "telescope", "ship", "storm",
      "hurricane", "variant", "subvariant", "firm", "automaker", "carmaker", "manufacturer", "agency", "court", "publication",
      "tournament", "race", "festival", "program", "programme", "podcast", "musical", "play", "game", "franchise", "studio",
      "streamer", "service", "outlet", "broadcaster", "channel", "bill", "law", "act", "treaty", "operation", "rocket", "vaccine",
      "drug", "product", "startup", "giant", "exchange", "coin", "cryptocurrency", "holiday");
  private static final Set<String> STOP_HEAD = Set.of("is", "was", "are", "were", "did", "does", "do", "has", "have", "had",
      "will", "would", "can", "could", "should", "may", "might", "must", "the", "a", "an", "its", "his", "her", "their", "of",
      "in", "on", "at", "to", "for", "from", "by", "with", "that", "this", "these", "those", "recently", "just", "won", "made",
      "became", "said", "got", "took", "gave", "hit", "left", "led", "saw", "found", "sold", "bought", "went", "came", "ran",
      "set", "put", "paid", "lost", "met", "told", "held", "began", "plans", "plan", "wants", "says", "announced",
      "and", "or", "not", "soon", "now", "still", "also", "officially", "reportedly");
  private static final Pattern PLAN = Pattern.compile(
      "\\b(will|won't|is\\s+going\\s+to|are\\s+going\\s+to|plans?\\s+to|planned|set\\s+to|scheduled|expected\\s+to|upcoming|next)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANGE = Pattern.compile(
      "\\b(increase[ds]?|rise|rose|risen|fell|fallen|drop(?:ped)?|decline[ds]?|grow|grew|grown|growth|jump(?:ed)?|surge[ds]?|climb(?:ed)?|"
          + "shr[au]nk|percent|percentage)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXPLAIN = Pattern.compile("\\b(why|explain|how\\s+(?:did|does|do|is|are|was|were|will|can|could)|what\\s+(?:caused|led\\s+to))\\b",
      Pattern.CASE_INSENSITIVE);

  /** The answer type of a fact question, read from its question word in the sentence that asks. */
  static Intent.Fact fact(String question) {
    String asking = askingSentence(question);
    Intent.Fact f = typeOf(asking);
    boolean change = CHANGE.matcher(question).find();
    return new Intent.Fact(f.expected(), f.head(), f.plan(), f.explain(), change, doerVerb(asking));
  }

  private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "has", "have", "had");
  private static final Set<String> OBJECT_AUXILIARIES = Set.of("did", "does", "do");
  private static final Set<String> MODALS = Set.of("will", "would", "can", "could", "should", "might", "may", "must");
  /** Irregular past forms a doer question is asked with, and their base forms ("won" → "win"). */
  private static final Map<String, String> IRREGULAR_PAST = Map.ofEntries(
      Map.entry("won", "win"), Map.entry("lost", "lose"), Map.entry("led", "lead"), Map.entry("made", "make"),
      Map.entry("became", "become"), Map.entry("took", "take"), Map.entry("gave", "give"), Map.entry("sold", "sell"),
      Map.entry("bought", "buy"), Map.entry("went", "go"), Map.entry("came", "come"), Map.entry("ran", "run"),
      Map.entry("met", "meet"), Map.entry("told", "tell"), Map.entry("held", "hold"), Map.entry("began", "begin"),
      Map.entry("found", "find"), Map.entry("left", "leave"), Map.entry("paid", "pay"), Map.entry("said", "say"),
      Map.entry("saw", "see"), Map.entry("got", "get"), Map.entry("rose", "rise"), Map.entry("fell", "fall"),
      Map.entry("wrote", "write"), Map.entry("broke", "break"), Map.entry("chose", "choose"), Map.entry("grew", "grow"),
      Map.entry("struck", "strike"), Map.entry("swept", "sweep"), Map.entry("sent", "send"), Map.entry("built", "build"),
      Map.entry("drew", "draw"), Map.entry("flew", "fly"), Map.entry("knew", "know"), Map.entry("shot", "shoot"),
      Map.entry("spent", "spend"), Map.entry("stole", "steal"), Map.entry("threw", "throw"), Map.entry("sank", "sink"),
      Map.entry("hit", "hit"), Map.entry("set", "set"), Map.entry("put", "put"), Map.entry("beat", "beat"),
      Map.entry("quit", "quit"), Map.entry("bid", "bid"), Map.entry("topped", "top"), Map.entry("sued", "sue"));

  /** The base form of an irregular past form ("won" → "win"), or {@code null} for any other word. */
  public static String baseForm(String verb) {
    return IRREGULAR_PAST.get(verb);
  }

  /**
   * The verb of a question that asks who or what did something ("Which team won the cup?" → "won",
   * "Which movie is riding at the top …?" → "riding"), or {@code null} when the question asks about the
   * object of its verb ("Which measure did lawmakers leave out?") or has no such verb.
   */
  static String doerVerb(String asking) {
    Matcher m = WH.matcher(asking);
    if (!m.find()) {
      return null;
    }
    String wh = m.group(1).toLowerCase(Locale.ROOT);
    if (!wh.equals("who") && !wh.equals("which") && !wh.equals("what")) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : SPACES.split(asking.substring(m.end()).strip())) {
      words.add(NOT_WORD_LETTER.matcher(w.toLowerCase(Locale.ROOT)).replaceAll(""));
    }
    int i = 0;
    if (!wh.equals("who")) {
      // skip the noun asked for ("which island nation", "which company’s stock")
      while (i < words.size() && i < 4 && !verbLike(words.get(i)) && !AUXILIARIES.contains(words.get(i))
          && !OBJECT_AUXILIARIES.contains(words.get(i)) && !MODALS.contains(words.get(i))) {
        i++;
      }
      if (i == 0) {
        return null; // "what is …", "which of …": no noun, no doer
      }
    }
    if (i >= words.size() || OBJECT_AUXILIARIES.contains(words.get(i))) {
      return null;
    }
    String w = words.get(i);
    if (MODALS.contains(w)) {
      // "which continent will (soon) require …": the verb follows, maybe after an adverb
      for (int k = i + 1; k < Math.min(words.size(), i + 3); k++) {
        if (!words.get(k).endsWith("ly") && !words.get(k).equals("soon") && !words.get(k).equals("not")) {
          return words.get(k).isEmpty() ? null : words.get(k);
        }
      }
      return null;
    }
    if (AUXILIARIES.contains(w)) {
      // "is riding", "has won"; "is the …" asks what something is
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      return next.endsWith("ing") || verbLike(next) ? next : null;
    }
    return verbLike(w) ? w : null;
  }

  private static boolean verbLike(String w) {
    return w.length() > 3 && w.endsWith("ed") || IRREGULAR_PAST.containsKey(w);
  }

  private static Intent.Fact typeOf(String asking) {
    boolean plan = PLAN.matcher(asking).find();
    boolean explain = EXPLAIN.matcher(asking).find();
    Matcher m = WH.matcher(asking);
    if (!m.find()) {
      return new Intent.Fact(AnswerType.DESCRIPTION, null, plan, explain);
    }
    String wh = SPACES.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll(" ");
    String after = asking.substring(m.end());
    // "in which city", "on what day": the noun after the question word decides.
    return switch (wh) {
      case "who", "whom", "whose" -> new Intent.Fact(AnswerType.PERSON, null, plan, false);
      case "where" -> new Intent.Fact(AnswerType.PLACE, null, plan, false);
      case "when", "how soon" -> new Intent.Fact(AnswerType.TIME, null, plan, false);
      case "why" -> new Intent.Fact(AnswerType.REASON, null, plan, true);
      case "how" -> new Intent.Fact(AnswerType.DESCRIPTION, null, plan, true);
      case "which", "what" -> byHead(wh, after, plan, explain);
      default -> new Intent.Fact(AnswerType.NUMBER, null, plan, false);
    };
  }

  private static Intent.Fact byHead(String wh, String after, boolean plan, boolean explain) {
    // "What was the magnitude …", "which type of storm …": the noun after these is the head.
    String rest = LEADING_KIND_OF.matcher(LEADING_IS_THE.matcher(after.strip()).replaceFirst("")).replaceFirst("");
    List<String> words = new ArrayList<>();
    for (String w : SPACES.split(rest)) {
      String word = NOT_WORD_OR_DIGIT.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("");
      if (word.isEmpty() || STOP_HEAD.contains(word) || word.endsWith("ed") || words.size() >= 4) {
        break;
      }
      words.add(word);
      if (ENDS_WITH_PUNCTUATION.matcher(w).matches()) {
        break;
      }
    }
    if (words.isEmpty()) {
      return new Intent.Fact(AnswerType.DESCRIPTION, null, plan, explain);
    }
    String last = words.get(words.size() - 1);
    if (words.size() > 1 && (PERSON_NOUNS.contains(last) || PROPER_HEADS.contains(last))) {
      // The head of "which age group", "which state senator" is its last noun; the ones before it only
      // modify it ("age" does not make it a number, "state" not a place).
      if (last.equals("group") && words.stream().anyMatch(w -> NUMBER_NOUNS.contains(w) || TIME_NOUNS.contains(w))) {
        return new Intent.Fact(AnswerType.DESCRIPTION, last, plan, explain); // "which age group": a description
      }
      words = List.of(last);
    }
    for (String w : words) {
      if (PLACE_NOUNS.contains(w)) {
        return new Intent.Fact(AnswerType.PLACE, w, plan, false);
      }
      if (TIME_NOUNS.contains(w)) {
        return new Intent.Fact(AnswerType.TIME, w, plan, false);
      }
      if (NUMBER_NOUNS.contains(w)) {
        return new Intent.Fact(AnswerType.NUMBER, w, plan, false);
      }
    }
    String head = words.get(words.size() - 1);
    if (PERSON_NOUNS.contains(head)) {
      return new Intent.Fact(AnswerType.PERSON, head, plan, false);
    }
    // Only kinds of thing that have names ("which airline", "which show") are answered by a name;
    // "which measure", "what special announcement" ask for a description.
    return PROPER_HEADS.contains(head) ? new Intent.Fact(AnswerType.NAMED, head, plan, false)
        : new Intent.Fact(AnswerType.DESCRIPTION, head, plan, explain);
  }

  /** The sentence that holds the question ("Gas prices hit a record. How much is a gallon?" → the second). */
  static String askingSentence(String question) {
    String[] parts = question.strip().split("(?<=[.!?])\\s+(?=\\p{Lu})");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (WH.matcher(parts[i]).find()) {
        return parts[i];
      }
    }
    return parts[parts.length - 1];
  }

  // ---- follow-ups ----

  /** The self-contained question a follow-up stands for, or {@code null} when it is not one. */
  String resolve(String asked, String previous) {
    Matcher e = ELLIPTIC.matcher(asked);
    if (e.matches()) {
      String wh = SPACES.matcher(e.group(1)).replaceAll(" ");
      String rest = stripLeadingWh(previous);
      return capitalise(wh) + " " + rest;
    }
    Matcher w = WHAT_DID.matcher(asked);
    if (w.matches()) {
      String speaker = w.group(1).strip();
      String topic = w.group(2) == null ? null : w.group(2).strip();
      boolean pronounSpeaker = PRONOUNS.contains(speaker.toLowerCase(Locale.ROOT));
      boolean pronounTopic = topic != null && TOPIC_PRONOUNS.contains(LEADING_LOWER_THE.matcher(topic.toLowerCase(Locale.ROOT)).replaceFirst(""));
      if (!pronounSpeaker && !pronounTopic) {
        return null;
      }
      Intent before = intent(previous, Instant.EPOCH);
      if (pronounSpeaker) {
        String name = before instanceof Intent.WhatDidXSay x ? x.speaker() : names(previous).stream().findFirst().orElse(null);
        if (name == null) {
          return null;
        }
        speaker = name;
      }
      if (pronounTopic) {
        topic = topicOf(before, previous);
      }
      return "What did " + speaker + " say" + (topic == null ? "" : " about " + topic) + "?";
    }
    String[] words = SPACES.split(asked);
    if (words.length == 0 || words.length > FOLLOW_UP_MAX_WORDS || !leansOnPrevious(words)) {
      return null;
    }
    // Names carry the context without drowning the follow-up's own words.
    StringBuilder b = new StringBuilder(TRAILING_END.matcher(asked).replaceAll(""));
    String lower = asked.toLowerCase(Locale.ROOT);
    List<String> carried = names(previous);
    if (carried.isEmpty()) {
      carried = contentWords(previous);
    }
    boolean added = false;
    for (String n : carried) {
      if (!lower.contains(n.toLowerCase(Locale.ROOT))) {
        b.append(' ').append(n);
        added = true;
      }
    }
    return added ? b.append(asked.strip().endsWith("?") ? "?" : "").toString() : null;
  }

  private String topicOf(Intent before, String previous) {
    if (before instanceof Intent.WhatDidXSay x) {
      return x.topic();
    }
    if (before instanceof Intent.Latest l) {
      return l.topic();
    }
    if (before instanceof Intent.Timeline t) {
      return t.topic();
    }
    if (before instanceof Intent.Digest d) {
      return d.topic();
    }
    String rest = TRAILING_END.matcher(stripLeadingWh(previous)).replaceAll("");
    rest = AUXILIARY_START.matcher(rest).replaceFirst("");
    return rest.isEmpty() ? null : rest;
  }

  private static String stripLeadingWh(String previous) {
    String p = previous.strip();
    Matcher m = LEADING_WH.matcher(p);
    if (m.lookingAt()) {
      p = p.substring(m.end()).strip();
    }
    return p;
  }

  private static boolean leansOnPrevious(String[] words) {
    if (FOLLOW_UP_OPENERS.contains(clean(words[0]))) {
      return true;
    }
    for (String w : words) {
      if (BACK_REFERENCES.contains(clean(w))) {
        return true;
      }
    }
    return false;
  }

  /** The capitalised names of a question, in order, once each ("Trump", "Putin"). */
  static List<String> names(String question) {
    List<String> out = new ArrayList<>();
    for (String w : SPACES.split(question)) {
      String word = POSSESSIVE_END.matcher(EDGE_NON_LETTERS.matcher(w).replaceAll("")).replaceAll("");
      if (word.length() > 1 && Character.isUpperCase(word.codePointAt(0)) && !NOT_NAMES.contains(word) && !out.contains(word)) {
        out.add(word);
      }
    }
    return out;
  }

  private List<String> contentWords(String question) {
    List<String> out = new ArrayList<>();
    for (String w : SPACES.split(question)) {
      String word = EDGE_NON_ALNUM.matcher(w).replaceAll("");
      if (!word.isEmpty() && !analysis.questionTerms(word).isEmpty() && !out.contains(word)) {
        out.add(word);
      }
    }
    return out;
  }

  private static String clean(String w) {
    return NOT_LETTER.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
