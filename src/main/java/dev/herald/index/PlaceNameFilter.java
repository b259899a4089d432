package dev.herald.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Makes the names of a country and its adjective one term, so that a question saying "Russian" and "US"
 * meets an article saying "Russia's" and "the United States": "US", "U.S.", "USA", "United States" and
 * "American" become {@code unitedstates}; "UK", "United Kingdom" and "British" become {@code britain};
 * "Russian(s)" becomes {@code russia}, "Ukrainian(s)" {@code ukraine}, and so on. Runs before lower-casing,
 * so that "US" is told from the pronoun "us".
 */
public final class PlaceNameFilter extends TokenFilter {

  /** Bumped whenever what this filter (or the analysis around it) does changes: indexes record it. */
  public static final String ANALYSIS_VERSION = "2";

  private static final Map<String, String> CASED = Map.of(
      "US", "unitedstates", "U.S", "unitedstates", "U.S.", "unitedstates", "USA", "unitedstates", "U.S.A", "unitedstates",
      "UK", "britain", "U.K", "britain", "U.K.", "britain");
  private static final Map<String, String> ADJECTIVES = new HashMap<>();

  static {
    String[][] pairs = {
        {"unitedstates", "american", "americans"}, {"britain", "british", "briton", "britons", "brit", "brits"},
        {"russia", "russian", "russians"}, {"ukraine", "ukrainian", "ukrainians"}, {"china", "chinese"},
        {"israel", "israeli", "israelis"}, {"iran", "iranian", "iranians"}, {"palestine", "palestinian", "palestinians"},
        {"france", "french"}, {"germany", "german", "germans"}, {"japan", "japanese"}, {"india", "indian", "indians"},
        {"europe", "european", "europeans"}, {"syria", "syrian", "syrians"}, {"canada", "canadian", "canadians"},
        {"mexico", "mexican", "mexicans"}, {"italy", "italian", "italians"}, {"spain", "spanish"}, {"turkey", "turkish"},
        {"korea", "korean", "koreans"}, {"venezuela", "venezuelan", "venezuelans"}, {"brazil", "brazilian", "brazilians"},
        {"switzerland", "swiss"}, {"netherlands", "dutch"}, {"australia", "australian", "australians"},
        {"egypt", "egyptian", "egyptians"}, {"qatar", "qatari", "qataris"}, {"afghanistan", "afghan", "afghans"},
        {"pakistan", "pakistani", "pakistanis"}, {"nigeria", "nigerian", "nigerians"}, {"colombia", "colombian", "colombians"},
        {"cuba", "cuban", "cubans"}, {"greece", "greek", "greeks"}, {"ireland", "irish"}, {"sweden", "swedish", "swedes"},
        {"norway", "norwegian", "norwegians"}, {"finland", "finnish", "finns"}, {"denmark", "danish", "danes"},
        {"hungary", "hungarian", "hungarians"}, {"belarus", "belarusian", "belarusians"}, {"lebanon", "lebanese"},
        {"iraq", "iraqi", "iraqis"}, {"yemen", "yemeni", "yemenis"}, {"sudan", "sudanese"}, {"ethiopia", "ethiopian", "ethiopians"},
        {"kenya", "kenyan", "kenyans"}, {"taiwan", "taiwanese"}, {"vietnam", "vietnamese"}, {"philippines", "filipino", "filipinos"},
        {"thailand", "thai"}, {"indonesia", "indonesian", "indonesians"}, {"argentina", "argentine", "argentinian", "argentines"},
        {"chile", "chilean", "chileans"}, {"peru", "peruvian", "peruvians"}, {"haiti", "haitian", "haitians"},
        {"saudi", "saudis"}, {"poland", "poles"}, {"portugal", "portuguese"}, {"austria", "austrian", "austrians"},
        {"belgium", "belgian", "belgians"}, {"romania", "romanian", "romanians"}, {"serbia", "serbian", "serbians", "serbs"},
        {"georgia", "georgian", "georgians"}, {"armenia", "armenian", "armenians"}, {"azerbaijan", "azerbaijani", "azerbaijanis"},
        {"kazakhstan", "kazakh"}, {"morocco", "moroccan", "moroccans"}, {"algeria", "algerian", "algerians"},
        {"libya", "libyan", "libyans"}, {"somalia", "somali", "somalis"}, {"jordan", "jordanian", "jordanians"}};
    for (String[] p : pairs) {
      for (int i = 1; i < p.length; i++) {
        ADJECTIVES.put(p[i], p[0]);
      }
    }
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private AttributeSource.State pending;

  /** Wraps {@code input}, which must still be in its original case. */
  public PlaceNameFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      map();
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!capitalised()) {
      return true;
    }
    String t = term.toString();
    if (t.equals("United")) {
      // "United States" and "United Kingdom" are one name: look at the next token.
      AttributeSource.State united = captureState();
      int start = offset.startOffset();
      if (input.incrementToken()) {
        String next = term.toString();
        if (next.equals("States") || next.equals("Kingdom")) {
          int end = offset.endOffset();
          restoreState(united);
          term.setEmpty().append(next.equals("States") ? "unitedstates" : "britain");
          offset.setOffset(start, end);
          return true;
        }
        pending = captureState();
      }
      restoreState(united);
      return true;
    }
    map();
    return true;
  }

  /** Every name this filter maps starts with a capital: other tokens pass without a string being made. */
  private boolean capitalised() {
    return term.length() > 0 && Character.isUpperCase(term.buffer()[0]);
  }

  private void map() {
    if (!capitalised()) {
      return;
    }
    String t = term.toString();
    String cased = CASED.get(t);
    if (cased != null) {
      term.setEmpty().append(cased);
      return;
    }
    if (t.length() > 3 && Character.isUpperCase(t.charAt(0))) {
      String place = ADJECTIVES.get(t.toLowerCase(Locale.ROOT));
      if (place != null) {
        term.setEmpty().append(place);
      }
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }
}
