// Package certificate renders delegate certificates (Giấy chứng nhận đại
// biểu): the one-page A4 PDF each confirmed delegate receives once the
// election committee — or the National Election Council for National
// Assembly deputies — has adopted the credential resolution (nghị quyết xác
// nhận tư cách người trúng cử).
//
// A Certificate carries personal data (full name, birth date), so activities
// build it from Postgres and hand the PDF bytes on; it never travels through
// workflow history. Render needs nothing installed: the DejaVu Serif fonts
// it embeds in the PDF are compiled into the binary.
package certificate

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"electionflow/election"
)

// Limits on the free-text fields, in characters. They are generous for real
// names (the longest council name, "Quốc hội nước Cộng hòa xã hội chủ nghĩa
// Việt Nam", has 48) and guarantee that a valid certificate fits on one page.
const (
	maxCouncilName  = 100
	maxAuthority    = 100
	maxFullName     = 60
	maxResolutionNo = 40
	maxPlace        = 60
)

// Certificate is what one delegate certificate says.
type Certificate struct {
	// Term is the term the delegate was elected for, e.g. "2026-2031".
	Term election.Term
	// CouncilName is the full name of the body, e.g. "Hội đồng nhân dân xã
	// Tân Hòa" or "Quốc hội".
	CouncilName string
	// Level is the tier of the council.
	Level election.Level
	// Authority confirms credentials and issues the certificate, named in
	// full, e.g. "Ủy ban bầu cử xã Tân Hòa" or "Hội đồng bầu cử quốc gia"
	// (election.LevelSpec.CredentialAuthority gives the generic form).
	Authority string
	// Number is the certificate's number, unique per council and term.
	Number int
	// CouncilCode identifies the council within the term.
	CouncilCode election.CouncilCode
	// FullName is the delegate's full name as on the citizen ID.
	FullName string
	// BirthDate is the delegate's date of birth.
	BirthDate election.Date
	// ResolutionNo is the number of the credential resolution, e.g.
	// "12/NQ-UBBC".
	ResolutionNo string
	// IssuedOn is the date of the credential resolution, on which the
	// certificate is issued.
	IssuedOn election.Date
	// Place is the place of issue written before the date, e.g. "Tân Hòa";
	// it may be empty.
	Place string
}

// Validate reports every missing or malformed field of c in one error.
func (c Certificate) Validate() error {
	var errs []error
	if _, err := election.ParseTerm(string(c.Term)); err != nil {
		errs = append(errs, fmt.Errorf("term: %w", err))
	}
	if _, err := election.ParseCouncilCode(string(c.CouncilCode)); err != nil {
		errs = append(errs, fmt.Errorf("council code: %w", err))
	}
	if c.Level == "" {
		errs = append(errs, errors.New("level is missing"))
	}
	if c.Number <= 0 {
		errs = append(errs, fmt.Errorf("number %d is not positive", c.Number))
	}
	for _, f := range []struct{ name, value string }{
		{"council name", c.CouncilName},
		{"authority", c.Authority},
		{"full name", c.FullName},
		{"resolution number", c.ResolutionNo},
	} {
		if strings.TrimSpace(f.value) == "" {
			errs = append(errs, fmt.Errorf("%s is missing", f.name))
		}
	}
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"council name", c.CouncilName, maxCouncilName},
		{"authority", c.Authority, maxAuthority},
		{"full name", c.FullName, maxFullName},
		{"resolution number", c.ResolutionNo, maxResolutionNo},
		{"place", c.Place, maxPlace},
	} {
		if !utf8.ValidString(f.value) {
			errs = append(errs, fmt.Errorf("%s is not valid UTF-8", f.name))
		} else if n := utf8.RuneCountInString(strings.TrimSpace(f.value)); n > f.max {
			errs = append(errs, fmt.Errorf("%s has %d characters, more than %d", f.name, n, f.max))
		}
	}
	if c.BirthDate.IsZero() {
		errs = append(errs, errors.New("birth date is missing"))
	}
	if c.IssuedOn.IsZero() {
		errs = append(errs, errors.New("issue date is missing"))
	}
	if !c.BirthDate.IsZero() && !c.IssuedOn.IsZero() && !c.BirthDate.Before(c.IssuedOn) {
		errs = append(errs, fmt.Errorf("birth date %s is not before issue date %s", c.BirthDate, c.IssuedOn))
	}
	if len(errs) > 0 {
		return fmt.Errorf("certificate %s: %w", c.SerialNumber(), errors.Join(errs...))
	}
	return nil
}

// SerialNumber is the number printed on the certificate: term, council code
// and the zero-padded number separated by slashes, e.g.
// "2026-2031/00008/0012". Neither a term nor a council code contains a
// slash, so it is unique per term, council and number.
func (c Certificate) SerialNumber() string {
	return fmt.Sprintf("%s/%s/%04d", c.Term, c.CouncilCode, c.Number)
}

// placeAndDate writes the line above the signature, e.g. "Tân Hòa, ngày 19
// tháng 4 năm 2026", or "Ngày 19 tháng 4 năm 2026" without a place.
func placeAndDate(place string, d election.Date) string {
	date := d.Written()
	if place = strings.TrimSpace(place); place == "" {
		return "N" + strings.TrimPrefix(date, "n")
	}
	return place + ", " + date
}
