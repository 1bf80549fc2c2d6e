package mailcatch

import (
	"encoding/json"
	"html/template"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Handler serves what was caught: GET / an HTML page listing the messages
// newest first (time, envelope and header recipients, subject, the text with
// its links clickable; it reloads itself every 5 s), GET /messages.json the
// same list as JSON, and GET /messages/{n}/raw one message as received.
func (c *Catcher) Handler() http.Handler {
	page := template.Must(template.New("page").Funcs(template.FuncMap{
		"segments": linkSegments(),
		"join":     strings.Join,
	}).Parse(pageHTML))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data := struct {
			Addr     string
			Messages []Message
		}{c.addr, c.newestFirst()}
		if err := page.Execute(w, data); err != nil {
			http.Error(w, "mailcatch: render page: "+err.Error(), http.StatusInternalServerError)
		}
	})
	mux.HandleFunc("GET /messages.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		msgs := c.newestFirst()
		if msgs == nil {
			msgs = []Message{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(msgs)
	})
	mux.HandleFunc("GET /messages/{n}/raw", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			http.Error(w, "message number is not a number", http.StatusBadRequest)
			return
		}
		for _, m := range c.Messages() {
			if m.N == n {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.Header().Set("X-Content-Type-Options", "nosniff")
				_, _ = w.Write(m.Raw)
				return
			}
		}
		http.NotFound(w, r)
	})
	return mux
}

// newestFirst is Messages in reverse arrival order.
func (c *Catcher) newestFirst() []Message {
	msgs := c.Messages()
	slices.Reverse(msgs)
	return msgs
}

// segment is a piece of a message's text: a link when URL is set.
type segment struct{ Text, URL string }

// linkSegments returns the function that splits a text into plain pieces
// and http(s) links, trailing punctuation left out of the link.
func linkSegments() func(string) []segment {
	link := regexp.MustCompile(`https?://[^\s<>"]+`)
	return func(text string) []segment {
		var out []segment
		at := 0
		for _, loc := range link.FindAllStringIndex(text, -1) {
			start, end := loc[0], loc[1]
			end = start + len(strings.TrimRight(text[start:end], ".,;:!?)]}'"))
			if at < start {
				out = append(out, segment{Text: text[at:start]})
			}
			out = append(out, segment{Text: text[start:end], URL: text[start:end]})
			at = end
		}
		if at < len(text) {
			out = append(out, segment{Text: text[at:]})
		}
		return out
	}
}

// pageHTML is the page template; html/template escapes every value.
const pageHTML = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>mailcatch: {{len .Messages}} thư</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}
article{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
h2{font-size:1.05rem;margin:.2rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.3rem 0;color:#444;font-size:.9rem}
dt{font-weight:600}
pre{white-space:pre-wrap;font-family:inherit;background:#f7f7f7;padding:.5rem;margin:.4rem 0 0}
</style></head>
<body>
<h1>Thư đã bắt (mail caught)</h1>
<p>SMTP on <code>{{.Addr}}</code>, newest first; <a href="messages.json">JSON</a>.</p>
{{range .Messages}}<article id="m{{.N}}">
<h2>#{{.N}} {{.Subject}}</h2>
<dl>
<dt>Time</dt><dd>{{.At.Format "2006-01-02 15:04:05 MST"}}</dd>
<dt>To</dt><dd>{{if .ToHeader}}{{.ToHeader}}{{else}}{{join .To ", "}}{{end}}</dd>
<dt>From</dt><dd>{{if .FromHeader}}{{.FromHeader}}{{else}}{{.From}}{{end}}</dd>
<dt>Envelope</dt><dd>{{.From}} → {{join .To ", "}}{{if .User}} (AUTH {{.User}}){{end}}</dd>
<dt>Message-ID</dt><dd>{{.MessageID}} · <a href="messages/{{.N}}/raw">raw</a></dd>
</dl>
<pre>{{range segments .Text}}{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{end}}</pre>
</article>
{{else}}<p>No mail yet.</p>
{{end}}</body></html>
`
