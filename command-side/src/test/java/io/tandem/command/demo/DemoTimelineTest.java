package io.tandem.command.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DemoTimelineTest {

    /** A Wednesday, 08:00 in Berlin. */
    static final Instant WEDNESDAY_MORNING = ZonedDateTime.of(2026, 3, 11, 8, 0, 0, 0, DemoTimeline.TEAM_ZONE)
                                                          .toInstant();

    @Test
    void thirtyWorkingDaysEndYesterdayAndStartSixWeeksBack() {
        DemoTimeline timeline = new DemoTimeline(WEDNESDAY_MORNING, 30);

        assertThat(timeline.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(timeline.firstDay()).isEqualTo(LocalDate.of(2026, 1, 28));
    }

    @Test
    void skipsWeekends() {
        DemoTimeline timeline = new DemoTimeline(ZonedDateTime.of(2026, 3, 9, 8, 0, 0, 0, DemoTimeline.TEAM_ZONE)
                                                              .toInstant(), 2);

        assertThat(timeline.firstDay()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(timeline.lastDay().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void commandsOfOneSessionFollowEachOtherByMinutes() {
        DemoTimeline timeline = new DemoTimeline(WEDNESDAY_MORNING, 30);
        timeline.at(0, 9, 0);

        Instant first = timeline.next();
        Instant second = timeline.next();

        assertThat(first).isEqualTo(ZonedDateTime.of(2026, 1, 28, 9, 0, 0, 0, DemoTimeline.TEAM_ZONE).toInstant());
        assertThat(second).isEqualTo(first.plusSeconds(120));
    }

    @Test
    void neverGoesBackInTime() {
        DemoTimeline timeline = new DemoTimeline(WEDNESDAY_MORNING, 30);
        timeline.at(1, 10, 0);
        Instant later = timeline.next();

        timeline.at(0, 9, 0);

        assertThat(timeline.next()).isAfter(later);
    }

    @Test
    void refusesToReachThePresent() {
        Instant justAfterMidnight = ZonedDateTime.of(2026, 3, 11, 0, 0, 30, 0, DemoTimeline.TEAM_ZONE).toInstant();
        DemoTimeline timeline = new DemoTimeline(justAfterMidnight, 30);
        timeline.at(29, 23, 59);
        timeline.next();

        assertThatThrownBy(timeline::next).isInstanceOf(IllegalStateException.class)
                                          .hasMessageContaining("reached the present");
    }
}
