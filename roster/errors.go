package roster

import (
	"fmt"
	"strings"
)

// FieldError is one problem in a roster file, located by file and line.
type FieldError struct {
	File   string
	Line   int    // 1-based; the header is line 1; 0 for the file as a whole
	Field  string // the column, or "" when the whole row or file is at fault
	Reason string
}

// Error writes the problem as file:line: field: reason.
func (e FieldError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Reason)
	}
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Reason)
}

// Errors is every problem found in a roster; a roster with any is not
// imported at all.
type Errors []FieldError

// Error lists the problems, one a line.
func (es Errors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "roster has %d problem(s); nothing was imported:", len(es))
	for _, e := range es {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}
