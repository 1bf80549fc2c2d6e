-- Sign-in throttling by user name and client address together (issue 10):
-- each attempt is reserved before its password is checked, as a row whose
-- outcome is 'pending', and marked afterwards, so attempts that run at the
-- same time count each other. 'throttled' attempts were refused without a
-- check and 'busy' ones found no turn to hash; neither counts as a failure.

-- +goose Up
ALTER TABLE signin_attempts
    ADD COLUMN client  text NOT NULL DEFAULT '',
    ADD COLUMN outcome text NOT NULL DEFAULT 'failed'
        CHECK (outcome IN ('pending', 'ok', 'failed', 'throttled', 'busy'));
UPDATE signin_attempts SET outcome = CASE WHEN ok THEN 'ok' ELSE 'failed' END;
ALTER TABLE signin_attempts DROP COLUMN ok;
DROP INDEX signin_attempts_by_username;
CREATE INDEX signin_attempts_by_key ON signin_attempts (username, client, at);

-- +goose Down
DROP INDEX signin_attempts_by_key;
ALTER TABLE signin_attempts ADD COLUMN ok boolean NOT NULL DEFAULT false;
UPDATE signin_attempts SET ok = (outcome = 'ok');
ALTER TABLE signin_attempts DROP COLUMN outcome, DROP COLUMN client;
CREATE INDEX signin_attempts_by_username ON signin_attempts (username, at);
