package dev.herald.verify;

import java.util.BitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in a text and puts them in one form, so that "$12.6 million", "$12,600,000" and
 * "12.6m dollars" compare equal and "$126 million" does not; "405 million euros" equals "€405m",
 * "two-thirds" equals "66.7%" within rounding, "a quarter point" equals "25 basis points", and a score
 * "5-4" equals "five votes to four". Dates are found by {@link Dates}; mask them out first.
 */
public final class Numbers {

  /** What a number counts. */
  public enum Kind {
    /** A count or an amount of money (with or without a currency). */
    AMOUNT,
    /** A percentage, stored in per cent. */
    PERCENT,
    /** Percentage points (basis points divided by 100). */
    POINTS,
    /** A fraction written in words ("two-thirds", "a quarter of"), stored as a share of 1. */
    FRACTION,
    /** An ordinal ("eighth", "19th"). */
    ORDINAL,
    /** A score or vote ("5-4", "222 votes to 209"), stored as {@code value} and {@code other}. */
    SCORE,
    /** A multiple ("doubled", "tripling", "twice"). */
    MULTIPLE,
    /** A year. */
    YEAR
  }

  /**
   * One number found in a text.
   *
   * @param kind what it counts
   * @param value its value, scale applied (12.6 million is 12600000)
   * @param other the second number of a score, else 0
   * @param currency ISO code of the currency, or {@code null}
   * @param precision half of this is the rounding the writer may have done (1 for "42", 0.1 for "4.2", 1000 for "about 2,000")
   * @param start offset in the text
   * @param end end offset in the text
   * @param unit the unit of time written right after it ("day" for "43-day" or "five days"), or {@code null}
   */
  public record Mention(Kind kind, double value, double other, String currency, double precision, int start, int end, String unit) {
    /** A number without a unit of time. */
    public Mention(Kind kind, double value, double other, String currency, double precision, int start, int end) {
      this(kind, value, other, currency, precision, start, end, null);
    }

