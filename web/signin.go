package web

import (
	"errors"
	"net/http"
	"strings"

	"electionflow/auth"
	"electionflow/store"
)

// signInBody is the sign-in page's data: only whether an attempt failed,
// so every failure renders the same bytes.
type signInBody struct{ Failed bool }

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	l := s.language(w, r)
	s.render(w, http.StatusOK, "signin", pageData{L: l, Title: l.T("signin"), Path: r.URL.Path, Body: signInBody{}})
}

// signIn checks a username and password. Every attempt is recorded; any
// failure (unknown user, wrong password, too many recent failures) gives
// the same page, and an unknown user costs the same password hashing
// time as a known one. On success the session token is renewed, so a
// token planted before sign-in is worthless.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	l := s.language(w, r)
	ctx := r.Context()
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	source := "web " + r.RemoteAddr
	fail := func(status int) {
		s.render(w, status, "signin", pageData{L: l, Title: l.T("signin"), Path: r.URL.Path, Body: signInBody{Failed: true}})
	}
	if username == "" || len(username) > 200 {
		auth.DummyCheck(password)
		fail(http.StatusUnauthorized)
		return
	}
	now := s.now()
	failures, err := s.Store.RecentFailures(ctx, username, now.Add(-auth.ThrottleLookback))
	if err != nil {
		s.errorPage(w, r, l, nil, err)
		return
	}
	u, err := s.Store.UserByName(ctx, username)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, l, nil, err)
		return
	}
	ok := false
	switch {
	case now.Before(auth.LockedUntil(failures, now)):
		auth.DummyCheck(password)
	case err != nil:
		auth.DummyCheck(password)
	default:
		// A disabled user is refused like a wrong password, after the
		// same work.
		ok = auth.CheckPassword(u.PasswordHash, password) && !u.Disabled
	}
	if err := s.Store.RecordSignIn(ctx, username, ok, source); err != nil {
		s.errorPage(w, r, l, nil, err)
		return
	}
	if !ok {
		fail(http.StatusUnauthorized)
		return
	}
	sm := s.sessionsFor(r)
	if err := sm.RenewToken(ctx); err != nil {
		s.errorPage(w, r, l, nil, err)
		return
	}
	sm.Put(ctx, "uid", u.ID)
	http.Redirect(w, r, "/inbox", http.StatusSeeOther)
}

// signOut destroys the session.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if err := s.sessionsFor(r).Destroy(r.Context()); err != nil {
		s.errorPage(w, r, s.language(w, r), nil, err)
		return
	}
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}
