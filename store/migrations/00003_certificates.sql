-- Delegate certificates (giấy chứng nhận đại biểu), numbered uniquely per
-- council and term, at most one per elected person.

-- +goose Up
CREATE TABLE certificates (
    term           text NOT NULL,
    council_code   text NOT NULL,
    number         integer NOT NULL CHECK (number > 0),
    person_id      text NOT NULL,
    resolution_no  text NOT NULL,
    issued_on      date NOT NULL,
    pdf            bytea,
    handed_over_at timestamptz,
    PRIMARY KEY (term, council_code, number),
    UNIQUE (term, person_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    FOREIGN KEY (term, person_id) REFERENCES elected_persons (term, person_id)
);

-- +goose Down
DROP TABLE certificates;
