package web

import (
	"errors"
	"fmt"
	"net/http"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/resolution"
	"electionflow/store"
)

// resolutionHref is the link to a council's credential resolution PDF.
func resolutionHref(term election.Term, council election.CouncilCode) string {
	return fmt.Sprintf("/councils/%s/%s/resolution.pdf", term, council)
}

// mayViewCouncil checks that the user may see a council's tasks; an
// unknown council is refused as one out of reach (403), so a council's
// existence is not told to those who may not see it.
func (s *Server) mayViewCouncil(r request, term election.Term, code election.CouncilCode) error {
	c, _, err := s.Store.Council(r.Context(), term, code)
	if errors.Is(err, store.ErrNotFound) {
		return errForbidden
	}
	if err != nil {
		return err
	}
	if !r.User.Can(auth.ActViewTasks, auth.Place{Term: term, Province: c.Province, Council: c.Code}) {
		return errForbidden
	}
	return nil
}

// resolutionPDF serves a council's adopted credential resolution (nghị
// quyết xác nhận tư cách) to whoever may see the council's tasks; a council
// out of reach and an unknown one both answer 403, and a resolution not yet
// adopted 404.
func (s *Server) resolutionPDF(w http.ResponseWriter, r request) error {
	term, err := election.ParseTerm(r.PathValue("term"))
	if err != nil {
		return errNotFound
	}
	code, err := election.ParseCouncilCode(r.PathValue("council"))
	if err != nil {
		return errNotFound
	}
	if err := s.mayViewCouncil(r, term, code); err != nil {
		return err
	}
	doc, err := s.Store.ResolutionDocument(r.Context(), term, code)
	if err != nil {
		return err
	}
	pdf, err := resolution.Render(doc)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="nghi-quyet-xac-nhan-tu-cach-%s-%s.pdf"`, term, code))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(pdf)
	return err
}
