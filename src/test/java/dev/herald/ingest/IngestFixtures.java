package dev.herald.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** Fixture feeds and pages written for the ingest tests: RSS 2.0, Atom, RDF, OPML and article HTML. */
final class IngestFixtures {

  private IngestFixtures() {}

  /** One feed entry. */
  record Item(String title, String link, String guid, String date, String description, String content) {}

  static final String HARBOUR_TEXT = """
      The city council of Port Marlow voted on Tuesday to rebuild the old harbour bridge, which was closed \
      last winter after engineers found cracks in two of its steel supports. The new bridge will carry a \
      tram line, two cycle lanes and a wider footpath, and construction is expected to begin next spring. \
      Mayor Ilse Varga said the vote ended years of delay. "The harbour has waited long enough," she told \
      reporters outside the council chamber. Opposition members argued that the budget of 84 million euros \
      was too high and asked for an independent review of the contract. The council rejected their motion \
      by nineteen votes to eleven. Local shop owners near the waterfront welcomed the decision, saying the \
      closure had cut the number of visitors by almost a third during the summer season.""";

  static final String COMET_TEXT = """
      Astronomers at the Kestrel Ridge observatory have confirmed the discovery of a new comet that will pass \
      closest to the Sun in early March. The comet, catalogued as C/2025 K7, was first spotted by an amateur \
      observer using a small telescope in her back garden. Its orbit suggests it last visited the inner solar \
      system about four thousand years ago. Scientists said the comet could become visible to the naked eye \
      for a few days if it brightens as expected, although they warned that such forecasts are often wrong. \
      The observatory plans to publish daily brightness measurements on its website from January.""";

  static final String ORCHARD_TEXT = """
      Apple growers in the Tarn valley expect their smallest harvest in a decade after a late frost in April \
      destroyed much of the blossom. The regional farmers' union said yields could fall by forty percent, and \
      several cooperatives have asked the government for emergency support. Growers who had installed wind \
      machines and overhead sprinklers reported far smaller losses, and the union called for grants to help \
      smaller farms buy similar equipment before next spring. Prices for local apples rose sharply at the \
      weekly market in Albi, where traders said supplies were already running short.""";

  static final String FERRY_TEXT = """
      A new overnight ferry between Lindholm and the island of Saar will begin sailing in June, the operator \
      Baltic Line announced on Monday. The ship, built in a Finnish yard, has cabins for four hundred passengers \
      and space for ninety cars, and runs on liquefied natural gas. Tickets go on sale next week. Island \
      businesses have campaigned for a night service for years, saying the current day ferries leave visitors \
      too little time on Saar. The operator said it would review the timetable after the first summer.""";

  /** The wire story that three outlets carry, each with its own small changes. */
  static final String WIRE_TEXT = """
      Rescue teams in the mountain town of Velmar pulled the last of fourteen trapped miners to safety early on \
      Sunday, ending a three-day operation that drew volunteers from across the region. The miners had been cut \
      off by a rockfall in a disused section of the Greyhill tin mine, where they were carrying out a safety \
      inspection. All fourteen were taken to the regional hospital, where doctors said they were exhausted and \
      dehydrated but in stable condition. The operation's commander, Captain Anders Rolf, said teams had drilled \
      a narrow shaft to pass water, food and a telephone line to the men on the second day. "They kept each other \
      going down there," Rolf said. Relatives who had waited outside the mine entrance for three nights cheered \
      as the last man was carried out on a stretcher. The mine's owner said it would cooperate fully with an \
      investigation into the cause of the rockfall.""";

  static String outletCopy(int outlet) {
    return switch (outlet) {
      case 0 -> WIRE_TEXT;
      case 1 -> WIRE_TEXT + " Reporting by the Northern Courier news desk.";
      default -> "VELMAR (Wire) - " + WIRE_TEXT.replace("early on Sunday", "early Sunday")
          + " Additional reporting by staff.";
    };
  }

  static String rss(String title, List<Item> items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>%s</title><link>http://example.test/</link><description>fixture</description>
        %s
        </channel></rss>""".formatted(title, items.stream().map(i -> """
        <item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate>
        <dc:creator>Desk Writer</dc:creator>
        %s%s</item>""".formatted(i.title(), xml(i.link()), i.guid(), i.date(),
        i.description() == null ? "" : "<description>" + xml(i.description()) + "</description>",
        i.content() == null ? "" : "<content:encoded><![CDATA[" + i.content() + "]]></content:encoded>"))
        .collect(Collectors.joining("\n")));
  }

  static String atom(String title, List<Item> items) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title><id>urn:fixture:atom</id><updated>2025-11-01T00:00:00Z</updated>
        %s
        </feed>""".formatted(title, items.stream().map(i -> """
        <entry><title>%s</title><link rel="alternate" href="%s"/><id>%s</id><published>%s</published><updated>%s</updated>
        <author><name>Atom Author</name></author>
        %s</entry>""".formatted(i.title(), xml(i.link()), i.guid(), i.date(), i.date(),
        i.content() == null ? "<summary>" + xml(i.description()) + "</summary>" : "<content type=\"html\">" + xml(i.content()) + "</content>"))
        .collect(Collectors.joining("\n")));
  }

  static String rdf(String title, List<Item> items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel rdf:about="http://example.test/rdf"><title>%s</title><link>http://example.test/</link><description>fixture</description>
        <items><rdf:Seq>%s</rdf:Seq></items></channel>
        %s
        </rdf:RDF>""".formatted(title,
        items.stream().map(i -> "<rdf:li rdf:resource=\"" + xml(i.link()) + "\"/>").collect(Collectors.joining()),
        items.stream().map(i -> """
        <item rdf:about="%s"><title>%s</title><link>%s</link><dc:date>%s</dc:date>
        <content:encoded><![CDATA[%s]]></content:encoded></item>""".formatted(xml(i.link()), i.title(), xml(i.link()), i.date(), i.content()))
        .collect(Collectors.joining("\n")));
  }

  /** An article page with canonical link, JSON-LD date and author, wrapped in navigation boilerplate. */
  static String page(String title, String canonical, String datePublished, String text) {
    String paragraphs = java.util.Arrays.stream(text.split("(?<=\\.) (?=[A-Z\"])"))
        .map(s -> "<p>" + s + "</p>").collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s | Fixture Times</title>
        %s
        <meta property="og:site_name" content="Fixture Times">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%s","datePublished":"%s","author":{"@type":"Person","name":"Page Author"}}</script>
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article><h1>%s</h1>%s</article>
        <footer>Copyright Fixture Times. <a href="/privacy">Privacy</a></footer></body></html>"""
        .formatted(title, canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">", title,
            datePublished, title, paragraphs);
  }

  static String opml(List<String[]> feeds) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>subscriptions</title></head><body>
        <outline text="News">
        %s
        </outline></body></opml>""".formatted(feeds.stream()
        .map(f -> "<outline type=\"rss\" text=\"" + f[0] + "\" title=\"" + f[0] + "\" xmlUrl=\"" + xml(f[1]) + "\"/>")
        .collect(Collectors.joining("\n")));
  }

  static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
