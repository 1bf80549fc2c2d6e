package election

import (
	"fmt"
	"strings"
	"time"
)

// Date is a civil calendar date (ngày) without a time of day or zone, as
// written in laws, resolutions and rosters. The zero Date means "not set".
type Date struct {
	t time.Time // midnight UTC of the date; zero when unset
}

// NewDate returns the date year-month-day. It normalises out-of-range values
// the way time.Date does; use ParseDate to validate input.
func NewDate(year int, month time.Month, day int) Date {
	return Date{t: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return NewDate(t.Date())
}

// dateLayouts are the accepted spellings of a date: ISO 8601 first, then the
// day/month/year form used in Vietnamese documents.
var dateLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006"}

// MinYear and MaxYear bound the years ParseDate accepts. Every date the
// system reads (birth dates of cadres, election days, decisions, rule sets'
// effective periods) lies well inside them; a year outside is a typo, and
// year 1 would read as the zero Date, "not set".
const (
	MinYear = 1900
	MaxYear = 2199
)

// ParseDate reads a date written as YYYY-MM-DD or DD/MM/YYYY. It refuses
// days that do not exist (30 February, 29 February of a common year) and
// years outside MinYear..MaxYear.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if y := t.Year(); y < MinYear || y > MaxYear {
			return Date{}, fmt.Errorf("%q: year %d is outside %d..%d", s, y, MinYear, MaxYear)
		}
		return Date{t: t}, nil
	}
	return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or DD/MM/YYYY)", s)
}

// MustParseDate is ParseDate for constants in code and tests; it panics on
// malformed input.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC at the start of the date.
func (d Date) Time() time.Time { return d.t }

// In returns the start of the date in loc, e.g. Asia/Ho_Chi_Minh for a
// deadline that falls due at local midnight.
func (d Date) In(loc *time.Location) time.Time {
	y, m, day := d.t.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n)} }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// String writes the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Vietnamese writes the date as DD/MM/YYYY, the form used in documents.
func (d Date) Vietnamese() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// AddDate returns the date years later, for ages and anniversaries; 29
// February moves to 1 March in a common year, as time.AddDate does.
func (d Date) AddDate(years int) Date { return Date{t: d.t.AddDate(years, 0, 0)} }
