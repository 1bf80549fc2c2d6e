package roster

import (
	"strconv"
	"unicode/utf8"

	"electionflow/election"
)

// maxTextLen bounds free-text fields (names, summaries) in characters.
const maxTextLen = 500

// row reads typed values from one record, reporting each bad field to the
// sink under the record's file and line. After reading, ok tells whether
// every field was good.
type row struct {
	t    *table
	rec  record
	sink *errorSink
	bad  bool
}

func (r *row) fail(field, reason string) {
	r.bad = true
	r.sink.add(r.t.file, r.rec.line, field, reason)
}

func (r *row) ok() bool { return !r.bad }

// text returns a required free-text value.
func (r *row) text(field string) string {
	v := r.rec.values[field]
	switch {
	case v == "":
		r.fail(field, "is empty")
	case utf8.RuneCountInString(v) > maxTextLen:
		r.fail(field, "is longer than "+strconv.Itoa(maxTextLen)+" characters")
	}
	return v
}

// optional returns a value that may be empty or whose column may be absent.
func (r *row) optional(field string) string { return r.rec.values[field] }

// parse reads a required value through fn, reporting fn's error.
func parse[T any](r *row, field string, fn func(string) (T, error)) T {
	v := r.rec.values[field]
	if v == "" {
		r.fail(field, "is empty")
		var zero T
		return zero
	}
	out, err := fn(v)
	if err != nil {
		r.fail(field, err.Error())
	}
	return out
}

// date reads a required date.
func (r *row) date(field string) election.Date { return parse(r, field, election.ParseDate) }

// optionalDate reads a date that may be empty.
func (r *row) optionalDate(field string) election.Date {
	if r.rec.values[field] == "" {
		return election.Date{}
	}
	return r.date(field)
}

// integer reads a required whole number within [lo, hi].
func (r *row) integer(field string, lo, hi int64) int64 {
	return parse(r, field, func(s string) (int64, error) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmtErr("%q is not a whole number", s)
		}
		if n < lo || n > hi {
			return 0, fmtErr("%d is out of range %d..%d", n, lo, hi)
		}
		return n, nil
	})
}
