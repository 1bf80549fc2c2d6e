package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"electionflow/auth"
	"electionflow/store"
)

// tokensBody is the tokens page's data.
type tokensBody struct {
	Tokens []store.Token
	// New is a token just created, shown this once.
	New   string
	Error string
}

// tokensPage lists the user's own API tokens.
func (s *Server) tokensPage(w http.ResponseWriter, r request) error {
	return s.showTokens(w, r, "", "")
}

func (s *Server) showTokens(w http.ResponseWriter, r request, created, problem string) error {
	if !r.User.Can(auth.ActManageOwnTokens, auth.Place{}) {
		return errForbidden
	}
	list, err := s.Store.ListTokens(r.Context(), r.User.ID)
	if err != nil {
		return err
	}
	return s.show(w, r, "tokens", "tokens", tokensBody{Tokens: list, New: created, Error: problem})
}

// createToken makes a new token and shows it once; only its hash is kept.
func (s *Server) createToken(w http.ResponseWriter, r request) error {
	if !r.User.Can(auth.ActManageOwnTokens, auth.Place{}) {
		return errForbidden
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	if name == "" || len([]rune(name)) > 100 {
		return s.showTokens(w, r, "", r.L.T("token.name"))
	}
	plain, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	if _, err := s.Store.CreateToken(r.Context(), r.User.ID, name, hash); err != nil {
		return err
	}
	return s.showTokens(w, r, plain, "")
}

// revokeToken revokes one of the user's own tokens; another's is 404.
func (s *Server) revokeToken(w http.ResponseWriter, r request) error {
	if !r.User.Can(auth.ActManageOwnTokens, auth.Place{}) {
		return errForbidden
	}
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.Store.RevokeToken(r.Context(), r.User.ID, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFound
		}
		return err
	}
	http.Redirect(w, r.Request, "/tokens", http.StatusSeeOther)
	return nil
}
