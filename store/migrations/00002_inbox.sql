-- The task inbox: every open human task of every checklist, mirrored from
-- the workflow that owns it, so staff can list their work without reading
-- workflow histories. Rows are keyed by task ID so a retried activity never
-- duplicates one.

-- +goose Up
CREATE TABLE tasks (
    task_id      text PRIMARY KEY,
    term         text NOT NULL,
    council_code text NOT NULL,
    workflow_id  text NOT NULL,
    kind         text NOT NULL,
    subject      text NOT NULL,
    role         text NOT NULL,
    due_at       timestamptz,
    state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
    overdue      boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    closed_at    timestamptz,
    closed_by    text,
    outcome      jsonb,
    FOREIGN KEY (term, council_code) REFERENCES councils (term, code),
    CHECK ((state = 'open') = (closed_at IS NULL))
);
CREATE INDEX tasks_open_by_role_due ON tasks (role, due_at) WHERE state = 'open';
CREATE INDEX tasks_by_council ON tasks (term, council_code, state);

-- +goose Down
DROP TABLE tasks;
