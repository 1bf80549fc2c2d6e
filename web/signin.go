package web

import (
	"context"
	"errors"
	"math"
	"net/http"
	"net/netip"
	"strconv"
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

// maxPasswordBytes bounds what sign-in hashes: the longest password the
// policy allows, in the widest UTF-8.
const maxPasswordBytes = 4 * auth.MaxPasswordLength

// signIn checks a username and password, in three steps:
//
//  1. Reserve: the store counts this (user name, client address) key's
//     recent failures and records the attempt in one atomic step
//     (store.ReserveSignIn); a key that must wait is refused with 429 and
//     Retry-After, its password unchecked.
//  2. Check: the password is hashed once a turn is free (auth.HashLimiter),
//     so a burst queues rather than taking memory; with no turn soon, 503
//     and Retry-After. An unknown user name costs the same hash.
//  3. Finish: the outcome is recorded; an old-parameter hash is replaced.
//
// Any failure (unknown user, wrong password, disabled user, throttled)
// shows the same page. On success the session token is renewed, so a
// token planted before sign-in is worthless.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	l := s.language(w, r)
	ctx := r.Context()
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	client := auth.ClientKey(s.clientAddress(r))
	fail := func(status int) {
		s.render(w, status, "signin", pageData{L: l, Title: l.T("signin"), Path: r.URL.Path, Body: signInBody{Failed: true}})
	}
	if username == "" || len(username) > 200 || len(password) > maxPasswordBytes {
		fail(http.StatusUnauthorized)
		return
	}
	now := s.now()
	turn, err := s.Store.ReserveSignIn(ctx, username, client, "web "+client, now)
	if err != nil {
		s.errorPage(w, r, l, nil, err)
		return
	}
	if !turn.Allowed() {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(turn.RetryAt.Sub(now).Seconds()))))
		fail(http.StatusTooManyRequests)
		return
	}
	// The outcome is recorded even if the client hangs up, so no attempt
	// stays pending (and counted as a failure) for nothing.
	finishCtx := context.WithoutCancel(ctx)
	u, ok, err := s.checkSignIn(ctx, username, password)
	if err != nil {
		// No password was checked: the attempt does not count.
		if ferr := s.Store.FinishSignIn(finishCtx, turn.ID, store.SignInBusy); ferr != nil {
			s.Log.Warn().Err(ferr).Msg("web: record a sign-in that checked nothing")
		}
		s.errorPage(w, r, l, nil, err)
		return
	}
	outcome := store.SignInFailed
	if ok {
		outcome = store.SignInOK
	}
	if err := s.Store.FinishSignIn(finishCtx, turn.ID, outcome); err != nil {
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

// checkSignIn looks the user up and checks the password in a turn of the
// hash limiter: against the user's hash, or a dummy one of the same cost
// when the name is unknown. A disabled user is refused after the same
// work. A right password whose hash has old parameters is hashed again and
// stored (auth.NeedsRehash). An error means no password was checked.
func (s *Server) checkSignIn(ctx context.Context, username, password string) (store.UserRecord, bool, error) {
	u, err := s.Store.UserByName(ctx, username)
	known := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return u, false, err
	}
	release, err := s.hashes.Acquire(ctx)
	if err != nil {
		return u, false, err
	}
	defer release()
	if !known {
		auth.DummyCheck(password)
		return u, false, nil
	}
	ok := auth.CheckPassword(u.PasswordHash, password) && !u.Disabled
	if ok && auth.NeedsRehash(u.PasswordHash) {
		s.rehash(context.WithoutCancel(ctx), u, password)
	}
	return u, ok, nil
}

// rehash stores a hash of today's parameters for a password just checked.
// A failure is logged and the sign-in goes on: the old hash still works.
func (s *Server) rehash(ctx context.Context, u store.UserRecord, password string) {
	h, err := auth.HashPassword(password)
	if err == nil {
		_, err = s.Store.RehashPassword(ctx, u.ID, u.PasswordHash, h)
	}
	if err != nil {
		s.Log.Warn().Err(err).Str("user", u.Username).Msg("web: rehash a password at sign-in")
	}
}

// clientAddress is the address sign-in throttles by. By default it is the
// address the connection comes from (RemoteAddr): a client cannot forge
// it. Behind a reverse proxy every request comes from the proxy, so with
// TrustForwardedFor the last address of X-Forwarded-For is taken instead:
// the one the proxy itself appended, not those the client may have sent
// before it. Enable it only when every request passes through such a
// proxy, or a client could name any address it likes.
func (s *Server) clientAddress(r *http.Request) netip.Addr {
	if s.TrustForwardedFor {
		if v := r.Header.Values("X-Forwarded-For"); len(v) > 0 {
			hops := strings.Split(v[len(v)-1], ",")
			if a, err := netip.ParseAddr(strings.TrimSpace(hops[len(hops)-1])); err == nil {
				return a
			}
		}
	}
	if ap, err := netip.ParseAddrPort(r.RemoteAddr); err == nil {
		return ap.Addr()
	}
	a, _ := netip.ParseAddr(r.RemoteAddr)
	return a
}

// signOut destroys the session.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if err := s.sessionsFor(r).Destroy(r.Context()); err != nil {
		s.errorPage(w, r, s.language(w, r), nil, err)
		return
	}
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}
