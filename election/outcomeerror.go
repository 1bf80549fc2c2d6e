package election

// Problem names what is wrong with an outcome, so that each front end
// can word it in its own language.
type Problem string

// The problems of an outcome.
const (
	ProblemNotJSON      Problem = "not-json"      // not one JSON object
	ProblemTooLarge     Problem = "too-large"     // the outcome is over the kind's MaxBytes
	ProblemTooLong      Problem = "too-long"      // a text field is over its MaxLen
	ProblemUnknownField Problem = "unknown-field" // a field the kind does not have
	ProblemType         Problem = "type"          // a value of the wrong JSON type
	ProblemDate         Problem = "date"          // not a date
	ProblemNumber       Problem = "number"        // not a whole number
	ProblemOption       Problem = "option"        // not one of the field's options
	ProblemText         Problem = "text"          // not valid UTF-8
	ProblemUnknownKind  Problem = "unknown-kind"  // no outcome is known for the task kind
)

// OutcomeError says which field of an outcome is wrong and why. Field is
// the JSON key (a form input or flag name when built from a form), empty
// only when the outcome as a whole is wrong.
type OutcomeError struct {
	Field   string
	Problem Problem
	// Limit is the limit passed, for ProblemTooLong and ProblemTooLarge.
	Limit int
	// Detail says what is wrong, in English.
	Detail string
}

// Error says which field is wrong and why, in English.
func (e *OutcomeError) Error() string {
	if e.Field == "" {
		return "outcome: " + e.Detail
	}
	return e.Field + ": " + e.Detail
}
