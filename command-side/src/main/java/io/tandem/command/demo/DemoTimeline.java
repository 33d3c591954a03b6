package io.tandem.command.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The story's calendar: the {@code workdays} working days (Monday to Friday, in the team's time zone) before today,
 * numbered from 0 (the oldest) to {@code workdays - 1} (the last working day before today). Every moment it hands out
 * lies in the past, and the moments never go backwards: each command of a session takes a few minutes.
 */
final class DemoTimeline {

    /** The demo team works in Central European time; the moments are stored in UTC like every event's. */
    static final ZoneId TEAM_ZONE = ZoneId.of("Europe/Berlin");

    private final Instant now;
    private final List<LocalDate> workdays;
    private ZonedDateTime cursor;
    private int ticks;

    DemoTimeline(Instant now, int workdays) {
        this.now = now;
        this.workdays = workdaysBefore(now.atZone(TEAM_ZONE).toLocalDate(), workdays);
        this.cursor = this.workdays.get(0).atStartOfDay(TEAM_ZONE);
    }

    /** Moves to a time of a working day; a moment already passed by earlier commands keeps the later one. */
    void at(int workday, int hour, int minute) {
        ZonedDateTime requested = workdays.get(workday).atTime(hour, minute).atZone(TEAM_ZONE);
        if (requested.isAfter(cursor)) {
            cursor = requested;
        }
    }

    /** The moment of the next command; the one after it follows two to five minutes later. */
    Instant next() {
        Instant moment = cursor.toInstant();
        if (!moment.isBefore(now)) {
            throw new IllegalStateException("the demo story reached the present: " + moment);
        }
        cursor = cursor.plusMinutes(2 + ticks++ % 4);
        return moment;
    }

    /** The first working day of the story. */
    LocalDate firstDay() {
        return workdays.get(0);
    }

    /** The last working day of the story, the one before today. */
    LocalDate lastDay() {
        return workdays.get(workdays.size() - 1);
    }

    private static List<LocalDate> workdaysBefore(LocalDate today, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate day = today.minusDays(1); days.size() < count; day = day.minusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        Collections.reverse(days);
        return List.copyOf(days);
    }
}
