package dev.herald.answer;

import dev.herald.question.AnswerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the spans of a sentence that could answer a question of a given {@link AnswerType}: people,
 * places, dates and times, numbers and amounts, named things. Rules and a small gazetteer, no model: good
 * enough to tell a sentence that names a city from one that only shares the question's words.
 */
public final class AnswerSpans {

  /**
   * A span of a sentence.
   *
   * @param start offset of its first character in the sentence
   * @param end offset after its last character
   * @param text the span, verbatim
   * @param strong whether it is clearly of the type (a titled person, a known place), not only plausibly
   */
  public record Span(int start, int end, String text, boolean strong) {}

  private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
      + "|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
  private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
  private static final Pattern TIME = Pattern.compile(
      "\\b(?:(?:early|mid|late)[- ](?:to[- ](?:mid|late)[- ])?)?(?:" + MONTHS + ")(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?\\b"
          + "|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS + ")(?:,?\\s+\\d{4})?\\b"
          + "|\\b(?:(?:next|last|this|on|by|until)\\s+)?(?:" + WEEKDAYS + ")(?:\\s+(?:morning|afternoon|evening|night))?\\b"
          + "|\\b(?:the\\s+following|next|later\\s+this|early\\s+next|this|last)\\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)\\b"
          + "|\\b(?:in|within|over)\\s+(?:the\\s+(?:next|coming)\\s+)?(?:\\d+|two|three|four|five|six|a\\s+few)\\s+(?:days|weeks|months|years)\\b"
          + "|\\b\\d{1,2}(?::\\d{2})?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)(?:\\s+(?:ET|GMT|UTC|BST|CET|PT))?"
          + "|\\b(?:19|20)\\d{2}\\b|\\b(?:tomorrow|tonight|today|yesterday)\\b");
  private static final Pattern NAMED_TIME = Pattern.compile("(?:" + MONTHS + "|" + WEEKDAYS + "|\\d{4}|\\d{1,2}:\\d{2}|next|a\\.m\\.|p\\.m\\.)",
      Pattern.CASE_INSENSITIVE);
  private static final String SCALE = "(?:\\s?(?:million|billion|trillion|thousand|hundred|bn|m|k)\\b)?";
  private static final Pattern NUMBER = Pattern.compile(
      "(?:US|A|C)?[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?" + SCALE
          + "|\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b|per\\s+cent\\b)"
          + "|\\b\\d[\\d,]*(?:\\.\\d+)?(?:-\\p{L}+)?(?![\\p{L}\\d])" + SCALE + "(?:\\s+(?:dollars|euros|pounds|yen|yuan|rubles|roubles))?"
          + "|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          + "|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\\s+dozen|dozens|hundreds|thousands"
          + "|half|a\\s+third|two-thirds|a\\s+quarter|millions|billions|tens\\s+of\\s+thousands)\\b(?:\\s+(?:million|billion|thousand|hundred))?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  // Compiled once: String.matches, split and replaceAll compile their pattern anew on every call, and these
  // run for every span of every sentence the composer weighs.
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&-]+");
  private static final Pattern SHORT_ACRONYM = Pattern.compile("\\p{Lu}{2,5}");
  private static final Pattern TRAILING_STOPS = Pattern.compile("[,.]+$");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.0");
  private static final Pattern DIGIT_OR_PERCENT = Pattern.compile("(?s).*(?:\\d|%).*");
  private static final Pattern JOINING_WORD = Pattern.compile("(?i)of|de|the|and|&|for");
  private static final Pattern POSSESSIVE_OR_STOPS = Pattern.compile("[’']s$|[.,’']+$");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern MONTH_OR_WEEKDAY = Pattern.compile("(?i)(?:" + MONTHS + "|" + WEEKDAYS + ")");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:(]+$");
  private static final Pattern QUOTED_TITLE = Pattern.compile("[“\"]([\\p{Lu}\\d][^”\"]{1,60})[”\"]");
  // A capitalised run: names joined by "of", "de", "al-", "&" and hyphens ("Bank of England", "Bed Bath & Beyond").
  private static final Pattern CAPITALISED = Pattern.compile(
      "(?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]*\\d*|\\d+(?=\\s\\p{Lu}))(?:\\s+(?:(?:of|de|da|del|la|le|van|von|bin|al|the|and|&|for)\\s+)?(?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]*\\d*|\\d+\\b(?![-–:.,]\\d)))*");
  private static final Set<String> NOT_NAME_WORDS = Set.of("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This",
      "That", "These", "Those", "In", "On", "At", "But", "And", "Or", "After", "Before", "When", "While", "Its", "His", "Her",
      "Their", "Our", "My", "As", "For", "From", "By", "With", "If", "Some", "Many", "Most", "All", "No", "Not", "Even", "Still",
      "Yet", "So", "Then", "There", "Here", "What", "Who", "Where", "Why", "How", "Which", "Also", "However", "Meanwhile", "Now",
      "Last", "Next", "Earlier", "Later", "Over", "Under", "About", "More", "Less", "One", "Two", "Three", "Mr", "Mrs", "Ms", "Dr",
      "According", "During", "Since", "Until", "Despite", "Although", "Because", "Officials", "Police", "Former", "Both", "Each",
      "CNN", "AP", "Reuters", "Photo", "Image", "Read", "More:", "Today", "Tomorrow", "Yesterday", "Tonight", "Sign", "Click",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
      "June", "July", "August", "September", "October", "November", "December", "President", "Prime", "Minister", "Chancellor",
      "Secretary", "Governor", "Senator", "Sen.", "Rep.", "Gov.", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Chief", "Chair", "King",
      "Queen", "Pope", "Judge", "Justice", "Vice", "Foreign", "Defense", "Defence", "Deputy", "First", "Lady", "Leader", "General",
      "Speaker", "Ambassador", "Envoy", "Commissioner", "Mayor", "Director", "CEO", "Coach", "Captain");
  private static final Set<String> TITLES = Set.of("President", "Minister", "Chancellor", "Secretary", "Governor", "Senator", "Sen.",
      "Rep.", "Gov.", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "King", "Queen", "Pope", "Judge", "Justice",
      "Lady", "Leader", "Speaker", "Ambassador", "Envoy", "Commissioner", "Mayor", "Director", "CEO", "Coach", "Captain",
      "star", "coach", "leader", "chief", "executive", "minister", "president", "spokesperson", "spokesman", "spokeswoman",
      "actor", "actress", "singer", "comedian", "champion", "player", "striker", "quarterback", "golfer", "driver", "chair",
      "chairman", "founder", "official", "adviser", "advisor", "envoy", "negotiator", "lawyer", "senator", "governor");
  private static final Set<String> ORG_WORDS = Set.of("Bank", "Ministry", "Party", "Company", "Inc", "Inc.", "Corp", "Corp.", "Ltd",
      "University", "Council", "Court", "Department", "Agency", "Commission", "Association", "Union", "Group", "Cup", "Awards",
      "Festival", "Committee", "Office", "House", "Senate", "Congress", "Parliament", "Service", "Administration", "Organization",
      "Organisation", "Institute", "Foundation", "Fund", "Federation", "League", "Club", "Airlines", "Airways", "Air", "Motors", "News", "Times",
      "Post", "Journal", "Board", "Authority", "Force", "Army", "Navy", "Guard", "Reserve", "Treasury", "Pentagon", "Kremlin",
      "Games", "Championship", "Open", "Prize", "Act", "Bill", "Summit", "Conference", "Network", "Studios", "Pictures", "Records", "College", "School", "Academy", "Hospital", "Museum", "Church", "Systems",
      "Technologies", "Holdings", "Partners", "Capital", "Energy", "Foods", "Brands", "Entertainment", "Media", "Labs", "Bros.",
      "FC");
  // "Chinese officials", "Russian forces": an adjective of a place is not itself an answer.
  private static final Pattern DEMONYMS = Pattern.compile("(?:\\p{Lu}\\p{L}+(?:ese|ian|ish|ean|can|ern|ic|i)|Thai|French|Dutch|Swiss|Greek|Czech|Welsh|Scots|Arab|Afghan)s?");
  // Photo credits and agency bylines are not answers ("Getty Images", "AFP").
  private static final Pattern ADJECTIVE_OF_PLACE = Pattern.compile(
      "\\b(?:(?:North|South|Saudi|Sri|New|Costa|El|Papua New)\\s+)?\\p{Lu}\\p{Ll}+(?:an|ian|ese|ish|i|ch|ss|ek|ine|ino)s?\\b(?=\\s+\\p{Ll})");
  private static final Pattern CREDIT = Pattern.compile("\\b(?:Getty|Images|AFP|Reuters|AP|Photo|Shutterstock|EPA|CNN|Bloomberg)\\b");
  private static final Pattern CONTRACTION =
      Pattern.compile("(?:I|You|We|They|He|She|It|That|There|Here|What|Who|Let)[’'](?:s|ll|re|ve|d|m)?");
  private static final Set<String> TITLE_HEADS = Set.of("show", "movie", "film", "series", "song", "album", "book", "play",
      "musical", "novel", "podcast", "documentary", "sitcom", "drama", "game", "video", "single", "title");
  /** Kinds of thing that have names but are neither people nor organisations. */
  private static final Set<String> THING_HEADS = Set.of("product", "brand", "holiday", "vaccine", "drug", "variant",
      "subvariant", "app", "coin", "cryptocurrency", "rocket", "spacecraft", "telescope", "storm", "hurricane", "mission");
  private static final Set<String> COUNTRY_HEADS = Set.of("country", "countries", "nation", "continent", "region");
  private static final Set<String> CONSUMER_HEADS = Set.of("product", "brand", "holiday");
  private static final Pattern HOLIDAY = Pattern.compile(
      "\\b(?:Day|Eve|Festival|Week|Christmas|Easter|Thanksgiving|Hanukkah|Ramadan|Eid|Diwali|Holi|Passover|Kwanzaa|Juneteenth|New Year)\\b");
  private static final Set<String> FIRST_NAMES = Set.of("John", "James", "Robert", "Michael", "William", "David", "Richard",
      "Joseph", "Thomas", "Charles", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
      "Karen", "Nancy", "Lisa", "Donald", "Joe", "Kamala", "Hillary", "Barack", "George", "Bill", "Mike", "Mark", "Paul", "Steven",
      "Andrew", "Kevin", "Brian", "Chris", "Christopher", "Daniel", "Matthew", "Anthony", "Tony", "Peter", "Jack", "Harry",
      "Emma", "Anna", "Maria", "Laura", "Emily", "Kate", "Taylor", "Ben", "Tom", "Tim", "Sam", "Alex", "Nick", "Jeff", "Elon",
      "Vladimir", "Volodymyr", "Emmanuel", "Keir", "Rishi", "Boris", "Angela", "Olaf", "Friedrich", "Ursula", "Giorgia", "Xi",
      "Narendra", "Benjamin", "Recep", "Jair", "Justin", "Pedro", "Jerome", "Christine", "Janet", "Marco", "Pete", "JD", "Ron",
      "Nikki", "Gavin", "Rob", "Kim", "Jill", "Melania", "Ivanka", "Hunter", "Eric", "Adam", "Jake", "Ryan", "Scott", "Greg",
      "Stephen", "Steve", "Rachel", "Rebecca", "Katie", "Amy", "Julia", "Sophie", "Lucy", "Charlotte", "Olivia", "Ella", "Grace",
      "Ali", "Mohammed", "Muhammad", "Ahmed", "Omar", "Hassan", "Yury", "Sergei", "Dmitry", "Dmitri", "Alexei", "Andriy", "Ivan",
      "Javier", "Carlos", "Luis", "Jose", "Juan", "Luiz", "Lula", "Gustavo", "Claudia", "Sanae", "Shigeru", "Fumio", "Yoon",
      "Lee", "Jannik", "Novak", "Rafael", "Roger", "Serena", "Lionel", "Cristiano", "Kylian", "Ousmane", "LeBron",
      "Tiger", "Rory", "Scottie", "Lewis", "Max", "Iga", "Aryna", "Coco", "Joey", "Brittney", "Travis", "Patrick",
      "Jared", "Jensen", "Satya", "Sundar", "Andy", "Zohran", "Letitia", "Curtis");
  private static final Set<String> PLACE_WORDS = Set.of("Beach", "City", "County", "Park", "Island", "Islands", "Valley", "Street",
      "Avenue", "Square", "Bay", "Lake", "River", "Mountain", "Mountains", "Hills", "Springs", "Falls", "Harbor", "Harbour",
      "Heights", "Village", "Airport", "Station", "Bridge", "Road", "Coast", "Stadium", "Arena", "Canyon", "Desert", "Peninsula",
      "Province", "Region", "Base", "Strait", "Gulf", "Sea", "Ocean", "Forest", "Plaza", "Garden", "Gardens");
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "outside", "to", "from", "across", "into",
      "toward", "towards", "throughout", "inside", "around");

  private AnswerSpans() {}

  /**
   * The spans of {@code sentence} that could answer a question of {@code type} asking for a {@code head}
   * ("which country" → countries only; "which team" → no people), in order.
   */
  public static List<Span> find(String sentence, AnswerType type, String head) {
    List<Span> found = switch (type) {
      case PERSON -> persons(sentence);
      case PLACE -> places(sentence);
      case TIME -> times(sentence);
      case NUMBER -> numbers(sentence);
      case NAMED -> named(sentence);
      default -> List.<Span>of();
    };
    if (type == AnswerType.PLACE && !COUNTRY_HEADS.contains(String.valueOf(head))
        && found.stream().anyMatch(s -> s.text().equals(sentence.substring(s.start(), s.end())))) {
      // "Where?" is answered by a named place sooner than by an adjective: "the Hungarian capital, Budapest".
      found = found.stream().filter(s -> s.text().equals(sentence.substring(s.start(), s.end()))).toList();
    }
    List<Span> out = new ArrayList<>();
    for (Span s : found) {
      // "Douglas E. Curran/AFP/Getty Images": a photo credit, not an answer.
      boolean credit = CREDIT.matcher(s.text()).find() || sentence.startsWith("/", s.end());
      if (credit || !fits(sentence, s, type, head)) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private static boolean fits(String sentence, Span s, AnswerType type, String head) {
    if (head == null) {
      return true;
    }
    Places.Kind kind = Places.kind(s.text());
    if (type == AnswerType.PLACE) {
      return switch (head) {
        case "country", "countries", "nation" -> kind == Places.Kind.COUNTRY;
        case "state", "states" -> kind == Places.Kind.STATE;
        case "city", "cities", "town", "capital", "village" -> kind == null || kind == Places.Kind.CITY || Places.alsoCity(s.text());
        case "continent", "region" -> kind == Places.Kind.REGION;
        default -> true;
      };
    }
    if (type != AnswerType.NAMED) {
      return true;
    }
    // "Which show?" is answered by a title in quotation marks; "which team / company?" not by a person's name.
    if (TITLE_HEADS.contains(head)) {
      return s.start() > 0 && "“\"".indexOf(sentence.charAt(s.start() - 1)) >= 0;
    }
    // A lone capitalised word inside a quoted title or opening the sentence is often only a part of
    // something ("The Call to Lead"); elsewhere it may well be the name ("Velveeta").
    if (!s.strong() && !s.text().contains(" ") && !ACRONYM.matcher(s.text()).matches()
        && (s.start() == 0 || insideQuotes(sentence, s.start()))) {
      return false;
    }
    // A place is not a company, a party or a show.
    if (Places.contains(s.text())) {
      return false;
    }
    if (THING_HEADS.contains(head)) {
      if (head.equals("holiday")) {
        return HOLIDAY.matcher(s.text()).find(); // "Independence Day", not "Jawaharlal Nehru"
      }
      // A product or a vaccine is neither a person nor the organisation that makes or keeps it.
      if (looksLikePerson(sentence, s) || isOrganisation(s.text())) {
        return false;
      }
      if (CONSUMER_HEADS.contains(head) && SHORT_ACRONYM.matcher(s.text()).matches()) {
        return false; // "the FDA", "the USDA": an agency, not a product
      }
    }
    return !surelyPerson(sentence, s) || isOrganisation(s.text());
  }

  /** A person beyond doubt: titled ("President …", "star …") or opening with a common first name. */
  private static boolean surelyPerson(String sentence, Span s) {
    if (!looksLikePerson(sentence, s)) {
      return false;
    }
    String before = wordBefore(sentence, s.start());
    String first = SPACES.split(s.text())[0];
    return TITLES.contains(before) || TITLES.contains(capitalise(before)) || FIRST_NAMES.contains(first);
  }

  private static List<Span> times(String sentence) {
    List<Span> out = new ArrayList<>();
    Matcher m = TIME.matcher(sentence);
    while (m.find()) {
      String t = m.group().strip();
      if (!t.isEmpty()) {
        // A date or a day says when; "over five weeks" or "today" only roughly.
        boolean strong = NAMED_TIME.matcher(t).find();
        out.add(new Span(m.start(), m.start() + t.length(), t, strong));
      }
    }
    return out;
  }

  private static List<Span> numbers(String sentence) {
    List<Span> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(sentence);
    while (m.find()) {
      String t = TRAILING_STOPS.matcher(m.group().strip()).replaceAll("");
      // A bare year is a date, not a count; a lone "one" is usually not an amount.
      // A version ("1.0 through 4.0") or an ordinal is not an amount either.
      if (YEAR.matcher(t).matches() || t.equalsIgnoreCase("one") || t.equalsIgnoreCase("half") || VERSION.matcher(t).matches()) {
        continue;
      }
      boolean strong = DIGIT_OR_PERCENT.matcher(t).matches();
      out.add(new Span(m.start(), m.start() + t.length(), t, strong));
    }
    return out;
  }

  /** Every name in {@code text}: people, places, organisations and other capitalised names, in order. */
  public static List<String> names(String text) {
    return nameSpans(text).stream().map(Span::text).toList();
  }

  /** People first; a team or a country may be the "who" too ("Europe won the Ryder Cup"), so places stay, weakly. */
  private static List<Span> persons(String sentence) {
    List<Span> out = new ArrayList<>();
    List<Span> all = nameSpans(sentence);
    for (int i = 0; i < all.size(); i++) {
      Span s = all.get(i);
      // "Miami, San Francisco, San Jose, Denver": a name listed among places is a place.
      if (listedWithPlace(sentence, all, i)) {
        continue;
      }
      boolean person = looksLikePerson(sentence, s);
      if (person || !PLACE_PREPOSITIONS.contains(wordBefore(sentence, s.start()))) {
        out.add(new Span(s.start(), s.end(), s.text(), person));
      }
    }
    return out;
  }

  private static boolean insideQuotes(String sentence, int at) {
    int open = 0;
    for (int i = 0; i < at; i++) {
      char c = sentence.charAt(i);
      if (c == '“') {
        open++;
      } else if (c == '”' && open > 0) {
        open--;
      }
    }
    return open > 0;
  }

  private static boolean listedWithPlace(String sentence, List<Span> all, int i) {
    Span s = all.get(i);
    if (i > 0 && all.get(i - 1).end() + 2 == s.start() && sentence.startsWith(", ", all.get(i - 1).end())
        && Places.contains(all.get(i - 1).text())) {
      return true;
    }
    return i + 1 < all.size() && s.end() + 2 == all.get(i + 1).start() && sentence.startsWith(", ", s.end())
        && Places.contains(all.get(i + 1).text());
  }

  private static List<Span> named(String sentence) {
    List<Span> out = new ArrayList<>(nameSpans(sentence));
    Matcher q = QUOTED_TITLE.matcher(sentence);
    while (q.find()) {
      String inner = q.group(1).strip();
      if (SPACES.split(inner).length <= 6) {
        out.add(new Span(q.start(1), q.start(1) + inner.length(), inner, true));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static List<Span> places(String sentence) {
    List<Span> out = new ArrayList<>(adjectivesOfPlace(sentence));
    List<Span> all = nameSpans(sentence);
    for (int i = 0; i < all.size(); i++) {
      Span s = all.get(i);
      // "Busan, South Korea": a place followed by its country or state is one, more precise, place.
      if (i + 1 < all.size() && sentence.startsWith(", ", s.end()) && all.get(i + 1).start() == s.end() + 2
          && Places.kind(all.get(i + 1).text()) != null && Places.kind(all.get(i + 1).text()) != Places.Kind.CITY) {
        Span next = all.get(i + 1);
        out.add(new Span(s.start(), next.end(), sentence.substring(s.start(), next.end()), true));
        i++;
        continue;
      }
      String last = s.text().substring(s.text().lastIndexOf(' ') + 1);
      boolean known = Places.contains(s.text()) || PLACE_WORDS.contains(last) && s.text().contains(" ");
      String before = wordBefore(sentence, s.start());
      if (known || PLACE_PREPOSITIONS.contains(before) && !looksLikePerson(sentence, s) && !isOrganisation(s.text())) {
        out.add(new Span(s.start(), s.end(), s.text(), known));
      }
    }
    return out;
  }

  /**
   * The countries and regions that adjectives name ("North Korean leader Kim Jong Un" → North Korea): the
   * span covers the adjective, its text is the place. Only the adjective's own words are read, so the
   * answer says no more than the sentence.
   */
  private static List<Span> adjectivesOfPlace(String sentence) {
    List<Span> out = new ArrayList<>();
    Matcher m = ADJECTIVE_OF_PLACE.matcher(sentence);
    while (m.find()) {
      String place = Places.ofAdjective(m.group());
      if (place != null) {
        out.add(new Span(m.start(), m.end(), place, true));
      }
    }
    return out;
  }

  /**
   * Every capitalised run that names someone or something, strong when it is surely a name (a person, an
   * acronym, a known place, an organisation).
   */
  private static List<Span> nameSpans(String sentence) {
    List<Span> out = new ArrayList<>();
    Matcher m = CAPITALISED.matcher(sentence);
    while (m.find()) {
      String run = m.group();
      int start = m.start();
      // Drop title and function words from the front ("President Donald Trump" → "Donald Trump").
      String[] words = SPACES.split(run);
      int skip = 0;
      while (skip < words.length && (NOT_NAME_WORDS.contains(words[skip]) || JOINING_WORD.matcher(words[skip]).matches())) {
        start += words[skip].length();
        while (start < sentence.length() && Character.isWhitespace(sentence.charAt(start))) {
          start++;
        }
        skip++;
      }
      if (skip == words.length) {
        continue;
      }
      String text = POSSESSIVE_OR_STOPS.matcher(sentence.substring(start, m.end())).replaceAll("");
      if (text.length() < 2 || DIGITS.matcher(text).matches() || NOT_NAME_WORDS.contains(text) || CONTRACTION.matcher(text).matches()
          || DEMONYMS.matcher(text).matches() || MONTH_OR_WEEKDAY.matcher(text).matches()) {
        continue;
      }
      Span s = new Span(start, start + text.length(), text, false);
      boolean acronym = ACRONYM.matcher(text).matches();
      boolean strong = looksLikePerson(sentence, s) || acronym || Places.contains(text) || isOrganisation(text);
      out.add(new Span(s.start(), s.end(), text, strong));
    }
    return out;
  }

  private static boolean looksLikePerson(String sentence, Span s) {
    String[] words = SPACES.split(s.text());
    if (s.text().contains(" and ") || s.text().contains(" & ")) {
      return false;
    }
    if (isOrganisation(s.text()) || Places.contains(s.text()) || PLACE_WORDS.contains(words[words.length - 1])) {
      return false;
    }
    String before = wordBefore(sentence, s.start());
    if (TITLES.contains(before) || TITLES.contains(capitalise(before))) {
      return true;
    }
    if (PLACE_PREPOSITIONS.contains(before)) {
      return false;
    }
    for (String w : words) {
      if (Places.contains(w)) {
        return false;
      }
    }
    return words.length >= 2 && words.length <= 4;
  }

  private static boolean isOrganisation(String text) {
    for (String w : SPACES.split(text)) {
      if (ORG_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String wordBefore(String sentence, int at) {
    int end = at;
    while (end > 0 && Character.isWhitespace(sentence.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(sentence.charAt(start - 1))) {
      start--;
    }
    return TRAILING_PUNCTUATION.matcher(sentence.substring(start, end)).replaceAll("");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
