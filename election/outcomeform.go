package election

import "slices"

// Text is a label in the two languages electionflow speaks: Vietnamese
// first, English second.
type Text struct {
	Vi, En string
}

// FieldType says how an outcome field is entered (an input of the web
// form, a starter flag) and how its value is written in the outcome JSON.
type FieldType string

// The field types.
const (
	FieldText     FieldType = "text"     // a string, at most MaxLen characters
	FieldDate     FieldType = "date"     // a Date, DD/MM/YYYY or YYYY-MM-DD
	FieldNumber   FieldType = "number"   // a whole number
	FieldCheckbox FieldType = "checkbox" // true when given
	FieldSelect   FieldType = "select"   // one of Options
)

// Option is one value of a select field, with its label.
type Option struct {
	Value string
	Label Text
}

// OutcomeField is one field of a task kind's outcome (trường kết quả):
// the name of its form input and starter flag, its key in the outcome
// JSON, its type and labels, its size limit and how simulated staff fill
// it in.
type OutcomeField struct {
	// Name is the form input and the starter flag, e.g. "resolution-no".
	Name string
	// Key is the field's key in the outcome JSON, e.g. "resolution_no".
	Key   string
	Type  FieldType
	Label Text
	// Usage says in English what to give, for starter's help.
	Usage   string
	Options []Option
	// Required fields are marked in help; the workflow's validator is
	// what refuses an outcome without them.
	Required bool
	// MaxLen bounds a text field, in characters.
	MaxLen int
	Fill   Fill
}

// OutcomeForm describes the outcome of one task kind (mẫu kết quả), once:
// the web form, `starter complete` and its help, the JSON API and
// simulated staff all read it. A kind whose outcome is a list has no
// Fields: its outcome is entered as JSON.
type OutcomeForm struct {
	Kind TaskKind
	// Title names the task kind for people: what there is to do.
	Title Text
	// Fields are the inputs a single-value outcome is built from.
	Fields []OutcomeField
	// Example is a complete outcome as JSON.
	Example string
	// Note is a line of help for starter, in English.
	Note string
	// MaxBytes bounds the outcome JSON, checked before it is sent to
	// the workflow and again by the workflow's validator.
	MaxBytes int
	// ListFill says how simulated staff fill in a list outcome.
	ListFill Fill
	// zero returns a pointer to a new, empty outcome of the kind's type.
	zero func() any
}

// Field returns the form's field of the given name.
func (f OutcomeForm) Field(name string) (OutcomeField, bool) {
	i := slices.IndexFunc(f.Fields, func(x OutcomeField) bool { return x.Name == name })
	if i < 0 {
		return OutcomeField{}, false
	}
	return f.Fields[i], true
}

// FieldNames lists the names of the form's fields, in order.
func (f OutcomeForm) FieldNames() []string {
	names := make([]string, len(f.Fields))
	for i, x := range f.Fields {
		names[i] = x.Name
	}
	return names
}

// IsList says whether the outcome is a list, entered as JSON.
func (f OutcomeForm) IsList() bool { return len(f.Fields) == 0 }

// New returns a pointer to a new, empty outcome of the kind's type, e.g.
// *SessionDateOutcome.
func (f OutcomeForm) New() any { return f.zero() }

// FormOf returns the outcome form of a task kind.
func FormOf(kind TaskKind) (OutcomeForm, bool) {
	for _, f := range OutcomeForms() {
		if f.Kind == kind {
			return f, true
		}
	}
	return OutcomeForm{}, false
}

// Filler says where simulated staff take a field's value from. Fillers
// that need data (the council's calendar, its confirmed delegates, a
// cadre's options) are supplied by the simulation, which reads them from
// the database; this package only names them.
type Filler string

// The fillers.
const (
	// FillPick picks Fill.Usual, or Fill.Rare with the share Fill.RareShare
	// (the simulation's upheld share when RareShare is negative).
	FillPick Filler = "pick"
	// FillSample picks one of Fill.Samples for the value of the form's
	// "decision" or "result" field (key "" for any).
	FillSample Filler = "sample"
	// FillDocumentNo numbers a document: Fill.Format with a number from 1
	// to Fill.Max.
	FillDocumentNo Filler = "document-no"
	// FillDay writes today, kept within Fill.Window.
	FillDay Filler = "day"
	// FillConfirmedCount writes how many delegates the council confirmed.
	FillConfirmedCount Filler = "confirmed-count"
	// FillYes ticks a checkbox.
	FillYes Filler = "yes"
	// FillCadreOption writes the option a cadre picks among the open ones.
	FillCadreOption Filler = "cadre-option"
	// FillNominations, FillLeadership, FillApprovals and FillCouncilReview
	// fill in the list outcomes from the council's data.
	FillNominations   Filler = "nominations"
	FillLeadership    Filler = "leadership"
	FillApprovals     Filler = "approvals"
	FillCouncilReview Filler = "council-review"
)

// DateWindow names the days a date field may take, as simulated staff
// read them from the council's records.
type DateWindow string

// The date windows.
const (
	// WindowResolution: from the earliest day the credential resolution
	// may be adopted to its deadline.
	WindowResolution DateWindow = "resolution"
	// WindowHandover: the three days after the resolution.
	WindowHandover DateWindow = "handover"
	// WindowSession: from the resolution (or its earliest day) to the
	// first session's legal deadline.
	WindowSession DateWindow = "session"
	// WindowDocuments: from the resolution to the session date.
	WindowDocuments DateWindow = "documents"
	// WindowOpening: the session date.
	WindowOpening DateWindow = "opening"
	// WindowApproval: the ten days after the session opened.
	WindowApproval DateWindow = "approval"
	// WindowToday: today.
	WindowToday DateWindow = "today"
)

// Fill is how simulated staff fill in a field (or a list outcome).
type Fill struct {
	By        Filler
	Usual     string
	Rare      string
	RareShare float64
	// Samples are texts to pick from, keyed by the decision taken.
	Samples map[string][]string
	Format  string
	Max     int
	Window  DateWindow
}
