-- Notifications (thông báo) read in the web app: each notice a workflow
-- recorded (task_notices) gets a number, so a page can name it, and each
-- user's reading of one is a row of notice_reads. Who receives a notice is
-- not stored: it follows from the user's grants when asked (see
-- store/notifications.go), so a grant given later brings its notices.

-- +goose Up
ALTER TABLE task_notices ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE task_notices ADD CONSTRAINT task_notices_id_unique UNIQUE (id);

CREATE TABLE notice_reads (
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notice_id bigint NOT NULL REFERENCES task_notices (id) ON DELETE CASCADE,
    read_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, notice_id)
);

-- +goose Down
DROP TABLE notice_reads;
ALTER TABLE task_notices DROP CONSTRAINT task_notices_id_unique, DROP COLUMN id;
