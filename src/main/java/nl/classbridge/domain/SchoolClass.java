package nl.classbridge.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A class as it lives on Discord: one channel in one guild, with the language its families are
 * addressed in by default and the time zone its schedules follow.
 *
 * @param teacherName the teacher's name as families see it in messages, e.g. "Juf Anna"
 */
public record SchoolClass(
        long id,
        String name,
        long guildId,
        long channelId,
        Language language,
        ZoneId timezone,
        long teacherUserId,
        String teacherName,
        Instant createdAt) {}
