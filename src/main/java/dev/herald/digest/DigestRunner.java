package dev.herald.digest;

import dev.herald.answer.Answer;
import dev.herald.answer.Development;
import dev.herald.answer.StoryLookup;
import dev.herald.answer.UpdateComposer;
import dev.herald.store.ChatStore;
import dev.herald.store.Delivery;
import dev.herald.store.Instance;
import java.util.Optional;
import dev.herald.store.Subscription;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the digests that are due, each exactly once in the normal case and at least once after a
 * crash, also when several instances share the state database (a digest claimed by one live instance is
 * left to it): a digest is claimed in the delivery log under its subscription and due time (which fixes its
 * window), then sent, then marked sent while its subscription moves on, in one transaction. A process
 * killed before the mark finds the claim on restart and sends that digest again, once; one killed after
 * it finds nothing due.
 */
public final class DigestRunner {

  private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);
  // As the single-process ledger: Telegram redelivers an update for at most 24 hours.
  private static final Duration UPDATE_CLAIM_RETENTION = Duration.ofHours(48);

  private final UpdateComposer updates;
  private final Subscriptions subscriptions;
  private final StoryLookup stories;
  private final DigestSettings settings;
  private final DigestOutbox outbox;
  private final Clock clock;
  private final Instance instance;

  /** Creates a runner composing digests with {@code updates} and sending them through {@code outbox}. */
  public DigestRunner(UpdateComposer updates, Subscriptions subscriptions, StoryLookup stories, DigestSettings settings,
      DigestOutbox outbox, Clock clock) {
    this(updates, subscriptions, stories, settings, outbox, clock, Instance.local());
  }

  /**
   * As {@link #DigestRunner(UpdateComposer, Subscriptions, StoryLookup, DigestSettings, DigestOutbox, Clock)}, for
   * {@code instance}, one of several sharing the state database: a digest another live instance has
   * claimed is left to it; one claimed by an instance that died is taken over.
   */
  public DigestRunner(UpdateComposer updates, Subscriptions subscriptions, StoryLookup stories, DigestSettings settings,
      DigestOutbox outbox, Clock clock, Instance instance) {
    this.instance = instance;
    this.updates = updates;
    this.subscriptions = subscriptions;
    this.stories = stories;
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Sends every digest due now; returns how many were sent. */
  public int runDue() throws IOException {
    Instant now = clock.instant();
    int sent = 0;
    for (Subscription s : subscriptions.store().due(now)) {
      if (runOne(s, now)) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * Deletes expired chat state: conversation memory older than {@code memoryExpiry}, and topic-asked
   * times and delivery log rows older than their configured retention.
   */
  public void purge(Duration memoryExpiry) {
    Instant now = clock.instant();
    subscriptions.store().purge(now.minus(memoryExpiry), now.minus(settings.topicMemory()), now.minus(settings.deliveryLog()));
    if (instance.shared()) {
      instance.store().purge(now.minus(UPDATE_CLAIM_RETENTION));
    }
  }

  private boolean runOne(Subscription s, Instant now) throws IOException {
    ChatStore store = subscriptions.store();
    ZoneId zone = subscriptions.zoneOf(s.chatId());
    // Missed due times (the bot was down) fold into this one digest rather than arriving in a burst.
    Instant next = Schedule.parse(s.schedule()).nextAfter(now.isAfter(s.nextDue()) ? now : s.nextDue(), zone);
    Optional<Delivery> claimed = store.claim(s, now, instance.id(), instance.staleBefore());
    if (claimed.isEmpty()) {
      return false; // another live instance is sending it
    }
    Delivery d = claimed.get();
    if (d.finished()) {
      store.reschedule(s.id(), next);
      return false;
    }
    if (d.attempts() > settings.maxAttempts()) {
      log.warn("digest {} for chat {} given up after {} attempts", s.id(), s.chatId(), settings.maxAttempts());
      store.finish(s, ChatStore.FAILED, 0, s.coveredUntil(), next, now);
      return false;
    }
    // The window is fixed at the first claim, so a digest re-sent after a crash is the same digest.
    Instant since = s.coveredUntil().plusMillis(1);
    List<Development> found = updates.developments(s.topic(), since, d.asOf(), stories);
    if (found.isEmpty() && !settings.sendEmpty()) {
      store.finish(s, ChatStore.SKIPPED, 0, d.asOf(), next, now);
      return false;
    }
    Answer digest = updates.digest(s.topic(), found, s.coveredUntil(), d.asOf(), zone);
    try {
      outbox.deliver(s.chatId(), s.group(), digest);
    } catch (IOException e) {
      // Left claimed: the next run tries again, up to the attempt limit.
      log.warn("digest {} for chat {} not delivered (attempt {}): {}", s.id(), s.chatId(), d.attempts(), e.getMessage());
      return false;
    }
    store.finish(s, ChatStore.SENT, found.size(), d.asOf(), next, clock.instant());
    return true;
  }
}
