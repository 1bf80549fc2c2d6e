package election

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The task kinds of the commendations area (khen thưởng tổng kết công tác
// bầu cử): nominations with a short achievement summary, appraisal by the
// emulation and commendation board, review by the emulation and
// commendation council (Hội đồng Thi đua – Khen thưởng), and the decision
// of the People's Committee chair.
const (
	// KindSubmitNominations: the council office submits the council's
	// nominations (đề nghị khen thưởng), possibly none.
	KindSubmitNominations TaskKind = "submit-nominations"
	// KindAppraiseNomination: the emulation and commendation board
	// appraises one nomination (thẩm định hồ sơ).
	KindAppraiseNomination TaskKind = "appraise-nomination"
	// KindReviewCommendations: the emulation and commendation council
	// reviews every nomination that passed appraisal (xét khen thưởng).
	KindReviewCommendations TaskKind = "review-commendations"
	// KindDecideCommendations: the People's Committee chair signs the
	// commendation decision (quyết định khen thưởng).
	KindDecideCommendations TaskKind = "decide-commendations"
)

// Bounds of a council's nominations.
const (
	// MaxNominations is the most nominations one council may submit.
	MaxNominations = 200
	// maxNomineeLen bounds the nominee's name, in characters.
	maxNomineeLen = 200
	// maxAchievementLen bounds the achievement summary, in characters: the
	// full achievement report stays a document; the task carries a summary.
	maxAchievementLen = 500
)

// NominationID identifies a nomination within a council, e.g. "N1".
type NominationID string

// ParseNominationID validates a nomination ID: letters, digits, '-' or '_',
// at most 40, so it fits in a task ID.
func ParseNominationID(s string) (NominationID, error) {
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a nomination ID (letters, digits, '-' or '_', at most 40)", s)
	}
	return NominationID(s), nil
}

// NomineeKind says whether a collective (tập thể) or an individual (cá
// nhân) is nominated.
type NomineeKind string

// The nominee kinds.
const (
	NomineeCollective NomineeKind = "collective" // tập thể
	NomineeIndividual NomineeKind = "individual" // cá nhân
)

// Nomination is one proposal to commend a collective or an individual for
// their work in the election. Its text is the public commendation text
// (the name as it will be printed and a short summary of the achievement),
// never personal data such as a citizen ID or a birth date.
type Nomination struct {
	ID          NominationID `json:"id"`
	NomineeKind NomineeKind  `json:"nominee_kind"`
	Nominee     string       `json:"nominee"`
	Achievement string       `json:"achievement"`
}

// Validate checks one nomination.
func (n Nomination) Validate() error {
	if _, err := ParseNominationID(string(n.ID)); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	if n.NomineeKind != NomineeCollective && n.NomineeKind != NomineeIndividual {
		return fmt.Errorf("nominee_kind %q: want collective or individual", n.NomineeKind)
	}
	if err := checkText("nominee", n.Nominee, maxNomineeLen, false); err != nil {
		return err
	}
	return checkText("achievement", n.Achievement, maxAchievementLen, true)
}

// checkText requires a non-blank text of at most max characters without
// control characters (newlines and tabs allowed when multiline).
func checkText(field, s string, max int, multiline bool) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("%s is required", field)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s is not valid UTF-8", field)
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("%s is longer than %d characters", field, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			return fmt.Errorf("%s contains a control character %U", field, r)
		}
	}
	return nil
}

// NominationsOutcome is what the council office submits: the council's
// nominations, unique by ID. An empty list means the council nominates
// nobody; the list itself must be given, so that an empty or mistyped
// outcome is not taken for "no nominations".
type NominationsOutcome struct {
	Nominations []Nomination `json:"nominations"`
}

// Validate checks the nominations: the list given, at most
// MaxNominations, each valid, IDs unique within the council.
func (o NominationsOutcome) Validate() error {
	if o.Nominations == nil {
		return fmt.Errorf(`nominations is required (send "nominations": [] when there are none)`)
	}
	if len(o.Nominations) > MaxNominations {
		return fmt.Errorf("%d nominations: at most %d", len(o.Nominations), MaxNominations)
	}
	seen := make(map[NominationID]int, len(o.Nominations))
	for i, n := range o.Nominations {
		if err := n.Validate(); err != nil {
			return fmt.Errorf("nominations[%d]: %w", i, err)
		}
		if j, dup := seen[n.ID]; dup {
			return fmt.Errorf("nominations[%d]: duplicate id %s (first at nominations[%d])", i, n.ID, j)
		}
		seen[n.ID] = i
	}
	return nil
}

