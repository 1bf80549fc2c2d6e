package checklist

import "electionflow/election"

// The credentials and certificates area (xác nhận tư cách người trúng cử
// và cấp giấy chứng nhận đại biểu).
const (
	WorkflowCredentials      = "CredentialsV2"
	AreaCredentials     Area = "credentials"

	ActivityLoadCredentialFacts  = "LoadCredentialFacts"
	ActivityDraftResolution      = "DraftResolution"
	ActivityAdoptResolution      = "AdoptResolution"
	ActivityIssueCertificates    = "IssueCertificates"
	ActivityHandOverCertificates = "HandOverCertificates"
)

// CredentialFacts is what the credentials area works on: the persons
// elected and the complaints against them, by identifier only.
type CredentialFacts struct {
	Persons    []election.PersonID `json:"persons"`
	Complaints []ComplaintRef      `json:"complaints"`
}

// ComplaintRef names a complaint and the person it concerns.
type ComplaintRef struct {
	ID     election.ComplaintID   `json:"id"`
	Person election.PersonID      `json:"person"`
	Kind   election.ComplaintKind `json:"kind"`
}

// CredentialsInput starts the credentials area.
type CredentialsInput struct {
	Facts CouncilFacts `json:"facts"`
}

// CredentialsResult is what the credentials area decided.
type CredentialsResult struct {
	ResolutionNo string        `json:"resolution_no"`
	AdoptedOn    election.Date `json:"adopted_on"`
	Confirmed    int           `json:"confirmed"`
	NotConfirmed int           `json:"not_confirmed"`
	Certificates int           `json:"certificates"`
}

// ResolutionDraft is the credential resolution the committee is asked to
// adopt: every person of the council, confirmed or not.
type ResolutionDraft struct {
	Term      election.Term                 `json:"term"`
	Council   election.CouncilCode          `json:"council"`
	Decisions []election.CredentialDecision `json:"decisions"`
}

// ResolutionAdoption records the adopted resolution.
type ResolutionAdoption struct {
	Term         election.Term        `json:"term"`
	Council      election.CouncilCode `json:"council"`
	ResolutionNo string               `json:"resolution_no"`
	AdoptedOn    election.Date        `json:"adopted_on"`
}

// CertificateIssue asks for the certificates of a council's confirmed
// persons under an adopted resolution.
type CertificateIssue struct {
	Term         election.Term        `json:"term"`
	Council      election.CouncilCode `json:"council"`
	ResolutionNo string               `json:"resolution_no"`
	IssuedOn     election.Date        `json:"issued_on"`
}

// CertificateHandover records that a council's certificates were handed over.
type CertificateHandover struct {
	Term         election.Term        `json:"term"`
	Council      election.CouncilCode `json:"council"`
	HandedOverOn election.Date        `json:"handed_over_on"`
}
