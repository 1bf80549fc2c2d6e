-- The roster of an election: what the election committee imports.
-- Personal data (citizen IDs, birth dates, salaries) lives here and only here.

-- +goose Up
CREATE TABLE elections (
    term          text PRIMARY KEY CHECK (term ~ '^[0-9]{4}-[0-9]{4}$'),
    name          text NOT NULL,
    election_day  date NOT NULL,
    -- per-election overrides of the legal calendar: {"credential_resolution": 33}
    deadline_days jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE councils (
    term               text NOT NULL REFERENCES elections (term),
    code               text NOT NULL,
    name               text NOT NULL,
    level              text NOT NULL,
    province           text NOT NULL DEFAULT '',
    seats              integer NOT NULL CHECK (seats > 0),
    rerun_election_day date,
    PRIMARY KEY (term, code)
);
CREATE INDEX councils_by_province ON councils (term, province, level);

CREATE TABLE elected_persons (
    term         text NOT NULL,
    person_id    text NOT NULL,
    council_code text NOT NULL,
    full_name    text NOT NULL,
    sex          text NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date   date NOT NULL,
    citizen_id   text NOT NULL CHECK (citizen_id ~ '^[0-9]{12}$'),
    votes        integer CHECK (votes >= 0),
    PRIMARY KEY (term, person_id),
    -- one citizen may sit on two councils (a deputy who is also a
    -- provincial delegate), but not twice on one
    UNIQUE (term, council_code, citizen_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);
CREATE INDEX elected_persons_by_council ON elected_persons (term, council_code);

CREATE TABLE complaints (
    term         text NOT NULL,
    complaint_id text NOT NULL,
    council_code text NOT NULL,
    person_id    text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('complaint', 'denunciation')),
    received_on  date NOT NULL,
    summary      text NOT NULL,
    PRIMARY KEY (term, complaint_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    FOREIGN KEY (term, person_id) REFERENCES elected_persons (term, person_id)
);
CREATE INDEX complaints_by_council ON complaints (term, council_code);

CREATE TABLE outgoing_cadres (
    term               text NOT NULL,
    cadre_id           text NOT NULL,
    council_code       text NOT NULL,
    full_name          text NOT NULL,
    sex                text NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date         date NOT NULL,
    citizen_id         text NOT NULL CHECK (citizen_id ~ '^[0-9]{12}$'),
    position           text NOT NULL,
    insurance_months   integer NOT NULL CHECK (insurance_months BETWEEN 0 AND 600),
    monthly_salary_vnd bigint NOT NULL CHECK (monthly_salary_vnd > 0),
    PRIMARY KEY (term, cadre_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);
CREATE INDEX outgoing_cadres_by_council ON outgoing_cadres (term, council_code);

-- +goose Down
DROP TABLE outgoing_cadres;
DROP TABLE complaints;
DROP TABLE elected_persons;
DROP TABLE councils;
DROP TABLE elections;