// IDs returns the nominations' IDs in the order submitted.
func (o NominationsOutcome) IDs() []NominationID {
	ids := make([]NominationID, len(o.Nominations))
	for i, n := range o.Nominations {
		ids[i] = n.ID
	}
	return ids
}

// AppraisalDecision is the emulation board's finding on a nomination.
type AppraisalDecision string

// The appraisal decisions.
const (
	AppraisalApprove AppraisalDecision = "approve" // đủ điều kiện, trình Hội đồng
	AppraisalReject  AppraisalDecision = "reject"  // không đủ điều kiện
)

// AppraisalOutcome is the appraisal of one nomination; a rejection needs
// its reason.
type AppraisalOutcome struct {
	Decision AppraisalDecision `json:"decision"`
	Reason   string            `json:"reason,omitempty"`
}

// Validate checks the appraisal.
func (o AppraisalOutcome) Validate() error {
	if o.Decision != AppraisalApprove && o.Decision != AppraisalReject {
		return fmt.Errorf("decision %q: want approve or reject", o.Decision)
	}
	return checkReason(o.Reason, o.Decision == AppraisalReject)
}

// NominationAppraisal is a recorded appraisal: which nomination, and what
// the board found.
type NominationAppraisal struct {
	Nomination NominationID      `json:"nomination"`
	Decision   AppraisalDecision `json:"decision"`
	Reason     string            `json:"reason,omitempty"`
}

// CouncilVote is the council's decision on one nomination. Approve is a
// pointer so that leaving it out is an error rather than a silent
// rejection.
type CouncilVote struct {
	Nomination NominationID `json:"nomination"`
	Approve    *bool        `json:"approve"`
	Reason     string       `json:"reason,omitempty"`
}

// CouncilReviewOutcome is the emulation and commendation council's review:
// one decision for every nomination that passed appraisal, and no other.
type CouncilReviewOutcome struct {
	Decisions []CouncilVote `json:"decisions"`
}

// Validate checks the review covers exactly the nominations in expected
// (those that passed appraisal), each once, with a reason for every
// rejection.
func (o CouncilReviewOutcome) Validate(expected []NominationID) error {
	want := make(map[NominationID]bool, len(expected))
	for _, id := range expected {
		want[id] = true
	}
	seen := make(map[NominationID]bool, len(o.Decisions))
	for i, d := range o.Decisions {
		switch {
		case !want[d.Nomination]:
			return fmt.Errorf("decisions[%d]: nomination %q is not awaiting the council's review", i, d.Nomination)
		case seen[d.Nomination]:
			return fmt.Errorf("decisions[%d]: nomination %s is decided twice", i, d.Nomination)
		case d.Approve == nil:
			return fmt.Errorf("decisions[%d]: approve (true or false) is required for %s", i, d.Nomination)
		}
		seen[d.Nomination] = true
		if err := checkReason(d.Reason, !*d.Approve); err != nil {
			return fmt.Errorf("decisions[%d] (%s): %w", i, d.Nomination, err)
		}
	}
	var missing []string
	for _, id := range expected {
		if !seen[id] {
			missing = append(missing, string(id))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("no decision for %s", strings.Join(missing, ", "))
	}
	return nil
}

// Verdicts returns the review's decisions as plain verdicts, in the order
// given. Call it on a validated outcome only.
func (o CouncilReviewOutcome) Verdicts() []CouncilVerdict {
	out := make([]CouncilVerdict, len(o.Decisions))
	for i, d := range o.Decisions {
		out[i] = CouncilVerdict{Nomination: d.Nomination, Approved: d.Approve != nil && *d.Approve, Reason: d.Reason}
	}
	return out
}

// CouncilVerdict is the council's recorded decision on one nomination.
type CouncilVerdict struct {
	Nomination NominationID `json:"nomination"`
	Approved   bool         `json:"approved"`
	Reason     string       `json:"reason,omitempty"`
}

// NominationStatus is where a nomination ended up. A nomination only moves
// forward: nominated, then rejected at appraisal, or rejected or approved
// by the council.
type NominationStatus string

// The nomination statuses.
const (
	NominationNominated         NominationStatus = "nominated"
	NominationAppraisalRejected NominationStatus = "appraisal-rejected"
	NominationCouncilRejected   NominationStatus = "council-rejected"
	NominationApproved          NominationStatus = "approved"
)
