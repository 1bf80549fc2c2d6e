package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"time"

	"electionflow/auth"
	"electionflow/election"
)

//go:embed templates/*.html
var templateFiles embed.FS

// staticFiles are the stylesheet and other assets, served under /static/.
//
//go:embed static
var staticFiles embed.FS

// pages are the templates parsed with the layout, by name.
var pageNames = []string{"signin", "error", "inbox", "task", "board", "report", "tokens", "benefits", "rollup", "missing", "notifications"}

// parseTemplates parses every page with the layout.
func parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"when": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.In(election.OfficeZone()).Format("02/01/2006 15:04")
		},
		"coded":    coded,
		"labelled": labelled,
		"stage":    stageLabel,
	}
	out := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// pageData is what every page template gets.
type pageData struct {
	L     lang
	User  *auth.User
	Title string
	// Path is the page's path, for the language links.
	Path string
	Body any
	// Unread is the count of unread notifications in the header ("0",
	// "99+"); empty where the page does not count them (sign-in, errors).
	Unread string
}

// May says whether the signed-in user may do action somewhere, so the
// layout offers only the pages they can open.
func (d pageData) May(action string) bool {
	return d.User != nil && mayInSomeScope(*d.User, auth.Action(action))
}

// withQuery is a link to path carrying the filters of q, encoded once: a
// page's links to its CSV or PDF keep the page's filters.
func withQuery(path string, q url.Values) template.URL {
	if len(q) == 0 {
		return template.URL(path)
	}
	return template.URL(path + "?" + q.Encode())
}

// render writes page name with status; it renders into a buffer first
// so a template error gives a clean 500.
func (s *Server) render(w http.ResponseWriter, status int, name string, d pageData) {
	var b bytes.Buffer
	if err := s.templates[name].Execute(&b, d); err != nil {
		s.Log.Error().Err(err).Str("template", name).Msg("web: render")
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// show renders a page of a signed-in user with status 200.
func (s *Server) show(w http.ResponseWriter, r request, name, titleKey string, body any) error {
	return s.showStatus(w, r, http.StatusOK, name, titleKey, body)
}

// showStatus is show with another status, for a form shown again with
// what the workflow or the calculator refused.
func (s *Server) showStatus(w http.ResponseWriter, r request, status int, name, titleKey string, body any) error {
	unread, err := s.unreadNotifications(r)
	if err != nil {
		return err
	}
	s.render(w, status, name, pageData{L: r.L, User: &r.User, Title: r.L.T(titleKey), Path: r.URL.Path, Body: body, Unread: unread})
	return nil
}
