package election

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The task kinds of the credentials area (xác nhận tư cách người trúng cử).
const (
	// KindReviewComplaint: the election committee reviews one complaint or
	// denunciation against an elected person.
	KindReviewComplaint TaskKind = "review-complaint"
	// KindAdoptResolution: the election committee adopts the council's
	// credential resolution (nghị quyết xác nhận tư cách).
	KindAdoptResolution TaskKind = "adopt-credential-resolution"
	// KindHandOverCertificates: the council office confirms the delegate
	// certificates were handed over.
	KindHandOverCertificates TaskKind = "hand-over-certificates"
)

// ReviewDecision is the outcome of reviewing a complaint.
type ReviewDecision string

// The review decisions.
const (
	Upheld    ReviewDecision = "upheld"    // có cơ sở: the person is not confirmed
	Dismissed ReviewDecision = "dismissed" // không có cơ sở
)

// ReviewOutcome is what the election committee decides on a complaint.
// Ineligible records that the review found the person ineligible (e.g. not
// meeting the conditions of a delegate) whatever the complaint's fate.
type ReviewOutcome struct {
	Decision   ReviewDecision `json:"decision"`
	Reason     string         `json:"reason"`
	Ineligible bool           `json:"ineligible,omitempty"`
}

// maxReasonLen bounds reasons and notes, in characters.
const maxReasonLen = 1000

// Validate checks the outcome is complete.
func (o ReviewOutcome) Validate() error {
	if o.Decision != Upheld && o.Decision != Dismissed {
		return fmt.Errorf("decision %q: want upheld or dismissed", o.Decision)
	}
	return checkReason(o.Reason, true)
}

func checkReason(r string, required bool) error {
	switch {
	case required && strings.TrimSpace(r) == "":
		return fmt.Errorf("reason is required")
	case utf8.RuneCountInString(r) > maxReasonLen:
		return fmt.Errorf("reason is longer than %d characters", maxReasonLen)
	}
	return nil
}

// documentNoPattern matches decision and resolution numbers such as
// "12/NQ-UBBC" or "345/QĐ-UBND".
var documentNoPattern = regexp.MustCompile(`^[0-9]{1,6}(/[\p{L}0-9.-]{1,40})+$`)

// ParseDocumentNo validates the number of a resolution or decision.
func ParseDocumentNo(s string) (string, error) {
	if !documentNoPattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a document number (want e.g. 12/NQ-UBBC)", s)
	}
	return s, nil
}

// ResolutionOutcome is the adoption of a credential resolution: the day it
// was adopted and, for a resolution numbered outside electionflow, its
// number. Left empty, as the web form and starter suggest, the number is
// the next of the committee's register for the year (ResolutionNumber).
type ResolutionOutcome struct {
	ResolutionNo string `json:"resolution_no"`
	AdoptedOn    Date   `json:"adopted_on"`
}

// Validate checks the resolution against the election: numbered, adopted
// no earlier than earliest (the day after complaints about the results
// close, see ResolutionEarliest) and not in the future (today is the
// workflow's today).
func (o ResolutionOutcome) Validate(earliest, today Date) error {
	if o.ResolutionNo != "" {
		if _, err := ParseDocumentNo(o.ResolutionNo); err != nil {
			return fmt.Errorf("resolution_no: %w", err)
		}
	}
	switch {
	case o.AdoptedOn.IsZero():
		return fmt.Errorf("adopted_on is required")
	case o.AdoptedOn.Before(earliest):
		return fmt.Errorf("adopted_on %s is before %s: complaints about the results may be filed until the day before", o.AdoptedOn, earliest)
	case o.AdoptedOn.After(today):
		return fmt.Errorf("adopted_on %s is in the future", o.AdoptedOn)
	}
	return nil
}

// ResolutionEarliest is the first day a credential resolution may be
// adopted: the day after complaints about the results close (it rests on
// their outcome), or the day after election day when that is not known.
func ResolutionEarliest(electionDay, complaintsFiled Date) Date {
	if complaintsFiled.IsZero() {
		return electionDay.AddDays(1)
	}
	return complaintsFiled.AddDays(1)
}

// HandoverOutcome records that the certificates were handed over.
type HandoverOutcome struct {
	HandedOverOn Date   `json:"handed_over_on"`
	Note         string `json:"note,omitempty"`
}

// Validate checks the handover is dated, not before the resolution and not
// in the future.
func (o HandoverOutcome) Validate(adoptedOn, today Date) error {
	switch {
	case o.HandedOverOn.IsZero():
		return fmt.Errorf("handed_over_on is required")
	case o.HandedOverOn.Before(adoptedOn):
		return fmt.Errorf("handed_over_on %s is before the resolution of %s", o.HandedOverOn, adoptedOn)
	case o.HandedOverOn.After(today):
		return fmt.Errorf("handed_over_on %s is in the future", o.HandedOverOn)
	}
	return checkReason(o.Note, false)
}

// DecodeOutcome reads a task outcome strictly: unknown fields are an
// error, so a typo is refused instead of silently ignored.
func DecodeOutcome(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("outcome: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("outcome: trailing data after the JSON object")
	}
	return nil
}

// ComplaintReview is a settled complaint: which person it concerned and
// what the review decided.
type ComplaintReview struct {
	Complaint ComplaintID
	Person    PersonID
	Outcome   ReviewOutcome
}

// CredentialDecision is one line of the credential resolution: a person
// confirmed or not, with the reason when not.
type CredentialDecision struct {
	Person    PersonID `json:"person"`
	Confirmed bool     `json:"confirmed"`
	Reason    string   `json:"reason,omitempty"`
}

// DecideCredentials lists every elected person of a council as confirmed
// or not. A person is not confirmed when a complaint against them was upheld
// or a review recorded them ineligible; the reasons of every such review are
// joined. The result is in the order of persons.
func DecideCredentials(persons []PersonID, reviews []ComplaintReview) []CredentialDecision {
	reasons := make(map[PersonID][]string)
	for _, r := range reviews {
		switch {
		case r.Outcome.Decision == Upheld:
			reasons[r.Person] = append(reasons[r.Person], fmt.Sprintf("%s có cơ sở: %s", r.Complaint, r.Outcome.Reason))
		case r.Outcome.Ineligible:
			reasons[r.Person] = append(reasons[r.Person], fmt.Sprintf("không đủ tư cách (%s): %s", r.Complaint, r.Outcome.Reason))
		}
	}
	out := make([]CredentialDecision, len(persons))
	for i, p := range persons {
		rs := reasons[p]
		sort.Strings(rs)
		out[i] = CredentialDecision{Person: p, Confirmed: len(rs) == 0, Reason: strings.Join(rs, "; ")}
	}
	return out
}