    /** Returns a copy with a unit. */
    Mention withUnit(String u) {
      return new Mention(kind, value, other, currency, precision, start, end, u);
    }
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
      Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
      Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
      Map.entry("eighty", 80), Map.entry("ninety", 90));
  // "first" is left out on purpose: it is far more often "the first time" than a count.
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(
      Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
      Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
      Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
      Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16), Map.entry("seventeenth", 17),
      Map.entry("eighteenth", 18), Map.entry("nineteenth", 19), Map.entry("twentieth", 20));
  private static final Map<String, Double> SCALES = Map.of(
      "thousand", 1e3, "million", 1e6, "billion", 1e9, "trillion", 1e12, "k", 1e3, "m", 1e6, "mn", 1e6, "bn", 1e9, "tn", 1e12);
  private static final Map<String, Integer> MULTIPLES = Map.ofEntries(
      Map.entry("twice", 2), Map.entry("double", 2), Map.entry("doubled", 2), Map.entry("doubles", 2),
      Map.entry("doubling", 2), Map.entry("twofold", 2), Map.entry("triple", 3), Map.entry("tripled", 3),
      Map.entry("triples", 3), Map.entry("tripling", 3), Map.entry("threefold", 3), Map.entry("quadruple", 4),
      Map.entry("quadrupled", 4), Map.entry("quadrupling", 4), Map.entry("fourfold", 4));
  private static final Map<String, Double> FRACTIONS = Map.of(
      "half", 0.5, "halves", 0.5, "third", 1 / 3.0, "thirds", 1 / 3.0, "quarter", 0.25, "quarters", 0.25);

  private static final Pattern DIGITS = Pattern.compile("(US\\$|\\$|€|£)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(½)?");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:-[A-Za-z]+)*");
  private static final Pattern SCORE = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,$€£\\-–])(\\d{1,3}½?)\\s?[-–]\\s?(\\d{1,3}½?)(?![\\p{N}%½]|[.,]\\d|\\s?(?:%|per ?cent|percent))");
  private static final String NUMBER_WORD = "\\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty";
  private static final Pattern VOTES = Pattern.compile(
      "\\b(" + NUMBER_WORD + ")\\s+votes?\\s+to\\s+(" + NUMBER_WORD + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPROXIMATE = Pattern.compile(
      "(?:about|around|roughly|nearly|almost|some|approximately|close to|more than|over|under|less than|fewer than|"
          + "at least|up to|just over|just under|estimated|an estimated|well over|some)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PERCENT_AFTER = Pattern.compile("^\\s?(?:%|per ?cent\\b|percent\\b)");
  private static final Pattern POINTS_AFTER = Pattern.compile("^(?:\\s|-)?(?:percentage[\\s-]points?|points?)\\b");
  private static final Pattern BASIS_AFTER = Pattern.compile("^\\s?(?:basis[\\s-]points?|bps?)\\b");
  private static final Pattern ORDINAL_AFTER = Pattern.compile("^(?:st|nd|rd|th)\\b");
  private static final Pattern SCALE_AFTER = Pattern.compile("^\\s?(thousand|million|billion|trillion)\\b|^(k|m|mn|bn|tn)\\b");
  private static final Pattern MEGA_AFTER = Pattern.compile("^[\\s-]?(mega|giga)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CURRENCY_AFTER = Pattern.compile("^\\s?(dollars?|euros?|pounds?|kronor|kroner|yen|yuan|rupees?)\\b");
  private static final Pattern TIME_UNIT_AFTER = Pattern.compile(
      "^(?:\\s|-)(second|minute|hour|day|week|month|year|decade|centur)(?:s|y|ies)?\\b", Pattern.CASE_INSENSITIVE);
  // Units of measure and of frequency: "1,500 kilometres" is not "1,500 miles", "700 million weekly users" not daily ones.
  private static final Pattern MEASURE_UNIT_AFTER = Pattern.compile(
      "^(?:\\s|-)(miles?\\s+(?:per|an)\\s+hour|mph|km/h|kph|kilomet(?:re|er)s?\\s+(?:per|an)\\s+hour|miles?|kilomet(?:re|er)s?|km"
          + "|met(?:re|er)s?|feet|foot|ft|tonnes?|tons?|kilograms?|kg|daily|weekly|monthly|yearly|annual)(?![\\p{L}/])",
      Pattern.CASE_INSENSITIVE);
  // "(three-quarters) of a trillion", "(half) a million": a fraction of one of a scale word.
  private static final Pattern SCALE_OF = Pattern.compile("\\s+(?:of\\s+)?(?:a|an|one)\\s+(thousand|million|billion|trillion)\\b",
      Pattern.CASE_INSENSITIVE);
  // Between the two figures of a range: "4.00–4.25%", "5 to 6 million", "between 4 and 4.25%".
  private static final Pattern RANGE_TO = Pattern.compile("\\s?[-–—]\\s?|\\s+to\\s+");
  private static final Pattern RANGE_AND = Pattern.compile("\\s+and\\s+");
  private static final Pattern BETWEEN = Pattern.compile("\\bbetween\\s+(?:US\\$|\\$|€|£)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCALE_IN = Pattern.compile("\\b(thousand|million|billion|trillion)\\b|\\d(k|m|mn|bn|tn)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FRACTION_POINTS_AFTER = Pattern.compile(
      "^(?:\\s|-)?(?:of\\s+a\\s+)?(?:percentage[\\s-])?points?\\b|^\\s+a\\s+percentage\\s+points?\\b");

  private Numbers() {}

  /**
   * Finds the numbers in {@code text}. With {@code claim} true, the word "one" alone is not taken as a
   * number ("one of the biggest") and the pairs of a score are not also taken one by one.
   */
  public static List<Mention> find(String text, boolean claim) {
    List<Mention> out = new ArrayList<>();
    BitSet used = new BitSet(text.length() + 1);
    scores(text, claim, out, used);
    digits(text, out, used);
    words(text, claim, out, used);
    out.replaceAll(m -> {
      // "five weeks" is not "five months": a count of time keeps its unit.
      String after = text.substring(Math.min(m.end(), text.length()));
      Matcher u = TIME_UNIT_AFTER.matcher(after);
      if (m.kind() == Kind.AMOUNT && u.find()) {
        return m.withUnit(u.group(1).toLowerCase(Locale.ROOT));
      }
      Matcher w = MEASURE_UNIT_AFTER.matcher(after);
      return m.kind() == Kind.AMOUNT && m.currency() == null && w.find() ? m.withUnit(measure(w.group(1))) : m;
    });
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    ranges(text, out);
    return out;
  }

  /**
   * The first figure of a range takes the unit of the second: "4.00–4.25%" and "between 4 and 4.25%" are 4.00% to
   * 4.25%, "5 to 6 million" five million to six, "20 to 30 euros" 20 euros to 30; a currency written before the
   * first passes to the second ("$5-6 billion"). A scale passes only to a smaller first figure ("2,000 to 3 million"
   * is no range of millions).
   */
  private static void ranges(String text, List<Mention> out) {
    for (int k = 0; k + 1 < out.size(); k++) {
      Mention a = out.get(k);
      Mention b = out.get(k + 1);
      if (a.kind() != Kind.AMOUNT || a.end() > b.start()) {
        continue;
      }
      String between = text.substring(a.end(), b.start());
      boolean range = RANGE_TO.matcher(between).matches()
          || RANGE_AND.matcher(between).matches() && BETWEEN.matcher(text.substring(0, a.start())).find();
      if (!range) {
        continue;
      }
      String written = text.substring(a.start(), a.end());
      if (b.kind() == Kind.PERCENT || b.kind() == Kind.POINTS) {
        if (a.currency() == null && !SCALE_IN.matcher(written).find()) {
          out.set(k, new Mention(b.kind(), a.value(), 0, null, a.precision(), a.start(), a.end()));
        }
        continue;
      }
      if (b.kind() != Kind.AMOUNT || a.unit() != null) {
        continue;
      }
      String currency = a.currency() != null ? a.currency() : b.currency();
      if (a.currency() != null && b.currency() != null && !a.currency().equals(b.currency())) {
        continue;
      }
      double value = a.value();
      double precision = a.precision();
      Matcher sc = SCALE_IN.matcher(text.substring(b.start(), b.end()));
      if (!SCALE_IN.matcher(written).find() && sc.find()) {
        double scale = SCALES.get((sc.group(1) != null ? sc.group(1) : sc.group(2)).toLowerCase(Locale.ROOT));
        if (a.value() > b.value() / scale) {
          continue;
        }
        value *= scale;
        precision *= scale;
      }
      out.set(k, new Mention(Kind.AMOUNT, value, 0, currency, precision, a.start(), a.end(), a.unit()));
      if (b.currency() == null && currency != null && b.unit() == null) {
        // "$5-6 billion": the second figure takes the first's currency
        out.set(k + 1, new Mention(Kind.AMOUNT, b.value(), 0, currency, b.precision(), b.start(), b.end()));
      }
    }
  }

  private static void scores(String text, boolean claim, List<Mention> out, BitSet used) {
    for (Pattern p : List.of(SCORE, VOTES)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (!used.get(m.start(), m.end()).isEmpty()) {
          continue;
        }
        double a = parseSimple(m.group(1));
        double b = parseSimple(m.group(2));
        out.add(new Mention(Kind.SCORE, a, b, null, 1, m.start(), m.end()));
        used.set(m.start(), m.end());
        if (!claim && p == VOTES) {
          // A source's "222 votes to 209" also says that 222 voted for it; a score "5-4" is no count of four things.
          out.add(new Mention(Kind.AMOUNT, a, 0, null, 1, m.start(1), m.end(1)));
          out.add(new Mention(Kind.AMOUNT, b, 0, null, 1, m.start(2), m.end(2)));
        }
      }
    }
  }

  /** The value of a number word from "zero" to "ninety" (lower case), or null. */
  static Integer word(String w) {
    return UNITS.get(w);
  }

  private static double parseSimple(String s) {
    String w = s.toLowerCase(Locale.ROOT);
    if (UNITS.containsKey(w)) {
      return UNITS.get(w);
    }
    double half = w.endsWith("½") ? 0.5 : 0;
    return Double.parseDouble(w.replace("½", "")) + half;
  }

  private static void digits(String text, List<Mention> out, BitSet used) {
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      int start = m.start();
      int numStart = m.start(2);
      if (!used.get(start, m.end()).isEmpty() || glued(text, numStart)) {
        continue;
      }
      if (m.end() < text.length() && text.charAt(m.end()) == ':' && m.end() + 1 < text.length()
          && Character.isDigit(text.charAt(m.end() + 1))) {
        continue; // a time of day
      }
      String num = m.group(2);
      double value = Double.parseDouble(num.replace(",", ""));
      int decimals = num.contains(".") ? num.length() - num.indexOf('.') - 1 : 0;
      if (m.group(3) != null) {
        value += 0.5;
        decimals = 1;
      }
      String currency = currency(m.group(1));
      String rest = text.substring(m.end());
      int end = m.end();
      Kind kind = Kind.AMOUNT;
      double scale = 1;
      Matcher a;
      if ((a = PERCENT_AFTER.matcher(rest)).find()) {
        kind = Kind.PERCENT;
        end += a.end();
      } else if ((a = BASIS_AFTER.matcher(rest)).find()) {
        kind = Kind.POINTS;
        scale = 0.01;
        end += a.end();
      } else if ((a = POINTS_AFTER.matcher(rest)).find()) {
        kind = Kind.POINTS;
        end += a.end();
      } else if ((a = ORDINAL_AFTER.matcher(rest)).find()) {
        kind = Kind.ORDINAL;
        end += a.end();
      } else {
        if ((a = SCALE_AFTER.matcher(rest)).find()) {
          scale = SCALES.get(a.group(1) != null ? a.group(1) : a.group(2));
          end += a.end();
          rest = text.substring(end);
        } else if ((a = MEGA_AFTER.matcher(rest)).find()) {
          scale = a.group(1).equalsIgnoreCase("mega") ? 1e6 : 1e9;
        }
        if ((a = CURRENCY_AFTER.matcher(rest)).find()) {
          currency = currency(a.group(1));
          end += a.end();
          rest = text.substring(end);
        }
        if (!rest.isEmpty() && Character.isLetter(rest.charAt(0)) && scale == 1) {
          continue; // "3I", "1990s", "5G": a name or a code, not a quantity
        }
        if (scale == 1 && currency == null && decimals == 0 && !num.contains(",") && value >= 1800 && value <= 2100) {
          kind = Kind.YEAR;
        }
      }
      double precision = Math.pow(10, -decimals) * scale;
      if (kind != Kind.YEAR && kind != Kind.ORDINAL && approximate(text, start)) {
        precision *= Math.pow(10, trailingZeros(num));
      }
      out.add(new Mention(kind, value * scale, 0, currency, precision, start, end));
      used.set(start, end);
    }
  }

  // A number written straight after a letter ("D66", "G7") or a letter and a hyphen ("B-2", "GPT-5") is part of a name.
  private static boolean glued(String text, int numStart) {
    if (numStart == 0) {
      return false;
    }
    char before = text.charAt(numStart - 1);
    if (Character.isLetter(before) || Character.isDigit(before) || before == '.' || before == '/') {
      return true;
    }
    return (before == '-' || before == '–') && numStart >= 2 && Character.isLetter(text.charAt(numStart - 2));
  }

  private static void words(String text, boolean claim, List<Mention> out, BitSet used) {
    Matcher m = WORD.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < spans.size(); i++) {
      int s = spans.get(i)[0];
      int e = spans.get(i)[1];
      if (!used.get(s, e).isEmpty()) {
        continue;
      }
      String w = text.substring(s, e).toLowerCase(Locale.ROOT);
      String next = i + 1 < spans.size() ? text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1]).toLowerCase(Locale.ROOT) : "";
      String prev = i > 0 ? text.substring(spans.get(i - 1)[0], spans.get(i - 1)[1]).toLowerCase(Locale.ROOT) : "";
      if (MULTIPLES.containsKey(w)) {
        out.add(new Mention(Kind.MULTIPLE, MULTIPLES.get(w), 0, null, 1, s, e));
        continue;
      }
      if (w.equals("dozen") && (prev.equals("a") || prev.equals("one"))) {
        out.add(new Mention(Kind.AMOUNT, 12, 0, null, 1, s, e));
        continue;
      }
      // "a decade" is ten years, "a century" a hundred: a span of time written as a word.
      if ((w.equals("decade") || w.equals("century")) && (prev.equals("a") || prev.equals("one"))) {
        out.add(new Mention(Kind.AMOUNT, w.equals("decade") ? 10 : 100, 0, null, 1, s, e, "year"));
        continue;
      }
      Mention f = fraction(text, spans, i, w, prev, next);
      if (f == null && w.equals("half")) {
        // "half a million": half of one of a scale word, without "of"
        f = new Mention(Kind.FRACTION, 0.5, 0, null, 0.01, s, e);
        if (!SCALE_OF.matcher(text.substring(e)).lookingAt()) {
          f = null;
        }
      }
      if (f != null && f.kind() == Kind.FRACTION) {
        f = ofScale(text, f);
      }
      if (f != null) {
        out.add(f);
        used.set(f.start(), f.end());
        continue;
      }
      if (ORDINALS.containsKey(w)) {
        out.add(new Mention(Kind.ORDINAL, ORDINALS.get(w), 0, null, 1, s, e));
        continue;
      }
      if (w.contains("-")) {
        // "twenty-first", "thirty-three", "two-time", "64-year-old" style compounds
        String[] parts = w.split("-");
        if (parts.length >= 2 && UNITS.containsKey(parts[0]) && ORDINALS.containsKey(parts[1])) {
          out.add(new Mention(Kind.ORDINAL, UNITS.get(parts[0]) + ORDINALS.get(parts[1]), 0, null, 1, s, e));
          continue;
        }
      }
      if (w.contains("-") && cardinal(w) == null && UNITS.containsKey(w.split("-")[0]) && !(claim && w.startsWith("one-"))) {
        // "ten-year", "two-time", "64-year-old" in words: the number, and its unit of time if it has one
        String[] parts = w.split("-");
        Matcher u = TIME_UNIT_AFTER.matcher("-" + parts[1]);
        out.add(new Mention(Kind.AMOUNT, UNITS.get(parts[0]), 0, null, 1, s, s + parts[0].length(),
            u.find() ? u.group(1).toLowerCase(Locale.ROOT) : null));
        continue;
      }
      int j = i;
      double total = 0;
      double current = 0;
      boolean any = false;
      int last = e;
      while (j < spans.size()) {
        String t = text.substring(spans.get(j)[0], spans.get(j)[1]).toLowerCase(Locale.ROOT);
        Double v = cardinal(t);
        if (v != null) {
          current += v;
          any = true;
          last = spans.get(j)[1];
          j++;
        } else if (any && t.equals("hundred")) {
          current = Math.max(current, 1) * 100;
          last = spans.get(j)[1];
          j++;
        } else if (any && SCALES.containsKey(t) && t.length() > 2) {
          total += Math.max(current, 1) * SCALES.get(t);
          current = 0;
          last = spans.get(j)[1];
          j++;
        } else if (any && t.equals("and") && j + 1 < spans.size()
            && cardinal(text.substring(spans.get(j + 1)[0], spans.get(j + 1)[1]).toLowerCase(Locale.ROOT)) != null) {
          j++;
        } else if (any && t.equals("and") && j + 2 < spans.size()
            && text.substring(spans.get(j + 1)[0], spans.get(j + 2)[1]).toLowerCase(Locale.ROOT).equals("a half")) {
          current += 0.5;
          last = spans.get(j + 2)[1];
          j += 3;
        } else {
          break;
        }
      }
      if (!any) {
        continue;
      }
      double value = total + current;
      boolean lone = j == i + 1 && w.equals("one");
      if (lone && claim) {
        continue; // "one of the biggest", "one year": not a count worth checking
      }
      Kind kind = Kind.AMOUNT;
      int end = last;
      Matcher pc = PERCENT_AFTER.matcher(text.substring(last));
      if (pc.find()) {
        kind = Kind.PERCENT;
        end = last + pc.end();
      }
      String currency = null;
      Matcher cur = CURRENCY_AFTER.matcher(text.substring(end));
      if (kind == Kind.AMOUNT && cur.find()) {
        currency = currency(cur.group(1));
        end += cur.end();
      }
      out.add(new Mention(kind, value, 0, currency, value % 1 != 0 ? 0.1 : 1, s, end));
      used.set(s, end);
      i = j - 1;
    }
  }

  private static Double cardinal(String w) {
    if (UNITS.containsKey(w)) {
      return (double) UNITS.get(w);
    }
    String[] parts = w.split("-");
    if (parts.length == 2 && UNITS.containsKey(parts[0]) && UNITS.containsKey(parts[1]) && UNITS.get(parts[0]) >= 20
        && UNITS.get(parts[1]) < 10) {
      return (double) UNITS.get(parts[0]) + UNITS.get(parts[1]);
    }
    return null;
  }

  // "half", "quarter" and "third" are numbers only in the shapes below; "the first half" or "third quarter" are not.
  private static Mention fraction(String text, List<int[]> spans, int i, String w, String prev, String next) {
    int s = spans.get(i)[0];
    int e = spans.get(i)[1];
    String[] parts = w.split("-");
    double value;
    if (parts.length == 2 && UNITS.containsKey(parts[0]) && FRACTIONS.containsKey(parts[1])) {
      value = UNITS.get(parts[0]) * FRACTIONS.get(parts[1]);
    } else if (parts.length == 2 && FRACTIONS.containsKey(parts[0]) && parts[1].equals("point")) {
      return new Mention(Kind.POINTS, FRACTIONS.get(parts[0]), 0, null, 0.01, s, e);
    } else if (FRACTIONS.containsKey(w) && !w.startsWith("third")) {
      Matcher pts = FRACTION_POINTS_AFTER.matcher(text.substring(e));
      if (pts.find()) {
        return new Mention(Kind.POINTS, FRACTIONS.get(w), 0, null, 0.01, s, e + pts.end());
      }
      if (!next.equals("of")) {
        return null;
      }
      value = FRACTIONS.get(w);
    } else if (w.equals("third") && (prev.equals("a") || prev.equals("one")) && next.equals("of")) {
      value = 1 / 3.0;
    } else {
      return null;
    }
    return new Mention(Kind.FRACTION, value, 0, null, 0.01, s, e);
  }

  /**
   * A fraction of one of a scale word is an amount: "three-quarters of a trillion dollars" is $750 billion, "half a
   * million" 500,000, "a third of a billion" 333 million; rounded to a hundredth of the scale. Any other fraction is
   * returned as it is.
   */
  private static Mention ofScale(String text, Mention f) {
    Matcher m = SCALE_OF.matcher(text.substring(f.end()));
    if (!m.lookingAt()) {
      return f;
    }
    double scale = SCALES.get(m.group(1).toLowerCase(Locale.ROOT));
    int end = f.end() + m.end();
    String currency = null;
    Matcher cur = CURRENCY_AFTER.matcher(text.substring(end));
    if (cur.find()) {
      currency = currency(cur.group(1));
      end += cur.end();
    }
    return new Mention(Kind.AMOUNT, f.value() * scale, 0, currency, scale / 100, f.start(), end);
  }

  // "two days after", "Nine months before", "three weeks earlier": a span of time between two events.
  private static final Pattern ELAPSED_AFTER = Pattern.compile(
      "^(?:\\s|-)(?:day|week|month|year)s?\\s+(?:after|before|later|earlier)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Whether {@code m}, found in {@code text}, is a span of time between two events given exactly ("two days after the
   * Senate passed it", "Nine months after losing $589 billion"), not loosely ("about three months after"): a number
   * that a difference of two dates can state. Its unit is {@code m.unit()}.
   */
  public static boolean elapsed(String text, Mention m) {
    return m.kind() == Kind.AMOUNT && m.unit() != null && m.currency() == null && m.precision() == 1 && m.value() >= 1
        && ELAPSED_AFTER.matcher(text.substring(Math.min(m.end(), text.length()))).lookingAt() && !approximate(text, m.start());
  }

  // "a seven-point lead", "a 13-vote margin"; "won by 13 votes", "a lead of seven points": the difference of a score.
  private static final Pattern MARGIN_AFTER = Pattern.compile(
      "^[\\s-](?:point|vote|goal|run|seat|stroke|shot)s?[\\s-](?:lead|margin|advantage|win|victory|deficit|gap|cushion)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MARGIN_UNIT = Pattern.compile("^\\s+(?:points|votes|goals|runs|seats|strokes|shots)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MARGIN_BEFORE = Pattern.compile(
      "\\b(?:by|(?:lead|margin|advantage|deficit|gap|cushion)\\s+of)\\s+$", Pattern.CASE_INSENSITIVE);

  /**
   * Whether {@code m}, found in {@code text}, is a margin ("a seven-point lead", "won by 13 votes") that the score
   * {@code s} ("11½-4½", "222 votes to 209") states as the difference of its two figures.
   */
  public static boolean marginOf(String text, Mention m, Mention s) {
    if (s.kind() != Kind.SCORE || m.kind() != Kind.AMOUNT || m.currency() != null || m.unit() != null) {
      return false;
    }
    String after = text.substring(Math.min(m.end(), text.length()));
    boolean margin = MARGIN_AFTER.matcher(after).lookingAt()
        || MARGIN_UNIT.matcher(after).lookingAt() && MARGIN_BEFORE.matcher(text.substring(0, m.start())).find();
    return margin && Math.abs(Math.abs(s.value() - s.other()) - m.value()) <= m.precision() / 2 + 1e-9;
  }

  /** Where {@code m}, found in {@code text}, ends together with the unit of time or measure written after it. */
  public static int endWithUnit(String text, Mention m) {
    if (m.unit() == null) {
      return m.end();
    }
    String after = text.substring(m.end());
    Matcher u = TIME_UNIT_AFTER.matcher(after);
    if (u.lookingAt()) {
      return m.end() + u.end();
    }
    Matcher w = MEASURE_UNIT_AFTER.matcher(after);
    return w.lookingAt() ? m.end() + w.end() : m.end();
  }

  /** True when the claim number {@code c} is the source number {@code s} as a writer may round or reformat it. */
  public static boolean matches(Mention c, Mention s) {
    if (c.unit() != null && s.unit() != null && !c.unit().equals(s.unit())) {
      if (c.kind() != Kind.AMOUNT || s.kind() != Kind.AMOUNT) {
        return false;
      }
      // Spans of time in different units match when they are the same span within the claim's rounding ("72 hours" =
      // "three days", "ten years" = "a decade", "over nine months" = "286 days").
      Double a = span(c.unit());
      Double b = span(s.unit());
      if (a != null && b != null) {
        return Math.abs(c.value() * a - s.value() * b) <= c.precision() * a / 2 + 1e-9 * Math.abs(c.value() * a);
      }
      // "150 million miles" for "roughly 240 million kilometres": a converted figure is as rounded as the looser of
      // the two, but never by more than a twentieth
      Double f = measure(c.unit(), s.unit());
      if (f == null || c.currency() != null || s.currency() != null) {
        return false;
      }
      double tolerance = Math.min(Math.max(c.precision() * f, s.precision()) / 2, Math.abs(s.value()) / 20);
      return Math.abs(c.value() * f - s.value()) <= tolerance + 1e-9 * Math.abs(s.value());
    }
    return switch (c.kind()) {
      case SCORE -> s.kind() == Kind.SCORE && (same(c.value(), s.value()) && same(c.other(), s.other())
          || same(c.value(), s.other()) && same(c.other(), s.value()));
      case ORDINAL -> s.kind() == Kind.ORDINAL && same(c.value(), s.value());
      case YEAR -> (s.kind() == Kind.YEAR || s.kind() == Kind.AMOUNT && s.currency() == null) && same(c.value(), s.value());
      case PERCENT -> switch (s.kind()) {
        case PERCENT, POINTS -> close(c, s.value());
        case FRACTION -> Math.abs(c.value() - s.value() * 100) <= Math.max(c.precision() / 2, 0.5) + 1e-9;
        default -> false;
      };
      case FRACTION -> switch (s.kind()) {
        case PERCENT -> Math.abs(c.value() * 100 - s.value()) <= 0.5 + s.precision() / 2 + 1e-9;
        case FRACTION, POINTS -> same(c.value(), s.value());
        case AMOUNT -> s.currency() == null && same(c.value(), s.value());
        default -> false;
      };
      case POINTS -> switch (s.kind()) {
        case POINTS, PERCENT -> close(c, s.value());
        case FRACTION -> same(c.value(), s.value());
        default -> false;
      };
      case MULTIPLE -> (s.kind() == Kind.MULTIPLE || s.kind() == Kind.AMOUNT && s.currency() == null) && same(c.value(), s.value());
      case AMOUNT -> switch (s.kind()) {
        case AMOUNT -> (c.currency() == null || s.currency() == null || c.currency().equals(s.currency())) && close(c, s.value());
        case MULTIPLE, YEAR -> c.currency() == null && same(c.value(), s.value());
        // "three years in a row" restates "the third year in a row"
        case ORDINAL -> c.currency() == null && c.precision() == 1 && same(c.value(), s.value());
        default -> false;
      };
    };
  }

  // One name per unit of measure, however it is written ("kilometres", "km"; "miles per hour", "mph").
  private static String measure(String written) {
    String w = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (w.endsWith(" hour")) {
      return w.startsWith("mile") ? "mph" : "km/h";
    }
    if (w.equals("kph")) {
      return "km/h";
    }
    if (w.startsWith("kilomet") || w.equals("km")) {
      return "km";
    }
    if (w.startsWith("mile")) {
      return "mile";
    }
    if (w.startsWith("met")) {
      return "metre";
    }
    if (w.equals("feet") || w.equals("foot") || w.equals("ft")) {
      return "foot";
    }
    if (w.startsWith("ton")) {
      return "tonne";
    }
    if (w.startsWith("kilogram") || w.equals("kg")) {
      return "kg";
    }
    return w.equals("annual") ? "yearly" : w;
  }

  // Units of length (in metres), speed (in km/h) and mass (in kg), by the names measure() gives them.
  private static final Map<String, double[]> MEASURES = Map.of(
      "km", new double[] {0, 1000}, "mile", new double[] {0, 1609.344}, "metre", new double[] {0, 1}, "foot", new double[] {0, 0.3048},
      "km/h", new double[] {1, 1}, "mph", new double[] {1, 1.609344}, "kg", new double[] {2, 1}, "tonne", new double[] {2, 1000});

  /** What one {@code from} is in {@code to}, when both measure the same thing; else {@code null}. */
  private static Double measure(String from, String to) {
    double[] a = MEASURES.get(from);
    double[] b = MEASURES.get(to);
    return a == null || b == null || a[0] != b[0] ? null : a[1] / b[1];
  }

  // A unit of time in hours; a month is its mean length, 30.44 days, which the claim's rounding to half a month covers.
  private static Double span(String unit) {
    return switch (unit) {
      case "second" -> 1 / 3600.0;
      case "minute" -> 1 / 60.0;
      case "hour" -> 1.0;
      case "day" -> 24.0;
      case "week" -> 168.0;
      case "month" -> 730.5;
      case "year" -> 8766.0;
      case "decade" -> 87660.0;
      case "centur" -> 876600.0;
      default -> null;
    };
  }

  private static boolean close(Mention c, double sourceValue) {
    return Math.abs(c.value() - sourceValue) <= c.precision() / 2 + Math.abs(c.value()) * 1e-9;
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
  }

  private static boolean approximate(String text, int start) {
    String before = text.substring(Math.max(0, start - 24), start);
    return APPROXIMATE.matcher(before).find();
  }

  private static int trailingZeros(String num) {
    if (num.contains(".")) {
      return 0;
    }
    String digits = num.replace(",", "");
    int z = 0;
    for (int k = digits.length() - 1; k > 0 && digits.charAt(k) == '0'; k--) {
      z++;
    }
    return z;
  }

  private static String currency(String s) {
    if (s == null) {
      return null;
    }
    String c = s.toLowerCase(Locale.ROOT);
    if (c.equals("$") || c.equals("us$") || c.startsWith("dollar")) {
      return "USD";
    }
    if (c.equals("€") || c.startsWith("euro")) {
      return "EUR";
    }
    if (c.equals("£") || c.startsWith("pound")) {
      return "GBP";
    }
    if (c.startsWith("kron")) {
      return "SEK";
    }
    return c.toUpperCase(Locale.ROOT);
  }
}
