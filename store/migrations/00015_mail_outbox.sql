-- Email notifications (thư báo): a user may give an email address, and
-- every notice a workflow records (task_notices) queues one mail per user
-- with an address who receives it, in the same transaction, keyed by
-- (notice, user): a retried notice queues nothing twice. The mail sender
-- (a worker activity, activities/mail.go) claims queued mail for a short
-- lease, sends it and marks it sent, one row at a time, so a retried send
-- skips what was sent.

-- +goose Up
ALTER TABLE users ADD COLUMN email text
    CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'));

CREATE TABLE mail_outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id     bigint NOT NULL REFERENCES task_notices (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the address when queued: a later change of address does not move
    -- mail already queued
    address       text NOT NULL,
    queued_at     timestamptz NOT NULL DEFAULT now(),
    -- a sender holds the row until then; after it, another may take it
    claimed_until timestamptz,
    attempts      integer NOT NULL DEFAULT 0,
    sent_at       timestamptz,
    -- refused for good (a 5xx reply) or too old to be worth sending
    given_up_at   timestamptz,
    last_error    text NOT NULL DEFAULT '',
    UNIQUE (notice_id, user_id)
);
CREATE INDEX mail_outbox_pending ON mail_outbox (id) WHERE sent_at IS NULL AND given_up_at IS NULL;

-- +goose Down
DROP TABLE mail_outbox;
ALTER TABLE users DROP COLUMN email;
