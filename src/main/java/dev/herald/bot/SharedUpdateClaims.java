package dev.herald.bot;

import dev.herald.store.Instance;
import dev.herald.store.InstanceStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Update claims in the shared state database, for several bot instances behind one webhook: an update
 * is answered by the instance whose insert of (bot id, update id) succeeded; a redelivery that reaches
 * another instance finds the row and is dropped. The row keeps the update itself until it is answered,
 * so when its holder dies another instance takes it over ({@link #takeOrphans()}) and answers it.
 */
public final class SharedUpdateClaims implements UpdateClaims {

  // How many orphans one sweep takes: the rest wait for the next sweep rather than flood the workers.
  private static final int ORPHANS_PER_SWEEP = 100;

  private final InstanceStore store;
  private final Instance instance;
  private final long botId;
  private final Clock clock;

  /** Claims updates of bot {@code botId} for {@code instance}, which must have joined a shared database. */
  public SharedUpdateClaims(Instance instance, long botId, Clock clock) {
    if (!instance.shared()) {
      throw new IllegalArgumentException("shared update claims need an instance on a shared state database");
    }
    this.store = instance.store();
    this.instance = instance;
    this.botId = botId;
    this.clock = clock;
  }

  @Override
  public boolean begin(long updateId, Long chatId, Supplier<String> payload) {
    return store.claimUpdate(botId, updateId, chatId, payload.get(), instance.id(), clock.instant());
  }

  @Override
  public void done(long updateId) {
    store.updateDone(botId, updateId, clock.instant());
  }

  @Override
  public List<String> takeOrphans() {
    return store.takeOrphans(botId, instance.id(), clock.instant(), instance.staleBefore(), ORPHANS_PER_SWEEP).stream()
        .map(InstanceStore.OpenUpdate::payload).toList();
  }

  @Override
  public boolean shared() {
    return true;
  }
}
