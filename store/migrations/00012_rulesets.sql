-- Who verified which benefit rule set against the official text, and who
-- revoked it: an append-only record, the latest row per rule set deciding.
-- A rule set with no row is unverified, so every result under it needs HR
-- confirmation. Each row has its audit_log row too.

-- +goose Up
CREATE TABLE rule_set_verifications (
    id       bigserial PRIMARY KEY,
    rule_set text NOT NULL,
    verified boolean NOT NULL,
    by_user  text NOT NULL CHECK (by_user <> ''),
    -- the official text checked against (gazette number, page); required to verify
    source   text NOT NULL DEFAULT '',
    at       timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT verified OR source <> '')
);
CREATE INDEX rule_set_verifications_latest ON rule_set_verifications (rule_set, id DESC);

-- +goose Down
DROP TABLE rule_set_verifications;
