-- Commendations for the work of the election (khen thưởng tổng kết công tác
-- bầu cử): each council's nominations with what became of them, and the one
-- decision of the People's Committee chair per council. The decision lists
-- the nominations whose status is 'approved'.

-- +goose Up
CREATE TABLE nominations (
    term          text NOT NULL,
    council_code  text NOT NULL,
    nomination_id text NOT NULL,
    nominee_kind  text NOT NULL CHECK (nominee_kind IN ('collective', 'individual')),
    nominee       text NOT NULL CHECK (nominee <> ''),
    achievement   text NOT NULL CHECK (achievement <> ''),
    -- a nomination only moves forward: nominated, then rejected at
    -- appraisal, or rejected or approved by the council
    status        text NOT NULL DEFAULT 'nominated'
                  CHECK (status IN ('nominated', 'appraisal-rejected', 'council-rejected', 'approved')),
    -- set once the emulation board has appraised it
    appraised     boolean NOT NULL DEFAULT false,
    -- the reason of the latest finding (required for a rejection)
    reason        text NOT NULL DEFAULT '',
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (term, council_code, nomination_id),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    CHECK (status = 'nominated' OR appraised),
    CHECK (status NOT IN ('appraisal-rejected', 'council-rejected') OR reason <> '')
);

CREATE TABLE commendation_decisions (
    term         text NOT NULL,
    council_code text NOT NULL,
    decision_no  text NOT NULL,
    decided_on   date NOT NULL,
    award        text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (term, council_code),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);

-- +goose Down
DROP TABLE commendation_decisions;
DROP TABLE nominations;
