-- The audit log: who did what, when and from where. Self-hosted Temporal
-- keeps no audit log of its own, so every human action lands here. It is
-- append-only: updates, deletes and truncation are refused by triggers.

-- +goose Up
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    role         text NOT NULL DEFAULT '',
    action       text NOT NULL,
    term         text,
    council_code text,
    subject      text NOT NULL DEFAULT '',
    source       text NOT NULL DEFAULT '',
    detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- set by writers that may be retried (activities): a retry finds the
    -- row already there instead of writing it twice
    idempotency_key text UNIQUE
);
CREATE INDEX audit_log_by_subject ON audit_log (subject, at);

-- +goose StatementBegin
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- +goose Down
DROP TABLE audit_log;
DROP FUNCTION audit_log_is_append_only();
