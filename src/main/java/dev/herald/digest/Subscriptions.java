package dev.herald.digest;

import dev.herald.store.ChatStore;
import dev.herald.store.Subscription;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The chats' digest subscriptions and time zones: subscribing plans the first digest, and a new time
 * zone re-plans every digest of the chat so that "daily 08:00" means 08:00 where the chat is.
 */
public final class Subscriptions {

  private final ChatStore store;
  private final DigestSettings settings;
  private final UnaryOperator<String> topicKey;
  private final Clock clock;

  /** Creates the service; {@code topicKey} normalises topics so that one topic is one subscription. */
  public Subscriptions(ChatStore store, DigestSettings settings, UnaryOperator<String> topicKey, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.topicKey = topicKey;
    this.clock = clock;
  }

  /** The chat state store underneath. */
  public ChatStore store() {
    return store;
  }

  /** The chat's time zone: the one it set, else UTC. */
  public ZoneId zoneOf(long chat) {
    return store.zone(chat).map(ZoneId::of).orElse(ZoneOffset.UTC);
  }

  /**
   * Sets the chat's time zone from an IANA name and re-plans its digests; returns the zone.
   *
   * @throws IllegalArgumentException with a message for the user when the name is not a zone
   */
  public ZoneId setZone(long chat, String name) {
    ZoneId zone;
    try {
      zone = ZoneId.of(name.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + name.strip() + "' is not a time zone: use an IANA name such as Europe/Kyiv or America/New_York");
    }
    Instant now = clock.instant();
    store.setZone(chat, zone.getId(), now);
    for (Subscription s : store.subscriptions(chat)) {
      store.reschedule(s.id(), Schedule.parse(s.schedule()).nextAfter(now, zone));
    }
    return zone;
  }

  /**
   * Subscribes the chat to digests on a topic on a schedule (empty for the default), or changes the
   * schedule of its subscription; the first digest covers the default window before it.
   *
   * @throws IllegalArgumentException with a message for the user when the topic, schedule or count is wrong
   */
  public Subscription subscribe(long chat, boolean group, String topic, String scheduleSpec) {
    String t = topic.strip();
    String key = topicKey.apply(t);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("'" + t + "' has no words to search for: name a topic, e.g. /subscribe Ukraine talks daily 08:00");
    }
    Schedule schedule = Schedule.parse(scheduleSpec);
    List<Subscription> existing = store.subscriptions(chat);
    if (existing.size() >= settings.maxSubscriptions() && existing.stream().noneMatch(s -> topicKey.apply(s.topic()).equals(key))) {
      throw new IllegalArgumentException("This chat already has " + existing.size()
          + " subscriptions, the most allowed: /unsubscribe one first.");
    }
    Instant now = clock.instant();
    return store.subscribe(chat, group, t, key, schedule.spec(), now.minus(settings.defaultWindow()),
        schedule.nextAfter(now, zoneOf(chat)), now);
  }

  /** Ends the chat's subscription to a topic; returns whether it had one. */
  public boolean unsubscribe(long chat, String topic) {
    return store.unsubscribe(chat, topicKey.apply(topic.strip()));
  }

  /** The chat's subscriptions, oldest first. */
  public List<Subscription> list(long chat) {
    return store.subscriptions(chat);
  }

  /** The chat's subscription to a topic, if any. */
  public Optional<Subscription> find(long chat, String topic) {
    String key = topicKey.apply(topic.strip());
    return list(chat).stream().filter(s -> topicKey.apply(s.topic()).equals(key)).findFirst();
  }
}
