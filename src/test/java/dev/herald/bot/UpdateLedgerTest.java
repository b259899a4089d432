package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateLedgerTest {

  @TempDir Path dir;

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

    assertThat(reopened.watermark()).isEqualTo(1);
    assertThat(reopened.begin(1)).isFalse();
    assertThat(reopened.begin(3)).isFalse();
    assertThat(reopened.begin(2)).as("never finished, so handled again").isTrue();
    reopened.done(2);
    assertThat(new UpdateLedger(file).watermark()).isEqualTo(3);
  }
}
