-- Machine translations of free text (issue 15), so the same text is sent to the translator once
-- per language pair. Keyed by the SHA-256 of the original, which is not stored; the translation is
-- what someone wrote, in another language: it falls under retention (by created_at) like the
-- answers, and an erasure removes the translations of the family's own texts.
CREATE TABLE translation_cache (
    text_hash    TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    translated   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (text_hash, source, target)
);
CREATE INDEX translation_cache_by_age ON translation_cache (created_at);
