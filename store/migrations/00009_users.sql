-- Users (người dùng), their roles and scopes, sign-in attempts for
-- throttling, and API tokens. Passwords are stored only as argon2id hashes
-- and tokens only as SHA-256 hashes; neither ever reaches the audit log.
-- Grants name the election by term and the province or council by code
-- without foreign keys, so accounts can be set up before the roster is
-- imported; a grant for a place that does not exist covers nothing.

-- +goose Up
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- stored lower-cased, so "Lan" and "lan" are the same user
    username      text NOT NULL UNIQUE
                  CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
    display_name  text NOT NULL CHECK (display_name <> '' AND length(display_name) <= 200),
    password_hash text NOT NULL CHECK (password_hash <> ''),
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled      boolean NOT NULL DEFAULT false
);

CREATE TABLE user_grants (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('administrator', 'election-committee', 'council-office',
                   'hr-officer', 'emulation-board', 'approving-official', 'manager')),
    scope_kind text NOT NULL CHECK (scope_kind IN ('election', 'province', 'council')),
    term       text NOT NULL CHECK (term ~ '^\d{4}-\d{4}$'),
    -- '' when the scope kind does not use it, so the primary key is total
    province   text NOT NULL DEFAULT '',
    council    text NOT NULL DEFAULT '',
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role, scope_kind, term, province, council),
    -- a scope names exactly what its kind needs
    CHECK (CASE scope_kind
               WHEN 'election' THEN province = '' AND council = ''
               WHEN 'province' THEN province <> '' AND council = ''
               WHEN 'council'  THEN province = '' AND council <> ''
           END)
);

-- Every sign-in, good or bad, including for user names that do not exist
-- (username is what was typed, lower-cased).
CREATE TABLE signin_attempts (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL,
    at       timestamptz NOT NULL DEFAULT now(),
    ok       boolean NOT NULL,
    source   text NOT NULL DEFAULT ''
);
CREATE INDEX signin_attempts_by_username ON signin_attempts (username, at);

CREATE TABLE api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (name <> '' AND length(name) <= 100),
    token_hash   bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- +goose Down
DROP TABLE api_tokens;
DROP TABLE signin_attempts;
DROP TABLE user_grants;
DROP TABLE users;
