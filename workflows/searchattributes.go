package workflows

import (
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
)

// The custom search attributes of a checklist, so managers can filter every
// council's progress in the Temporal UI without opening a history. SQL
// visibility allows at most 10 Keyword and 3 of each other type: these use
// 5 Keyword, 2 Int and 1 Datetime.
var (
	// AttrTerm is the election's term, e.g. "2026-2031".
	AttrTerm = temporal.NewSearchAttributeKeyKeyword("ElectionTerm")
	// AttrLevel is the council's level: national, province, commune.
	AttrLevel = temporal.NewSearchAttributeKeyKeyword("CouncilLevel")
	// AttrProvince is the council's province code.
	AttrProvince = temporal.NewSearchAttributeKeyKeyword("Province")
	// AttrCouncil is the council code.
	AttrCouncil = temporal.NewSearchAttributeKeyKeyword("CouncilCode")
	// AttrStage is the checklist's current stage.
	AttrStage = temporal.NewSearchAttributeKeyKeyword("ChecklistStage")
	// AttrOpenTasks counts the checklist's open human tasks.
	AttrOpenTasks = temporal.NewSearchAttributeKeyInt64("OpenTasks")
	// AttrOverdueTasks counts the open tasks past their due time.
	AttrOverdueTasks = temporal.NewSearchAttributeKeyInt64("OverdueTasks")
	// AttrNextDeadline is the nearest legal deadline still ahead.
	AttrNextDeadline = temporal.NewSearchAttributeKeyTime("NextDeadline")
)

// SearchAttributeTypes returns every custom search attribute with its type,
// for registering them in a namespace (devstack does; a cluster operator
// runs `temporal operator search-attribute create` for each).
func SearchAttributeTypes() map[string]enumspb.IndexedValueType {
	keys := []temporal.SearchAttributeKey{AttrTerm, AttrLevel, AttrProvince, AttrCouncil, AttrStage,
		AttrOpenTasks, AttrOverdueTasks, AttrNextDeadline}
	out := make(map[string]enumspb.IndexedValueType, len(keys))
	for _, k := range keys {
		out[k.GetName()] = k.GetValueType()
	}
	return out
}
