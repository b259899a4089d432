package dev.herald.bot;

import dev.herald.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers each chat's previous question for a while, so that the question router can resolve a
 * follow-up ("and when?", "what did he say about it?") against it. Bounded in chats and words.
 */
public final class ChatMemory {

  private static final int MAX_CHATS = 10_000;
  private static final int MAX_WORDS = 40;

  private record Memory(List<String> words, Instant at) {}

  /** Where memories are kept: in this process, or in the state database so that they survive restarts. */
  private interface Storage {
    Memory get(long chat);

    void put(long chat, Memory m);

    void remove(long chat);
  }

  private final Duration expiry;
  private final Clock clock;
  private final Storage chats;

  /** Creates an empty in-process memory whose entries expire after {@code expiry}. */
  public ChatMemory(Duration expiry, Clock clock) {
    this.expiry = expiry;
    this.clock = clock;
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
  public ChatMemory(Duration expiry, Clock clock, ChatStore store) {
    this.expiry = expiry;
    this.clock = clock;
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
   * The chat's previous question (as resolved by the router, so that a second follow-up still knows what
   * the first was about), or {@code null} when there is none or it has expired.
   */
  public synchronized String previous(long chat) {
    Memory m = chats.get(chat);
    if (m == null || !clock.instant().isBefore(m.at().plus(expiry))) {
      return null;
    }
    return String.join(" ", m.words());
  }

  /** Remembers {@code question} as the chat's previous question, cut to a bounded number of words. */
  public synchronized void remember(long chat, String question) {
    String[] words = question.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return;
    }
    List<String> kept = List.of(words).subList(0, Math.min(words.length, MAX_WORDS));
    chats.put(chat, new Memory(List.copyOf(kept), clock.instant()));
  }

  /** Forgets the chat's previous question. */
  public synchronized void forget(long chat) {
    chats.remove(chat);
  }

}
