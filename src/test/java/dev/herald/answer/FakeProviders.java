package dev.herald.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Responses in the wire formats of the providers Herald talks to, for MockWebServer. */
public final class FakeProviders {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeProviders() {}

  /** An OpenAI chat completion whose message is {@code content}, reporting 120 + 30 tokens. */
  public static MockResponse openAi(String content) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1760616000).put("model", "gpt-test");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    o.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
    return json(200, o.toString());
  }

  /** An OpenAI server-sent event stream delivering {@code fragments} one chunk each, then usage and [DONE]. */
  public static MockResponse openAiStream(List<String> fragments) {
    StringBuilder b = new StringBuilder();
    for (String f : fragments) {
      ObjectNode o = chunk();
      ObjectNode choice = o.putArray("choices").addObject();
      choice.put("index", 0).putNull("finish_reason");
      choice.putObject("delta").put("content", f);
      b.append("data: ").append(o).append("\n\n");
    }
    ObjectNode end = chunk();
    ObjectNode choice = end.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("delta");
    end.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
    b.append("data: ").append(end).append("\n\n").append("data: [DONE]\n\n");
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(b.toString()).build();
  }

  /** An Ollama {@code /api/chat} reply (not streamed). */
  static MockResponse ollama(String content) {
    ObjectNode o = JSON.createObjectNode();
    o.put("model", "llama-test").put("created_at", "2025-10-16T12:00:00Z").put("done", true).put("done_reason", "stop");
    o.putObject("message").put("role", "assistant").put("content", content);
    o.put("prompt_eval_count", 100).put("eval_count", 20);
    return json(200, o.toString());
  }

  /** An Anthropic messages API reply. */
  static MockResponse anthropic(String content) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "claude-test");
    o.putArray("content").addObject().put("type", "text").put("text", content);
    o.put("stop_reason", "end_turn");
    o.putObject("usage").put("input_tokens", 100).put("output_tokens", 20);
    return json(200, o.toString());
  }

  /** A JSON response with a status. */
  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** The request's JSON body. */
  static JsonNode body(RecordedRequest r) throws Exception {
    return JSON.readTree(r.getBody().utf8());
  }

  /** All message texts of an OpenAI, Ollama or Anthropic request body, joined. */
  static String messages(RecordedRequest r) throws Exception {
    StringBuilder b = new StringBuilder();
    JsonNode root = body(r);
    if (root.has("system")) {
      text(root.get("system"), b);
    }
    for (JsonNode m : root.get("messages")) {
      text(m.get("content"), b);
    }
    return b.toString();
  }

  // Content is a string (OpenAI, Ollama) or a list of typed blocks (Anthropic).
  private static void text(JsonNode content, StringBuilder b) {
    if (content.isTextual()) {
      b.append(content.asText()).append('\n');
    } else if (content.isArray()) {
      for (JsonNode block : content) {
        text(block.has("text") ? block.get("text") : block, b);
      }
    }
  }

  private static ObjectNode chunk() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1760616000).put("model", "gpt-test");
    return o;
  }
}
