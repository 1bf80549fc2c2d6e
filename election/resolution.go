package election

// CredentialResolution is what a council's adopted credential resolution
// says (nghị quyết xác nhận tư cách người trúng cử, Law 85/2015/QH13 art.
// 82 and 83): the council, the resolution's number and date, and every
// person elected with the decision on their credentials. It is read from
// Postgres when the document is printed; names never enter a history.
type CredentialResolution struct {
	Term         Term
	Council      Council
	ResolutionNo string
	AdoptedOn    Date
	Lines        []ResolutionLine
}

// ResolutionLine is one person of a credential resolution: confirmed, or
// not, with the reason.
type ResolutionLine struct {
	Person    PersonID
	FullName  string
	BirthDate Date
	Confirmed bool
	Reason    string
}
