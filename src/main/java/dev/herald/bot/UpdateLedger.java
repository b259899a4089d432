package dev.herald.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Remembers which updates were handled, on disk, so that no update is answered twice, also across a
 * restart. Updates finish out of order (chats are answered concurrently), so the file holds the
 * watermark below which every update is done, and the ids done above it. Written atomically after
 * each update.
 */
public final class UpdateLedger {

  private final Path file;
  private long watermark;
  private final TreeSet<Long> doneAbove = new TreeSet<>();
  private final Set<Long> inFlight = new HashSet<>();

  /** Opens the ledger at {@code file}, reading what an earlier run left there. */
  public UpdateLedger(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      watermark = lines.isEmpty() || lines.get(0).isBlank() ? 0 : Long.parseLong(lines.get(0).strip());
      if (lines.size() > 1 && !lines.get(1).isBlank()) {
        for (String id : lines.get(1).strip().split("\\s+")) {
          doneAbove.add(Long.parseLong(id));
        }
      }
    }
  }

  /** The highest update id below which every update has been handled; polling resumes after it. */
  public synchronized long watermark() {
    return watermark;
  }

  /** Claims an update for handling; false when it was handled already or is being handled. */
  public synchronized boolean begin(long updateId) {
    if (updateId <= watermark || doneAbove.contains(updateId) || inFlight.contains(updateId)) {
      return false;
    }
    inFlight.add(updateId);
    return true;
  }

  /** Records that an update was handled and persists the ledger. */
  public synchronized void done(long updateId) {
    inFlight.remove(updateId);
    doneAbove.add(updateId);
    // The watermark may pass every done id below the oldest update still in flight.
    long limit = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.stream().mapToLong(Long::longValue).min().getAsLong();
    while (!doneAbove.isEmpty() && doneAbove.first() < limit) {
      watermark = Math.max(watermark, doneAbove.pollFirst());
    }
    persist();
  }

  private void persist() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      String ids = doneAbove.stream().map(String::valueOf).collect(Collectors.joining(" "));
      Files.writeString(tmp, watermark + "\n" + ids + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the update ledger " + file, e);
    }
  }
}
