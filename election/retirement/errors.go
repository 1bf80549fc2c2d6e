package retirement

// Error is the kind of an error returned by this package; test it with
// errors.Is. Errors are constants, so the package holds no mutable state.
type Error string

// Error implements the error interface.
func (e Error) Error() string { return string(e) }

// The kinds of error returned by this package. Every returned error wraps
// exactly one of them with the context of the failure.
const (
	// ErrInvalidInput marks bad input: an unset or impossible date, an
	// unknown sex, a negative insurance record, a non-positive salary.
	ErrInvalidInput Error = "invalid input"
	// ErrUnknownRuleSet marks a rule set ID that this package does not know.
	ErrUnknownRuleSet Error = "unknown rule set"
	// ErrNotInForce marks a date on which the requested rule set, or any
	// rule set, was not yet in force.
	ErrNotInForce Error = "rule set not in force"
	// ErrOverflow marks an amount too large to represent in đồng (int64).
	ErrOverflow Error = "amount out of range"
)
