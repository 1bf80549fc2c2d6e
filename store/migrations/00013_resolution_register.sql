-- The register of credential resolutions (sổ đăng ký văn bản): each
-- credential authority numbers its resolutions from 1 every year, with no
-- gap and no number twice. last_number is the last number given; a
-- resolution takes the next one in the transaction that records it, so a
-- rolled-back adoption gives its number back.
-- A resolution numbered outside electionflow keeps its typed number and has
-- no register number.

-- +goose Up
CREATE TABLE resolution_register (
    authority   text NOT NULL,
    year        integer NOT NULL,
    last_number integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (authority, year)
);

ALTER TABLE credential_resolutions
    ADD COLUMN authority text,
    ADD COLUMN register_year integer,
    ADD COLUMN register_number integer,
    ADD CONSTRAINT credential_resolutions_register_unique UNIQUE (authority, register_year, register_number);

-- +goose Down
ALTER TABLE credential_resolutions
    DROP CONSTRAINT credential_resolutions_register_unique,
    DROP COLUMN register_number,
    DROP COLUMN register_year,
    DROP COLUMN authority;
DROP TABLE resolution_register;
