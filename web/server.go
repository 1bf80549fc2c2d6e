// Package web is electionflow's browser front end and JSON API for staff
// and managers: sign-in with sessions in Postgres, the task inbox with
// claims and assignment, a page per task that completes it through the
// workflow that owns it, the managers' progress board (with a CSV export
// and links to the Temporal UI), the summary report, and a bearer-token
// JSON API. Pages are server-rendered html/template and work without
// JavaScript, in Vietnamese first, English with ?lang=en. Every page and
// endpoint checks the signed-in user's roles and scopes (package auth).
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/rs/zerolog"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// Completer completes tasks and reads checklist progress; *ops.Ops
// implements it.
type Completer interface {
	CompleteTask(ctx context.Context, req checklist.CompleteTaskRequest) (checklist.CompleteTaskResult, error)
	Progress(ctx context.Context, term election.Term, council election.CouncilCode) (checklist.Progress, error)
}

var _ Completer = (*ops.Ops)(nil)

// Server holds what the handlers need. Build it, then serve Handler().
type Server struct {
	// Store is the database, users and API tokens included.
	Store *store.Store
	Ops   Completer
	// Sessions is where sign-in sessions live (pgxstore over the
	// database in production).
	Sessions scs.Store
	// SecureCookies marks cookies Secure even on plain HTTP (behind a
	// TLS-terminating proxy); they are always Secure on a TLS request.
	SecureCookies bool
	// TrustForwardedFor takes a client's address, for sign-in throttling,
	// from the last X-Forwarded-For address rather than the connection:
	// set it only behind a reverse proxy that appends one (see
	// clientAddress).
	TrustForwardedFor bool
	// ConcurrentHashes is how many sign-in password checks (argon2id,
	// auth.HashMemory each) may run at once; 0 means
	// auth.DefaultConcurrentHashes. Others wait their turn, or get 503.
	ConcurrentHashes int
	// TemporalUIURL is the Temporal UI's base for a namespace, e.g.
	// http://127.0.0.1:8233/namespaces/default; empty: no links.
	TemporalUIURL string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	Log zerolog.Logger

	templates map[string]*template.Template
	plain     *scs.SessionManager
	secure    *scs.SessionManager
	hashes    *auth.HashLimiter
}

// sessionCookie is the name of the session cookie.
const sessionCookie = "efw_session"

// Handler parses the templates and returns the front end with its
// middleware: security headers, cross-origin request refusal on every
// unsafe method, and sessions. A negative ConcurrentHashes panics.
func (s *Server) Handler() http.Handler {
	tmpl, err := parseTemplates()
	if err != nil {
		// The templates are embedded: a parse error is a bug caught by
		// every test.
		panic(err)
	}
	s.templates = tmpl
	s.plain, s.secure = s.newSessions(false), s.newSessions(true)
	if s.hashes, err = auth.NewHashLimiter(s.ConcurrentHashes, 0, 0); err != nil {
		panic(fmt.Errorf("web: %w", err))
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/inbox", http.StatusSeeOther)
	})
	mux.Handle("GET /static/", noListing(http.FileServerFS(staticFiles)))
	mux.HandleFunc("GET /signin", s.signInPage)
	mux.HandleFunc("POST /signin", s.signIn)
	mux.HandleFunc("POST /signout", s.signOut)
	mux.HandleFunc("GET /inbox", s.page(s.inbox))
	mux.HandleFunc("POST /claims", s.page(s.changeClaim))
	mux.HandleFunc("GET /tasks/{id...}", s.page(s.taskPage))
	mux.HandleFunc("POST /tasks/{id...}", s.page(s.completeForm))
	mux.HandleFunc("GET /board", s.page(s.board))
	mux.HandleFunc("GET /board.csv", s.page(s.boardCSV))
	mux.HandleFunc("GET /board/missing", s.page(s.missing))
	mux.HandleFunc("GET /board/missing.csv", s.page(s.missingCSV))
	mux.HandleFunc("GET /report", s.page(s.report))
	mux.HandleFunc("GET /report.pdf", s.page(s.reportPDF))
	mux.HandleFunc("GET /councils/{term}/{council}/resolution.pdf", s.page(s.resolutionPDF))
	mux.HandleFunc("GET /tokens", s.page(s.tokensPage))
	mux.HandleFunc("POST /tokens", s.page(s.createToken))
	mux.HandleFunc("POST /tokens/revoke", s.page(s.revokeToken))
	mux.HandleFunc("GET /benefits", s.page(s.benefitsPage))
	mux.HandleFunc("POST /benefits", s.page(s.benefitsPage))
	mux.HandleFunc("GET /notifications", s.page(s.notificationsPage))
	mux.HandleFunc("POST /notifications/read", s.page(s.markNotificationsRead))
	mux.HandleFunc("POST /notifications/email", s.page(s.setOwnEmail))

	api := http.NewServeMux()
	api.HandleFunc("GET /api/tasks", s.api(s.apiTasks))
	api.HandleFunc("GET /api/tasks/{id...}", s.api(s.apiTask))
	api.HandleFunc("POST /api/tasks/{id...}", s.api(s.apiComplete))
	api.HandleFunc("GET /api/progress/{council}", s.api(s.apiProgress))
	mux.Handle("/api/", api)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
	}))
	return securityHeaders(cop.Handler(s.withSessions(mux)))
}

