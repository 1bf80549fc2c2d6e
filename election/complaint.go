package election

import (
	"fmt"
	"strings"
)

// ComplaintID identifies a complaint or denunciation within a term.
type ComplaintID string

// ParseComplaintID validates a complaint ID.
func ParseComplaintID(s string) (ComplaintID, error) {
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a complaint ID (letters, digits, '-' or '_', at most 40)", s)
	}
	return ComplaintID(s), nil
}

// ComplaintKind distinguishes a complaint about the election (khiếu nại)
// from a denunciation of an elected person (tố cáo); both are reviewed
// before credentials are confirmed (Law 85/2015/QH13 art. 87).
type ComplaintKind string

// The kinds of ComplaintKind.
const (
	KindComplaint    ComplaintKind = "complaint"    // khiếu nại
	KindDenunciation ComplaintKind = "denunciation" // tố cáo
)

// ParseComplaintKind accepts complaint/denunciation or khiếu nại/tố cáo.
func ParseComplaintKind(s string) (ComplaintKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "complaint", "khiếu nại", "khieu nai":
		return KindComplaint, nil
	case "denunciation", "tố cáo", "to cao":
		return KindDenunciation, nil
	}
	return "", fmt.Errorf("%q is not a complaint kind (want complaint or denunciation, khiếu nại or tố cáo)", s)
}

// Complaint is a complaint or denunciation against an elected person; each
// becomes a review task for the election committee.
type Complaint struct {
	ID         ComplaintID
	Council    CouncilCode
	Person     PersonID
	Kind       ComplaintKind
	ReceivedOn Date
	Summary    string
}
