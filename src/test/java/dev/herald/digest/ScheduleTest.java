package dev.herald.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Due times in the chat's zone, across daylight-saving changes. */
class ScheduleTest {

  private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

  @Test
  void should_keep_a_kyiv_daily_0800_digest_at_0800_local_across_the_october_dst_change() {
    Schedule daily = Schedule.parse("daily 08:00");

    // 25 Oct 2025 is summer time (UTC+3); clocks go back at 04:00 on 26 Oct (UTC+2).
    Instant first = daily.nextAfter(Instant.parse("2025-10-24T12:00:00Z"), KYIV);
    Instant second = daily.nextAfter(first, KYIV);
    Instant third = daily.nextAfter(second, KYIV);

    assertThat(first).isEqualTo(Instant.parse("2025-10-25T05:00:00Z"));
    assertThat(second).isEqualTo(Instant.parse("2025-10-26T06:00:00Z"));
    assertThat(third).isEqualTo(Instant.parse("2025-10-27T06:00:00Z"));
  }

  @Test
  void should_send_a_digest_in_the_spring_forward_gap_once_just_after_the_gap() {
    Schedule daily = Schedule.parse("daily 03:30");

    // 30 Mar 2025 in Kyiv: 03:00 jumps to 04:00, so 03:30 does not exist that day.
    Instant due = daily.nextAfter(Instant.parse("2025-03-29T12:00:00Z"), KYIV);

    assertThat(due).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    assertThat(due.atZone(KYIV).toLocalTime()).hasToString("04:30");
    assertThat(daily.nextAfter(due, KYIV)).isEqualTo(Instant.parse("2025-03-31T00:30:00Z"));
  }

  @Test
  void should_send_a_digest_in_the_autumn_overlap_only_once() {
    Schedule daily = Schedule.parse("daily 03:30");

    // 26 Oct 2025 in Kyiv: 03:30 happens twice; the first one counts.
    Instant due = daily.nextAfter(Instant.parse("2025-10-25T12:00:00Z"), KYIV);

    assertThat(due).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
    assertThat(daily.nextAfter(due, KYIV)).isEqualTo(Instant.parse("2025-10-27T01:30:00Z"));
  }

  @Test
  void should_plan_hourly_and_weekly_digests() {
    Instant now = Instant.parse("2025-10-22T10:15:00Z");

    assertThat(Schedule.parse("hourly").nextAfter(now, ZoneOffset.UTC)).isEqualTo(Instant.parse("2025-10-22T11:00:00Z"));
    assertThat(Schedule.parse("weekly MON 9:00").nextAfter(now, ZoneOffset.UTC)).isEqualTo(Instant.parse("2025-10-27T09:00:00Z"));
    assertThat(Schedule.parse("weekly wednesday 10:15").nextAfter(now, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2025-10-29T10:15:00Z"));
  }

  @Test
  void should_read_back_its_canonical_form_and_default_to_daily_0800() {
    assertThat(Schedule.parse("Weekly Friday 7:05").spec()).isEqualTo("weekly fri 07:05");
    assertThat(Schedule.parse(Schedule.parse("weekly fri 07:05").spec())).isEqualTo(Schedule.parse("weekly fri 07:05"));
    assertThat(Schedule.parse("")).isEqualTo(Schedule.DEFAULT);
    assertThat(Schedule.DEFAULT.spec()).isEqualTo("daily 08:00");
  }

  @Test
  void should_reject_what_is_not_a_schedule_with_the_accepted_forms() {
    assertThatThrownBy(() -> Schedule.parse("daily 25:00")).hasMessageContaining("hourly, daily HH:MM or weekly DAY HH:MM");
    assertThatThrownBy(() -> Schedule.parse("fortnightly")).hasMessageContaining("is not a schedule");
    assertThatThrownBy(() -> Schedule.parse("weekly someday 08:00")).hasMessageContaining("not a day of the week");
  }
}
