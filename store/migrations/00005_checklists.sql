-- What the checklist workflows record besides the inbox: each area's
-- progress (for summary tables without reading histories), reminders and
-- escalations, and the credential resolution with its line per person.

-- +goose Up
CREATE TABLE checklist_progress (
    term          text NOT NULL,
    council_code  text NOT NULL,
    area          text NOT NULL,
    state         text NOT NULL,
    step          text NOT NULL,
    open_tasks    integer NOT NULL DEFAULT 0,
    overdue_tasks integer NOT NULL DEFAULT 0,
    next_deadline timestamptz,
    -- reports of one area are numbered; an older one never overwrites a newer
    seq           integer NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (term, council_code, area),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);

CREATE TABLE task_notices (
    task_id      text NOT NULL REFERENCES tasks (task_id),
    kind         text NOT NULL CHECK (kind IN ('reminder', 'escalation')),
    lead_seconds bigint NOT NULL DEFAULT 0,
    at           timestamptz NOT NULL,
    role         text NOT NULL,
    PRIMARY KEY (task_id, kind, lead_seconds)
);

CREATE TABLE credential_resolutions (
    term          text NOT NULL,
    council_code  text NOT NULL,
    resolution_no text NOT NULL,
    adopted_on    date NOT NULL,
    PRIMARY KEY (term, council_code),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);

CREATE TABLE credential_decisions (
    term         text NOT NULL,
    council_code text NOT NULL,
    person_id    text NOT NULL,
    confirmed    boolean NOT NULL,
    reason       text NOT NULL DEFAULT '',
    PRIMARY KEY (term, person_id),
    FOREIGN KEY (term, person_id) REFERENCES elected_persons (term, person_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    CHECK (confirmed OR reason <> '')
);
CREATE INDEX credential_decisions_by_council ON credential_decisions (term, council_code);

-- +goose Down
DROP TABLE credential_decisions;
DROP TABLE credential_resolutions;
DROP TABLE task_notices;
DROP TABLE checklist_progress;
