package dev.herald.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.answer.Development;
import java.time.Instant;
import dev.herald.answer.ComposedAnswer;
import dev.herald.answer.ExtractiveComposer;
import dev.herald.answer.TokenCounts;
import dev.herald.answer.Verification;
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
    o.put("partial", a.partial());
    o.put("mode", a.mode());
    citations(o.putArray("citations"), a.citations());
    return o;
  }

  private static void citations(ArrayNode cs, List<Citation> citations) {
    for (Citation c : citations) {
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
  }

  /** The {@code herald digest --json} object: each item a development with its own citations. */
  static ObjectNode digest(String topic, Instant since, Instant asOf, List<Development> items) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("topic", topic);
    o.put("since", since.toString());
    o.put("as_of", asOf.toString());
    ArrayNode list = o.putArray("items");
    for (Development d : items) {
      ObjectNode i = list.addObject();
      i.put("date", d.date().toString());
      i.put("summary", d.summary());
      ArrayNode outlets = i.putArray("outlets");
      d.outlets().forEach(outlets::add);
      citations(i.putArray("citations"), d.citations());
    }
    return o;
  }

  /**
   * The {@code herald ask --json} object with, when a language model is configured, its provider, model,
   * verification counts, token usage and note.
   */
  static ObjectNode answer(ComposedAnswer c) {
    ObjectNode o = answer(c.answer());
    if (ExtractiveComposer.MODE.equals(c.provider())) {
      return o;
    }
    o.put("provider", c.provider());
    o.put("model", c.model());
    Verification v = c.verification();
    ObjectNode vo = o.putObject("verification");
    vo.put("sentences", v.sentences());
    vo.put("kept", v.kept());
    vo.put("dropped", v.dropped());
    vo.put("citations_removed", v.citationsRemoved());
    vo.put("quotes_removed", v.quotesRemoved());
    vo.put("fallback", v.fallback());
    ArrayNode drops = vo.putArray("drops");
    for (Verification.Drop d : v.drops()) {
      drops.addObject().put("sentence", d.sentence()).put("rule", d.rule()).put("detail", d.detail());
    }
    Verification.JudgeReport j = v.judge();
    if (j == null) {
      vo.putNull("judge");
    } else {
      ObjectNode jo = vo.putObject("judge");
      jo.put("asked", j.asked());
      jo.put("supported", j.supported());
      jo.put("unsupported", j.unsupported());
      jo.put("failed", j.failed());
      jo.put("timed_out", j.timedOut());
      jo.put("input_tokens", j.inputTokens());
      jo.put("output_tokens", j.outputTokens());
      jo.put("ms", j.millis());
    }
    TokenCounts u = c.usage();
    if (u == null) {
      o.putNull("usage");
    } else {
      ObjectNode uo = o.putObject("usage");
      uo.put("input_tokens", u.input());
      uo.put("output_tokens", u.output());
      uo.put("total_tokens", u.total());
    }
    if (c.note() == null) {
      o.putNull("note");
    } else {
      o.put("note", c.note());
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
