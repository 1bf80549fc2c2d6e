package election

import (
	"fmt"
	"regexp"
)

// Term identifies an election by the term (nhiệm kỳ) of the bodies it
// elects, written "2026-2031". It keys every record of that election and is
// part of every checklist workflow ID.
type Term string

var termPattern = regexp.MustCompile(`^(\d{4})-(\d{4})$`)

// ParseTerm validates a term written as "YYYY-YYYY" with the end after the
// start.
func ParseTerm(s string) (Term, error) {
	m := termPattern.FindStringSubmatch(s)
	if m == nil || m[1] >= m[2] {
		return "", fmt.Errorf("%q is not a term (want e.g. 2026-2031)", s)
	}
	return Term(s), nil
}

// Election is one general election (cuộc bầu cử): the term it elects, its
// name, election day and the deadlines that follow from it.
type Election struct {
	Term        Term
	Name        string
	ElectionDay Date
	// DeadlineDays overrides the legal calendar's default number of days
	// for some deadlines of this election; see Calendar.
	DeadlineDays map[DeadlineKind]int
}

// Calendar returns the legal calendar of the election, with its overrides.
func (e Election) Calendar() (Calendar, error) {
	return NewCalendar(e.ElectionDay, e.DeadlineDays)
}
