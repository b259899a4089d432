package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateLedgerTest {

  @TempDir Path dir;

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void should_claim_each_update_once() throws Exception {
    UpdateLedger ledger = new UpdateLedger(dir.resolve("bot/offset"));

    assertThat(ledger.begin(5)).isTrue();
    assertThat(ledger.begin(5)).as("in flight").isFalse();
    ledger.done(5);
    assertThat(ledger.begin(5)).as("done").isFalse();
  }

  @Test
  void should_remember_out_of_order_completions_across_restart() throws Exception {
    Path file = dir.resolve("bot/offset");
    UpdateLedger ledger = new UpdateLedger(file);
    ledger.begin(1);
    ledger.begin(2);
    ledger.begin(3);
    ledger.done(1);
    ledger.done(3);

    UpdateLedger reopened = new UpdateLedger(file);

    assertThat(reopened.begin(1)).isFalse();
    assertThat(reopened.begin(3)).isFalse();
    assertThat(reopened.begin(2)).as("never finished, so handled again").isTrue();
    reopened.done(2);
    assertThat(new UpdateLedger(file).handled(2)).isTrue();
  }

  @Test
  void should_accept_lower_id_than_any_handled_after_restart() throws Exception {
    Path file = dir.resolve("bot/offset");
    UpdateLedger ledger = new UpdateLedger(file);
    ledger.begin(900_000);
    ledger.done(900_000);

    UpdateLedger reopened = new UpdateLedger(file);

    assertThat(reopened.begin(17)).as("Telegram's random new id after a week").isTrue();
    assertThat(reopened.begin(900_000)).isFalse();
  }

  @Test
  void should_keep_only_the_newest_ids_up_to_capacity() throws Exception {
    Path file = dir.resolve("bot/offset");
    ManualClock clock = new ManualClock();
    UpdateLedger ledger = new UpdateLedger(file, clock, 3, Duration.ofHours(48));
    for (long id = 1; id <= 5; id++) {
      ledger.begin(id);
      ledger.done(id);
    }

    UpdateLedger reopened = new UpdateLedger(file, clock, 3, Duration.ofHours(48));

    assertThat(reopened.size()).isEqualTo(3);
    assertThat(reopened.handled(3)).isTrue();
    assertThat(reopened.handled(5)).isTrue();
    assertThat(reopened.handled(2)).as("evicted as the oldest").isFalse();
    assertThat(Files.readAllLines(file)).hasSize(4); // header and three ids
  }

  @Test
  void should_forget_ids_after_retention() throws Exception {
    Path file = dir.resolve("bot/offset");
    ManualClock clock = new ManualClock();
    UpdateLedger ledger = new UpdateLedger(file, clock, 100, Duration.ofHours(48));
    ledger.begin(10);
    ledger.done(10);
    clock.advance(Duration.ofHours(47));
    ledger.begin(11);
    ledger.done(11);

    clock.advance(Duration.ofHours(2));
    UpdateLedger reopened = new UpdateLedger(file, clock, 100, Duration.ofHours(48));

    assertThat(reopened.handled(10)).as("older than 48 h: Telegram cannot deliver it again").isFalse();
    assertThat(reopened.handled(11)).isTrue();
  }

  @Test
  void should_read_old_watermark_format() throws Exception {
    Path file = dir.resolve("bot/offset");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "2000\n2002 2005\n");

    UpdateLedger ledger = new UpdateLedger(file);

    assertThat(ledger.handled(2000)).isTrue();
    assertThat(ledger.handled(2000 - UpdateLedger.LEGACY_IDS_BELOW_WATERMARK + 1)).isTrue();
    assertThat(ledger.handled(2002)).isTrue();
    assertThat(ledger.handled(2005)).isTrue();
    assertThat(ledger.begin(2001)).as("not done before the restart").isTrue();
    assertThat(ledger.begin(17)).as("a low new id is not hidden by the old watermark").isTrue();
    ledger.done(17);
    assertThat(Files.readString(file)).startsWith("# herald update ledger v2");
    assertThat(new UpdateLedger(file).handled(2005)).as("old ids carried into the new format").isTrue();
  }

  @Test
  void should_forget_old_format_ids_once_file_is_older_than_retention() throws Exception {
    Path file = dir.resolve("bot/offset");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "2000\n2002\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(8))));

    UpdateLedger ledger = new UpdateLedger(file);

    assertThat(ledger.size()).isZero();
    assertThat(ledger.begin(2000)).isTrue();
  }

  @Test
  void should_start_from_unreadable_file_without_failing() throws Exception {
    Path file = dir.resolve("bot/offset");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a number\nx y\n");

    UpdateLedger ledger = new UpdateLedger(file);

    assertThat(ledger.size()).isZero();
    assertThat(ledger.begin(1)).isTrue();
  }

  @Test
  void should_write_atomically_leaving_no_temporary_file() throws Exception {
    Path file = dir.resolve("bot/offset");
    UpdateLedger ledger = new UpdateLedger(file);
    ledger.begin(7);
    ledger.done(7);

    assertThat(file).exists();
    assertThat(file.resolveSibling("offset.tmp")).doesNotExist();
    assertThat(Files.readAllLines(file)).hasSize(2).element(1).asString().startsWith("7 ");
  }
}
