package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A guardian as linked to one child: for the teacher's list of who joined, and when.
 *
 * @param discordName the name the guardian had on Discord when they joined; empty for a guardian
 *                    added by email, or who joined before names were kept
 * @param linkedAt    when the guardian joined with a code, or was added by the teacher
 */
public record GuardianLink(Guardian guardian, Optional<String> discordName, Instant linkedAt) {}
