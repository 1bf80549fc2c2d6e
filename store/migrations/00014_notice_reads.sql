-- Notifications (thông báo) read in the web app. Each notice a workflow
-- recorded (task_notices) gets a number, so a page can name it, and the
-- place of its task (term, province, council), copied on insert by a
-- trigger from the task and its council (neither ever moves), so the
-- unread count in every page's header reads task_notices alone, through
-- an index per kind of scope. A user has read a notice when it has a row
-- of notice_reads or lies under their read mark (notice_read_marks). Who
-- receives a notice is not stored: it follows from the user's grants when
-- asked (store/notifications.go), so a grant given later brings its
-- notices (those under a read mark, already read).

-- +goose Up
ALTER TABLE task_notices
    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN term text,
    ADD COLUMN province text,
    ADD COLUMN council_code text,
    ADD CONSTRAINT task_notices_id_unique UNIQUE (id);

UPDATE task_notices n SET term = t.term, province = c.province, council_code = t.council_code
FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code
WHERE t.task_id = n.task_id;

ALTER TABLE task_notices
    ALTER COLUMN term SET NOT NULL,
    ALTER COLUMN province SET NOT NULL,
    ALTER COLUMN council_code SET NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION task_notices_place() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT t.term, c.province, t.council_code INTO NEW.term, NEW.province, NEW.council_code
    FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code
    WHERE t.task_id = NEW.task_id;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER task_notices_place
    BEFORE INSERT ON task_notices
    FOR EACH ROW EXECUTE FUNCTION task_notices_place();

-- One index per kind of scope: a whole election, a province, a council.
CREATE INDEX task_notices_by_election ON task_notices (term, kind, role) INCLUDE (id);
CREATE INDEX task_notices_by_province ON task_notices (term, province, kind, role) INCLUDE (id);
CREATE INDEX task_notices_by_council ON task_notices (term, council_code, kind, role) INCLUDE (id);

CREATE TABLE notice_reads (
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notice_id bigint NOT NULL REFERENCES task_notices (id) ON DELETE CASCADE,
    read_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, notice_id)
);

-- "Mark all read" (đánh dấu tất cả đã đọc): every notice numbered up to
-- through_id is read by the user, so the header's count looks only above
-- it; the newest notices are marked one by one in notice_reads (see
-- noticeReadWindow in store/notifications.go).
CREATE TABLE notice_read_marks (
    user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    through_id bigint NOT NULL CHECK (through_id >= 0),
    marked_at  timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE notice_read_marks;
DROP TABLE notice_reads;
DROP TRIGGER task_notices_place ON task_notices;
DROP FUNCTION task_notices_place();
DROP INDEX task_notices_by_council, task_notices_by_province, task_notices_by_election;
ALTER TABLE task_notices
    DROP CONSTRAINT task_notices_id_unique,
    DROP COLUMN council_code,
    DROP COLUMN province,
    DROP COLUMN term,
    DROP COLUMN id;
