package checklist

// The first generation of workflow types, whose every completion waited for
// an activity and told the checklist by signal (about 82 history events per
// human task). Checklists started before the lean generation (the types
// named …V2 above) keep running under these names until they finish; a
// worker registers both, and the replay tests keep both deterministic.
// Starting a new generation under new type names, rather than behind
// workflow.GetVersion, costs running workflows nothing and new ones no
// version marker, and a worker too old to know the new types cannot pick
// one up by mistake: it fails the workflow task, and a newer worker takes it.
const (
	WorkflowChecklistV1     = "Checklist"
	WorkflowCredentialsV1   = "Credentials"
	WorkflowFirstSessionV1  = "FirstSession"
	WorkflowCommendationsV1 = "Commendations"
	WorkflowCadresV1        = "OutgoingCadres"
	WorkflowCadreCaseV1     = "CadreCase"
)