// newSessions is a session manager with the cookie settings of the front
// end; secure marks the cookie Secure.
func (s *Server) newSessions(secure bool) *scs.SessionManager {
	m := scs.New()
	if s.Sessions != nil {
		m.Store = s.Sessions
	}
	m.Lifetime = 12 * time.Hour
	m.IdleTimeout = 2 * time.Hour
	m.Cookie.Name = sessionCookie
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Secure = secure
	m.Cookie.Path = "/"
	m.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		s.errorPage(w, r, s.language(w, r), nil, fmt.Errorf("web: session: %w", err))
	}
	return m
}

// sessionsFor is the session manager of a request: the Secure one on TLS
// or when configured so.
func (s *Server) sessionsFor(r *http.Request) *scs.SessionManager {
	if r.TLS != nil || s.SecureCookies {
		return s.secure
	}
	return s.plain
}

// withSessions loads and saves the session of every request but the API's,
// which authenticates with bearer tokens only.
func (s *Server) withSessions(next http.Handler) http.Handler {
	plain, secure := s.plain.LoadAndSave(next), s.secure.LoadAndSave(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/":
			next.ServeHTTP(w, r)
		case s.sessionsFor(r) == s.secure:
			secure.ServeHTTP(w, r)
		default:
			plain.ServeHTTP(w, r)
		}
	})
}

// noListing serves files but never a folder's listing: a path ending in
// "/" is not found.
func noListing(files http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// errForbidden and errNotFound end a handler with a 403 or 404 page.
var (
	errForbidden = errors.New("forbidden")
	errNotFound  = errors.New("not found")
)

// request is what a page handler gets: the signed-in user and language.
type request struct {
	*http.Request
	User auth.User
	L    lang
}

// page wraps a handler that needs a signed-in user: without one it
// redirects to /signin; an error becomes a 403, 404 or 500 page.
func (s *Server) page(h func(w http.ResponseWriter, r request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := s.language(w, r)
		uid := s.sessionsFor(r).GetInt64(r.Context(), "uid")
		if uid == 0 {
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		u, err := s.Store.UserByID(r.Context(), uid)
		if errors.Is(err, store.ErrNotFound) || err == nil && u.Disabled {
			_ = s.sessionsFor(r).Destroy(r.Context())
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		if err == nil {
			err = h(w, request{Request: r, User: u.User, L: l})
		}
		if err != nil {
			s.errorPage(w, r, l, &u.User, err)
		}
	}
}

// errorPage shows a 403, 404, 500 or 503 page for err; a 500 is logged,
// and none says more than its status. 503 is for a database that cannot be
// reached (databaseUnavailable) and for sign-ins beyond the hash limit;
// both ask the browser to retry after a few seconds.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, l lang, u *auth.User, err error) {
	status, reason := http.StatusInternalServerError, ""
	switch {
	case errors.Is(err, errForbidden):
		status = http.StatusForbidden
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	case databaseUnavailable(err):
		status, reason = http.StatusServiceUnavailable, "error.database"
		s.Log.Warn().Err(err).Str("path", r.URL.Path).Msg("web: database unavailable")
	case errors.Is(err, auth.ErrBusy):
		status, reason = http.StatusServiceUnavailable, "error.busy"
	default:
		s.Log.Error().Err(err).Str("path", r.URL.Path).Msg("web: request failed")
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	s.render(w, status, "error", pageData{L: l, User: u, Title: l.T("error"), Body: map[string]any{"Status": status, "Reason": reason}})
}

// databaseUnavailable reports whether err says electionflow's database
// cannot be reached (Postgres stopped, restarting, or the network to it
// down) rather than that a query went wrong: the front end then answers
// 503 "database unavailable", and the connection pool reconnects by itself
// once Postgres is back.
func databaseUnavailable(err error) bool {
	var connect *pgconn.ConnectError
	var pgErr *pgconn.PgError
	var netErr net.Error
	switch {
	case err == nil:
		return false
	case errors.As(err, &connect), errors.As(err, &netErr),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNRESET):
		return true
	case errors.As(err, &pgErr):
		// Class 08: connection exception; 57P01-57P03: the server shuts
		// down, crashed, or cannot take connections yet.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	return pgconn.SafeToRetry(err)
}
