package dev.herald.bot;

import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Remembers each chat's previous question for a while, so that a short follow-up ("and what did Russia
 * say?") is searched together with the names (else the content words) of the earlier question. Bounded
 * in chats and words.
 */
public final class ChatMemory {

  private static final int MAX_CHATS = 10_000;
  private static final int MAX_WORDS = 12;
  private static final int FOLLOW_UP_MAX_WORDS = 7;
  private static final Set<String> FOLLOW_UP_OPENERS = Set.of("and", "but", "also", "then", "so");
  private static final Set<String> BACK_REFERENCES =
      Set.of("he", "she", "they", "it", "him", "her", "them", "his", "their", "its", "that", "this", "there", "about");

  private record Memory(List<String> words, Instant at) {}

  /** Where memories are kept: in this process, or in the state database so that they survive restarts. */
  private interface Storage {
    Memory get(long chat);

    void put(long chat, Memory m);

    void remove(long chat);
  }

  private final Duration expiry;
  private final Clock clock;
  private final QuestionAnalysis analysis;
  private final Storage chats;

  /** Creates an empty in-process memory whose entries expire after {@code expiry}. */
  public ChatMemory(Duration expiry, Clock clock, QuestionAnalysis analysis) {
    this.expiry = expiry;
    this.clock = clock;
    this.analysis = analysis;
    Map<Long, Memory> map = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Memory> eldest) {
        return size() > MAX_CHATS;
      }
    };
    this.chats = new Storage() {
      @Override
      public Memory get(long chat) {
        return map.get(chat);
      }

      @Override
      public void put(long chat, Memory m) {
        map.put(chat, m);
      }

      @Override
      public void remove(long chat) {
        map.remove(chat);
      }
    };
  }

  /** Creates a memory kept in the state database, whose entries expire after {@code expiry}. */
  public ChatMemory(Duration expiry, Clock clock, QuestionAnalysis analysis, ChatStore store) {
    this.expiry = expiry;
    this.clock = clock;
    this.analysis = analysis;
    this.chats = new Storage() {
      @Override
      public Memory get(long chat) {
        return store.memory(chat).map(r -> new Memory(r.words(), r.at())).orElse(null);
      }

      @Override
      public void put(long chat, Memory m) {
        store.remember(chat, m.words(), m.at());
      }

      @Override
      public void remove(long chat) {
        store.forgetMemory(chat);
      }
    };
  }

  /**
   * Returns the question to search for: a follow-up gets the previous question's names (or, when it had
   * none, its content words) added.
   * Either way the chat then remembers this question's content words.
   */
  public synchronized String withContext(long chat, String question) {
    Instant now = clock.instant();
    String[] words = question.strip().split("\\s+");
    Memory previous = chats.get(chat);
    String expanded = question;
    if (previous != null && now.isBefore(previous.at().plus(expiry)) && isFollowUp(words)) {
      String lower = question.toLowerCase(Locale.ROOT);
      StringBuilder b = new StringBuilder(question);
      // Names (capitalised words) carry the context without drowning the follow-up's own words;
      // other content words are carried only when the previous question named nobody.
      List<String> carried = previous.words().stream().filter(ChatMemory::isName).toList();
      for (String w : carried.isEmpty() ? previous.words() : carried) {
        if (!lower.contains(w.toLowerCase(Locale.ROOT))) {
          b.append(' ').append(w);
        }
      }
      expanded = b.toString();
    }
    List<String> content = new ArrayList<>();
    for (String w : expanded.split("\\s+")) {
      String word = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      if (!word.isEmpty() && !analysis.questionTerms(word).isEmpty() && !content.contains(word)) {
        content.add(word);
      }
    }
    if (!content.isEmpty()) {
      chats.put(chat, new Memory(List.copyOf(content.subList(Math.max(0, content.size() - MAX_WORDS), content.size())), now));
    }
    return expanded;
  }

  /** Forgets the chat's previous question. */
  public synchronized void forget(long chat) {
    chats.remove(chat);
  }

  private static boolean isName(String word) {
    return Character.isUpperCase(word.codePointAt(0));
  }

  private static boolean isFollowUp(String[] words) {
    if (words.length == 0 || words.length > FOLLOW_UP_MAX_WORDS) {
      return false;
    }
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

  private static String clean(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
  }
}
