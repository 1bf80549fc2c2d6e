package activities

import (
	"context"
	"fmt"

	"go.temporal.io/sdk/activity"

	"electionflow/certificate"
	"electionflow/checklist"
	"electionflow/store"
)

// certificateBatch is how many certificates are rendered and stored per
// transaction, with a heartbeat after each.
const certificateBatch = 50

// credentialsActivities are the activities of the credentials area, by
// contract name, for Register.
func (a *Activities) credentialsActivities() map[string]any {
	return map[string]any{
		checklist.ActivityLoadCredentialFacts:  a.LoadCredentialFacts,
		checklist.ActivityDraftResolution:      a.DraftResolution,
		checklist.ActivityAdoptResolution:      a.AdoptResolution,
		checklist.ActivityIssueCertificates:    a.IssueCertificates,
		checklist.ActivityHandOverCertificates: a.HandOverCertificates,
	}
}

// LoadCredentialFacts reads the persons elected to a council and the
// complaints against them, as identifiers.
func (a *Activities) LoadCredentialFacts(ctx context.Context, in checklist.Input) (checklist.CredentialFacts, error) {
	persons, complaints, err := a.Store.CredentialFacts(ctx, in.Term, in.Council)
	if err != nil {
		return checklist.CredentialFacts{}, err
	}
	refs := make([]checklist.ComplaintRef, len(complaints))
	for i, c := range complaints {
		refs[i] = checklist.ComplaintRef{ID: c.ID, Person: c.Person, Kind: c.Kind}
	}
	return checklist.CredentialFacts{Persons: persons, Complaints: refs}, nil
}

// DraftResolution records the draft credential resolution, one line per person.
func (a *Activities) DraftResolution(ctx context.Context, d checklist.ResolutionDraft) error {
	return a.Store.DraftResolution(ctx, d.Term, d.Council, d.Decisions)
}

// AdoptResolution records the adopted credential resolution.
func (a *Activities) AdoptResolution(ctx context.Context, r checklist.ResolutionAdoption) error {
	_, err := a.Store.AdoptResolution(ctx, r.Term, r.Council, r.ResolutionNo, r.AdoptedOn)
	return err
}

// IssueCertificates renders and stores the certificate of every confirmed
// person of a council who has none yet, and returns how many the council
// has. Numbers are fixed by the store, so a retry after a crash issues the
// rest with the same numbers and never a second certificate. Each cites the
// resolution as recorded: its number is the register's when the committee
// gave none, which the workflow does not know.
func (a *Activities) IssueCertificates(ctx context.Context, in checklist.CertificateIssue) (int, error) {
	council, _, err := a.Store.Council(ctx, in.Term, in.Council)
	if err != nil {
		return 0, err
	}
	pending, err := a.Store.PendingCertificates(ctx, in.Term, in.Council)
	if err != nil {
		return 0, err
	}
	resolutionNo, _, adopted, err := a.Store.Resolution(ctx, in.Term, in.Council)
	if err != nil {
		return 0, err
	}
	if !adopted {
		return 0, fmt.Errorf("certificates of %s: no adopted resolution recorded", council.Code)
	}
	authority := council.CredentialAuthority()
	for start := 0; start < len(pending); start += certificateBatch {
		end := min(start+certificateBatch, len(pending))
		certs := make([]store.Certificate, 0, end-start)
		for _, p := range pending[start:end] {
			pdf, err := certificate.Render(certificate.Certificate{
				Term: in.Term, CouncilName: council.Name, Level: council.Level, Authority: authority,
				Number: p.Number, CouncilCode: council.Code, FullName: p.FullName, BirthDate: p.BirthDate,
				ResolutionNo: resolutionNo, IssuedOn: in.IssuedOn, Place: council.Place(),
			})
			if err != nil {
				return 0, fmt.Errorf("certificate %d of %s: %w", p.Number, council.Code, err)
			}
			certs = append(certs, store.Certificate{Term: in.Term, Council: council.Code, Number: p.Number,
				Person: p.Person, ResolutionNo: resolutionNo, IssuedOn: in.IssuedOn, PDF: pdf})
		}
		if err := a.Store.InsertCertificates(ctx, certs); err != nil {
			return 0, err
		}
		activity.RecordHeartbeat(ctx, end)
	}
	return a.Store.CountCertificates(ctx, in.Term, in.Council)
}

// HandOverCertificates marks a council's certificates handed over.
func (a *Activities) HandOverCertificates(ctx context.Context, h checklist.CertificateHandover) error {
	return a.Store.HandOverCertificates(ctx, h.Term, h.Council, h.HandedOverOn)
}
