package dev.herald.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.retrieve.ScoredPassage;
import java.util.List;

/** Renders results as the JSON objects documented for {@code --json}; the keys are a public contract. */
final class JsonOutput {

  static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private JsonOutput() {}

  /** The {@code herald ask --json} object. */
  static ObjectNode answer(Answer a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("question", a.question());
    o.put("as_of", a.asOf().toString());
    o.put("answer", a.text());
    o.put("abstained", a.abstained());
    o.put("mode", a.mode());
    ArrayNode cs = o.putArray("citations");
    for (Citation c : a.citations()) {
      ObjectNode n = cs.addObject();
      n.put("n", c.n());
      n.put("article_id", c.articleId());
      n.put("passage_id", c.passageId());
      n.put("title", c.title());
      n.put("url", c.url());
      n.put("source", c.source());
      n.put("published", c.published().toString());
      n.put("text", c.text());
    }
    return o;
  }

  /** The {@code herald search --json} object. */
  static ObjectNode results(List<ScoredPassage> passages) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode rs = o.putArray("results");
    int rank = 1;
    for (ScoredPassage sp : passages) {
      var p = sp.passage();
      ObjectNode n = rs.addObject();
      n.put("rank", rank++);
      n.put("score", sp.score());
      n.put("passage_id", p.id());
      n.put("article_id", p.articleId());
      n.put("title", p.title());
      n.put("url", p.url());
      n.put("source", p.source());
      n.put("published", p.published().toString());
      n.put("text", p.text());
    }
    return o;
  }

  /** Serialises a node on one line. */
  static String line(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
