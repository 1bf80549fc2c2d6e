-- What the web front end keeps: its sign-in sessions (the table
-- github.com/alexedwards/scs/pgxstore expects) and who has claimed an open
-- task of the inbox, so two staff members do not work on the same one.

-- +goose Up
CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

ALTER TABLE tasks
    ADD COLUMN claimed_by text,
    ADD COLUMN claimed_at timestamptz,
    ADD CONSTRAINT tasks_claim_complete CHECK ((claimed_by IS NULL) = (claimed_at IS NULL));

-- +goose Down
ALTER TABLE tasks
    DROP CONSTRAINT tasks_claim_complete,
    DROP COLUMN claimed_at,
    DROP COLUMN claimed_by;
DROP TABLE sessions;
