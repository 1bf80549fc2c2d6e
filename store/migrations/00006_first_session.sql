-- The first session of a new council (kỳ họp thứ nhất): its date, the
-- documents sent, its opening, and the leadership it elected with the
-- higher bodies' approvals (phê chuẩn).

-- +goose Up
CREATE TABLE first_sessions (
    term              text NOT NULL,
    council_code      text NOT NULL,
    deadline          date NOT NULL,
    session_date      date,
    documents_sent_on date,
    recipients        integer,
    opened_on         date,
    PRIMARY KEY (term, council_code),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);

CREATE TABLE leadership_results (
    term          text NOT NULL,
    council_code  text NOT NULL,
    position      text NOT NULL,
    committee     text NOT NULL DEFAULT '',
    -- the delegate's person ID, or the name of a holder from outside
    holder        text NOT NULL,
    person_id     text,
    approval_body text,
    decision_no   text,
    approved_on   date,
    PRIMARY KEY (term, council_code, position, committee, holder),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    FOREIGN KEY (term, person_id) REFERENCES elected_persons (term, person_id)
);

ALTER TABLE task_notices DROP CONSTRAINT task_notices_kind_check;
ALTER TABLE task_notices ADD CONSTRAINT task_notices_kind_check
    CHECK (kind IN ('reminder', 'escalation', 'deadline-missed'));

-- +goose Down
ALTER TABLE task_notices DROP CONSTRAINT task_notices_kind_check;
ALTER TABLE task_notices ADD CONSTRAINT task_notices_kind_check CHECK (kind IN ('reminder', 'escalation'));
DROP TABLE leadership_results;
DROP TABLE first_sessions;
