package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import nl.classbridge.domain.ReplyToken;

/** The reply tokens of emails to families: one per guardian and request, one per guardian alone. */
public final class ReplyTokenRepository {
    private static final RowMapper<ReplyToken> TOKEN =
            row -> new ReplyToken(row.string("token"), row.longValue("guardian_id"), row.optionalLong("request_id"));

    private final Database database;

    public ReplyTokenRepository(Database database) {
        this.database = database;
    }

    /** The token of this guardian's request, made with {@code fresh} the first time it is asked for. */
    public String forRequest(long guardianId, long requestId, Supplier<String> fresh, Instant now) {
        return database.transaction(() -> database.write(sql -> {
            sql.update(
                    "INSERT OR IGNORE INTO reply_token (token, guardian_id, request_id, created_at) VALUES (?, ?, ?, ?)",
                    fresh.get(),
                    guardianId,
                    requestId,
                    now);
            return sql.one(
                            "SELECT * FROM reply_token WHERE guardian_id = ? AND request_id = ?",
                            TOKEN,
                            guardianId,
                            requestId)
                    .orElseThrow()
                    .token();
        }));
    }

    /** The guardian's own token, for mail that is no request; made the first time it is asked for. */
    public String forGuardian(long guardianId, Supplier<String> fresh, Instant now) {
        return database.transaction(() -> database.write(sql -> {
            sql.update(
                    "INSERT OR IGNORE INTO reply_token (token, guardian_id, request_id, created_at) VALUES (?, ?, NULL, ?)",
                    fresh.get(),
                    guardianId,
                    now);
            return sql.one(
                            "SELECT * FROM reply_token WHERE guardian_id = ? AND request_id IS NULL AND agreement_id IS NULL",
                            TOKEN,
                            guardianId)
                    .orElseThrow()
                    .token();
        }));
    }

    public Optional<ReplyToken> find(String token) {
        return database.read(sql -> sql.one("SELECT * FROM reply_token WHERE token = ?", TOKEN, token));
    }

    /** The token of mail that asks this guardian to confirm one agreement; made the first time. */
    public String forAgreement(long guardianId, long agreementId, Supplier<String> fresh, Instant now) {
        return database.transaction(() -> database.write(sql -> {
            sql.update(
                    "INSERT OR IGNORE INTO reply_token (token, guardian_id, agreement_id, created_at) VALUES (?, ?, ?, ?)",
                    fresh.get(),
                    guardianId,
                    agreementId,
                    now);
            return sql.one(
                            "SELECT * FROM reply_token WHERE guardian_id = ? AND agreement_id = ?",
                            TOKEN,
                            guardianId,
                            agreementId)
                    .orElseThrow()
                    .token();
        }));
    }

    /** The agreement a token's mail asked about, if it was such a mail. */
    public Optional<Long> agreementOf(String token) {
        return database.read(sql -> sql.one(
                "SELECT agreement_id FROM reply_token WHERE token = ? AND agreement_id IS NOT NULL",
                row -> row.longValue("agreement_id"),
                token));
    }
}
