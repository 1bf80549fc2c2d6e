package checklist

import (
	"fmt"
	"regexp"
	"strings"

	"electionflow/election"
)

// subjectFormats are the subjects the workflows write for their tasks, by
// task kind, as fmt formats of the subject's values. They are in English
// and recorded in workflow histories, so they never change; clients show
// them in the reader's language by reading the values back (ParseSubject).
func subjectFormats() map[election.TaskKind]string {
	return map[election.TaskKind]string{
		election.KindReviewComplaint:      "%s %s/%s", // complaint kind, complaint, elected person
		election.KindAdoptResolution:      "council %s",
		election.KindHandOverCertificates: "%d certificates",
		election.KindSetSessionDate:       "first session of %s", // council
		election.KindSendSessionDocuments: "%d delegates",
		election.KindOpenSession:          "opening",
		election.KindRecordLeadership:     "leadership",
		election.KindRecordApprovals:      "%d results",
		election.KindSubmitNominations:    "nominations of council %s",
		election.KindAppraiseNomination:   "nomination %s",
		election.KindReviewCommendations:  "%d nominations passed appraisal",
		election.KindDecideCommendations:  "%s for %d nominations", // form of award, approved nominations
		election.KindVerifyCadreRecord:    "cadre %s",
		election.KindRecordCadreChoice:    "cadre %s",
		election.KindApproveCadreBenefits: "cadre %s",
		election.KindDecideCadreBenefits:  "cadre %s",
	}
}

// Subject is the subject of a task of kind about values, in the words the
// workflows have always written. A kind without a format gets the values
// joined by spaces.
func Subject(kind election.TaskKind, values ...any) string {
	format, ok := subjectFormats()[kind]
	if !ok {
		return strings.TrimSpace(fmt.Sprintln(values...))
	}
	return fmt.Sprintf(format, values...)
}

// ParseSubject reads back the values of a subject that Subject wrote for a
// task of kind, as text; false when the subject is not in its kind's
// format (an older or hand-made task), so a client shows it as it is.
func ParseSubject(kind election.TaskKind, subject string) ([]string, bool) {
	format, ok := subjectFormats()[kind]
	if !ok {
		return nil, false
	}
	m := subjectPattern(format).FindStringSubmatch(subject)
	if m == nil {
		return nil, false
	}
	return m[1:], true
}

// subjectPattern turns a subject format into an anchored regular
// expression with one group per verb (%s: any text, %d: digits).
func subjectPattern(format string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for rest := format; rest != ""; {
		i := strings.IndexByte(rest, '%')
		if i < 0 || i == len(rest)-1 {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		switch rest[i+1] {
		case 'd':
			b.WriteString(`(\d+)`)
		default:
			b.WriteString(`(.+?)`)
		}
		rest = rest[i+2:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// CadreOf is the outgoing cadre a task of a cadre's case is about, read
// from its subject ("cadre <id>"); false for a task of any other kind, or
// a subject not in that form.
func CadreOf(t election.Task) (election.CadreID, bool) {
	values, ok := ParseSubject(t.Kind, t.Subject)
	if !ok || subjectFormats()[t.Kind] != "cadre %s" || len(values) != 1 || values[0] == "" {
		return "", false
	}
	return election.CadreID(values[0]), true
}

// ComplainantOf is the elected person a complaint's review is about,
// read from its subject; false for a task of any other kind, or a subject
// not in that form.
func ComplainantOf(t election.Task) (election.PersonID, bool) {
	values, ok := ParseSubject(t.Kind, t.Subject)
	if !ok || t.Kind != election.KindReviewComplaint || len(values) != 3 || values[2] == "" {
		return "", false
	}
	return election.PersonID(values[2]), true
}
