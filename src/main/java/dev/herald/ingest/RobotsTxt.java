package dev.herald.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of one robots.txt that apply to Herald's user agent: longest matching Allow/Disallow prefix wins. */
public final class RobotsTxt {

  private record Rule(String prefix, boolean allow) {}

  private final List<Rule> rules;

  private RobotsTxt(List<Rule> rules) {
    this.rules = rules;
  }

  /** Rules that allow everything (no robots.txt, or a 4xx for it). */
  public static RobotsTxt allowAll() {
    return new RobotsTxt(List.of());
  }

  /** Rules that forbid everything (robots.txt unreachable, as RFC 9309 advises). */
  public static RobotsTxt disallowAll() {
    return new RobotsTxt(List.of(new Rule("/", false)));
  }

  /** Parses robots.txt, keeping the group for {@code agentToken} if there is one, else the {@code *} group. */
  public static RobotsTxt parse(String text, String agentToken) {
    String token = agentToken.toLowerCase(Locale.ROOT);
    List<Rule> specific = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean specificFound = false;
    List<String> groupAgents = new ArrayList<>();
    boolean inRules = false;
    for (String raw : text.split("\r?\n|\r")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (inRules) {
          groupAgents.clear();
          inRules = false;
        }
        groupAgents.add(value.toLowerCase(Locale.ROOT));
      } else if (key.equals("allow") || key.equals("disallow")) {
        inRules = true;
        if (value.isEmpty()) {
          continue; // an empty Disallow allows everything
        }
        Rule r = new Rule(value.replace("*", ""), key.equals("allow"));
        for (String a : groupAgents) {
          if (!a.equals("*") && token.contains(a)) {
            specific.add(r);
            specificFound = true;
          } else if (a.equals("*")) {
            star.add(r);
          }
        }
      }
    }
    return new RobotsTxt(List.copyOf(specificFound ? specific : star));
  }

  /** Returns whether the path (with query) may be fetched. */
  public boolean allows(String pathAndQuery) {
    String p = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    Rule best = null;
    for (Rule r : rules) {
      if (p.startsWith(r.prefix()) && (best == null || r.prefix().length() > best.prefix().length()
          || (r.prefix().length() == best.prefix().length() && r.allow()))) {
        best = r;
      }
    }
    return best == null || best.allow();
  }
}
