package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/** One guardian's answer to one agreement; their own words when they see it differently. */
public record Confirmation(
        long agreementId,
        long guardianId,
        ConfirmationStatus status,
        Optional<String> ownWords,
        Instant askedAt,
        Optional<Instant> answeredAt) {}
