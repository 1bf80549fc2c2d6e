-- Outgoing cadres' benefits: every computation under the rule set in force
-- at election day (one per round: a corrected record is computed again),
-- and the decision with its months and amounts. These stay here: workflow
-- histories carry only the option chosen and the decision number.

-- +goose Up
CREATE TABLE benefit_assessments (
    term                  text NOT NULL,
    cadre_id              text NOT NULL,
    round                 integer NOT NULL CHECK (round > 0),
    rule_set              text NOT NULL,
    verified              boolean NOT NULL,
    needs_hr_confirmation boolean NOT NULL,
    months_left           integer NOT NULL,
    -- the whole computation: options, allowances, amounts, explanation
    assessment            jsonb NOT NULL,
    assessed_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (term, cadre_id, round),
    FOREIGN KEY (term, cadre_id) REFERENCES outgoing_cadres (term, cadre_id)
);

CREATE TABLE benefit_decisions (
    term                  text NOT NULL,
    cadre_id              text NOT NULL,
    council_code          text NOT NULL,
    round                 integer NOT NULL,
    option                text NOT NULL,
    decision_no           text NOT NULL,
    decided_on            date NOT NULL,
    rule_set              text NOT NULL,
    needs_hr_confirmation boolean NOT NULL,
    early_months          integer NOT NULL DEFAULT 0,
    total_vnd             bigint NOT NULL DEFAULT 0 CHECK (total_vnd >= 0),
    PRIMARY KEY (term, cadre_id),
    FOREIGN KEY (term, cadre_id, round) REFERENCES benefit_assessments (term, cadre_id, round),
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code)
);

-- +goose Down
DROP TABLE benefit_decisions;
DROP TABLE benefit_assessments;
