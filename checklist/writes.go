package checklist

import (
	"encoding/json"

	"electionflow/election"
)

// ActivityApplyWrites applies the writes of one workflow task of an area
// in one transaction. It runs as a local activity, so a completion's
// writes land in the workflow task that accepted it.
const ActivityApplyWrites = "ApplyWrites"

// Writes is everything one workflow task of an area changes in Postgres:
// tasks opened in the inbox, tasks completed (each with its audit row),
// the area's own records, reminders and escalations, and its progress row.
// Every part is keyed as its single activity is, so a retry of the whole
// batch writes nothing twice.
type Writes struct {
	Opened    []election.Task  `json:"opened,omitempty"`
	Completed []TaskCompletion `json:"completed,omitempty"`
	Records   []Record         `json:"records,omitempty"`
	Notices   []TaskNotice     `json:"notices,omitempty"`
	Progress  *AreaProgress    `json:"progress,omitempty"`
}

// Empty says whether there is nothing to write.
func (w Writes) Empty() bool {
	return len(w.Opened) == 0 && len(w.Completed) == 0 && len(w.Records) == 0 && len(w.Notices) == 0 && w.Progress == nil
}

// Record is one of an area's own records (a session date, the leadership
// elected, an adopted resolution, …) written with the batch: the name of
// the activity that writes it on its own, and that activity's input.
type Record struct {
	Activity string          `json:"activity"`
	Input    json.RawMessage `json:"input"`
}
