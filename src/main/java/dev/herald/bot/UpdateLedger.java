package dev.herald.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which updates were handled recently, on disk, so that no update is answered twice, also
 * across a restart. It keeps the ids themselves, not a watermark: Telegram picks the next update id at
 * random after a week without updates, so "every id below N is done" would make a restarted bot skip
 * new updates whose random id happens to be lower. Written atomically after each update.
 */
public final class UpdateLedger implements UpdateClaims {

  /** How many handled ids are kept by default: far more than Telegram can deliver again (one getUpdates batch is at most 100). */
  public static final int DEFAULT_CAPACITY = 1000;

  /**
   * How long a handled id is kept by default. Telegram keeps an unconfirmed update for 24 hours, so an
   * older one cannot come again; dropping ids after that also means a random id chosen after a week of
   * silence can never collide with a remembered one.
   */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);

  // When reading a file of the old watermark format: how many ids up to the watermark count as handled.
  // Only the last getUpdates batch (at most 100) can still be unconfirmed at Telegram.
  static final int LEGACY_IDS_BELOW_WATERMARK = 100;

  private static final String HEADER = "# herald update ledger v2: handled update id and epoch second, oldest first";
  private static final Logger log = LoggerFactory.getLogger(UpdateLedger.class);

  private final Path file;
  private final Clock clock;
  private final int capacity;
  private final Duration retention;
  // Insertion order is handling order, so the first entry is the oldest: the one to evict.
  private final LinkedHashMap<Long, Long> handled = new LinkedHashMap<>();
  private final Set<Long> inFlight = new HashSet<>();

  /** Opens the ledger at {@code file} with the default capacity and retention, reading what an earlier run left there. */
  public UpdateLedger(Path file) throws IOException {
    this(file, Clock.systemUTC(), DEFAULT_CAPACITY, DEFAULT_RETENTION);
  }

  /** Opens the ledger at {@code file}, keeping at most {@code capacity} ids for at most {@code retention}. */
  public UpdateLedger(Path file, Clock clock, int capacity, Duration retention) throws IOException {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.file = file;
    this.clock = clock;
    this.capacity = capacity;
    this.retention = retention;
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && lines.get(0).startsWith("#")) {
        readCurrent(lines);
      } else {
        readLegacy(lines, Files.getLastModifiedTime(file).toMillis() / 1000);
      }
      prune();
    }
  }

  private void readCurrent(List<String> lines) {
    int skipped = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2 && isNumber(f[0]) && isNumber(f[1])) {
        handled.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
      } else if (!line.isBlank()) {
        skipped++;
      }
    }
    if (skipped > 0) {
      log.warn("update ledger {}: ignored {} unreadable lines", file, skipped);
    }
  }

  // The old format: a watermark line (every id up to it done) and a line of ids done above it. The
  // watermark cannot be trusted for new ids, so it becomes the last ids up to it, dated when the file
  // was last written: they are forgotten once Telegram can no longer deliver them again.
  private void readLegacy(List<String> lines, long writtenAt) {
    String first = lines.isEmpty() ? "" : lines.get(0).strip();
    if (isNumber(first)) {
      long watermark = Long.parseLong(first);
      for (long id = Math.max(1, watermark - LEGACY_IDS_BELOW_WATERMARK + 1); id <= watermark; id++) {
        handled.put(id, writtenAt);
      }
    } else if (!first.isEmpty()) {
      log.warn("update ledger {}: unreadable watermark line ignored", file);
    }
    if (lines.size() > 1) {
      for (String id : lines.get(1).strip().split("\\s+")) {
        if (isNumber(id)) {
          handled.put(Long.parseLong(id), writtenAt);
        }
      }
    }
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
  }

  /** Whether {@code updateId} is among the recently handled updates. */
  public synchronized boolean handled(long updateId) {
    prune();
    return handled.containsKey(updateId);
  }

  /** How many handled ids the ledger holds now. */
  public synchronized int size() {
    prune();
    return handled.size();
  }

  /** Claims an update for handling; false when it was handled recently or is being handled. */
  public synchronized boolean begin(long updateId) {
    prune();
    if (handled.containsKey(updateId) || inFlight.contains(updateId)) {
      return false;
    }
    inFlight.add(updateId);
    return true;
  }

  /** As {@link #begin(long)}: a single process needs only the id. */
  @Override
  public boolean begin(long updateId, Long chatId, java.util.function.Supplier<String> payload) {
    return begin(updateId);
  }

  /** Records that an update was handled and persists the ledger. */
  @Override
  public synchronized void done(long updateId) {
    inFlight.remove(updateId);
    handled.remove(updateId); // re-inserted as the newest
    handled.put(updateId, clock.instant().getEpochSecond());
    prune();
    persist();
  }

  // Drops ids past their retention, then the oldest beyond the capacity. Entries are in handling
  // order, so only the front can be due; a clock set back merely keeps an id a little longer.
  private void prune() {
    long oldest = clock.instant().minus(retention).getEpochSecond();
    Iterator<Map.Entry<Long, Long>> it = handled.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Long> first = it.next();
      if (handled.size() <= capacity && first.getValue() >= oldest) {
        break;
      }
      it.remove();
    }
  }

  private void persist() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      StringBuilder out = new StringBuilder(HEADER).append('\n');
      for (Map.Entry<Long, Long> e : handled.entrySet()) {
        out.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
      }
      Files.writeString(tmp, out, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the update ledger " + file, e);
    }
  }
}
