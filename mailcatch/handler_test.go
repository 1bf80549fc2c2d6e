package mailcatch

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// get fetches path from h and returns the status, content type and body.
func get(t *testing.T, h http.Handler, path string) (int, string, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, err := io.ReadAll(rec.Result().Body)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Code, rec.Header().Get("Content-Type"), string(body)
}

func TestHandlerPage(t *testing.T) {
	c := start(t)
	h := c.Handler()
	if code, _, body := get(t, h, "/"); code != http.StatusOK || !strings.Contains(body, "No mail yet") {
		t.Fatalf("empty page: %d\n%s", code, body)
	}
	if err := send(c, nil, "first@example.vn", "=?UTF-8?q?Nhi=E1=BB=87m_v=E1=BB=A5_m=E1=BB=9Bi?=",
		"Mo: https://electionflow.example.vn/tasks/7?a=1&b=2. Xong"); err != nil {
		t.Fatal(err)
	}
	if err := send(c, nil, "second@example.vn", `<script>alert("x")</script>`,
		`<b>not bold</b> javascript:alert(1)`); err != nil {
		t.Fatal(err)
	}
	wait(t, c, 2)
	code, ctype, body := get(t, h, "/")
	if code != http.StatusOK || !strings.HasPrefix(ctype, "text/html") {
		t.Fatalf("page: %d %s", code, ctype)
	}
	for _, want := range []string{
		"Nhiệm vụ mới",
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`&lt;b&gt;not bold&lt;/b&gt; javascript:alert(1)`,
		`<a href="https://electionflow.example.vn/tasks/7?a=1&amp;b=2">https://electionflow.example.vn/tasks/7?a=1&amp;b=2</a>. Xong`,
		"first@example.vn", "second@example.vn", `href="messages/1/raw"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script>", "<b>", `href="javascript`} {
		if strings.Contains(body, bad) {
			t.Errorf("page has unescaped %s", bad)
		}
	}
	if strings.Index(body, `id="m2"`) > strings.Index(body, `id="m1"`) {
		t.Error("page is not newest first")
	}
}

func TestHandlerJSON(t *testing.T) {
	c := start(t)
	h := c.Handler()
	if code, _, body := get(t, h, "/messages.json"); code != http.StatusOK || strings.TrimSpace(body) != "[]" {
		t.Fatalf("empty JSON: %d %q", code, body)
	}
	for i := 1; i <= 2; i++ {
		if err := send(c, nil, fmt.Sprintf("u%d@example.vn", i), fmt.Sprintf("s%d", i), "b"); err != nil {
			t.Fatal(err)
		}
	}
	wait(t, c, 2)
	code, ctype, body := get(t, h, "/messages.json")
	if code != http.StatusOK || !strings.HasPrefix(ctype, "application/json") {
		t.Fatalf("JSON: %d %s", code, ctype)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw) != 2 {
		t.Fatalf("%d messages", len(raw))
	}
	var keys []string
	for k := range raw[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if got, want := strings.Join(keys, " "), "at from from_header message_id n subject text to to_header"; got != want {
		t.Fatalf("keys %q, want %q", got, want)
	}
	var msgs []Message
	if err := json.Unmarshal([]byte(body), &msgs); err != nil {
		t.Fatal(err)
	}
	if msgs[0].N != 2 || msgs[0].Subject != "s2" || msgs[0].To[0] != "u2@example.vn" || msgs[1].N != 1 || msgs[0].At.IsZero() {
		t.Fatalf("JSON not newest first or incomplete: %+v", msgs)
	}
}

func TestHandlerRaw(t *testing.T) {
	c := start(t)
	if err := send(c, nil, "u@example.vn", "raw subject", "b"); err != nil {
		t.Fatal(err)
	}
	want := string(wait(t, c, 1)[0].Raw)
	h := c.Handler()
	tests := []struct {
		path     string
		wantCode int
		wantBody string
	}{
		{"/messages/1/raw", http.StatusOK, want},
		{"/messages/2/raw", http.StatusNotFound, ""},
		{"/messages/one/raw", http.StatusBadRequest, ""},
		{"/nothing", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		code, _, body := get(t, h, tt.path)
		if code != tt.wantCode || (tt.wantBody != "" && body != tt.wantBody) {
			t.Errorf("GET %s = %d %q, want %d", tt.path, code, body, tt.wantCode)
		}
	}
}

func TestLinkSegments(t *testing.T) {
	split := linkSegments()
	tests := []struct {
		text string
		want string
	}{
		{"", ""},
		{"no link", "[no link]"},
		{"see https://a.vn/x.", "[see ]<https://a.vn/x>[.]"},
		{"(http://a.vn/y) and https://b.vn?q=1", "[(]<http://a.vn/y>[) and ]<https://b.vn?q=1>"},
		{"ftp://a.vn javascript:alert(1)", "[ftp://a.vn javascript:alert(1)]"},
		{`"https://a.vn/"<b>`, `["]<https://a.vn/>["<b>]`},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, s := range split(tt.text) {
			if s.URL != "" {
				if s.URL != s.Text {
					t.Fatalf("%q: link text %q differs from its URL %q", tt.text, s.Text, s.URL)
				}
				b.WriteString("<" + s.URL + ">")
			} else {
				b.WriteString("[" + s.Text + "]")
			}
		}
		if b.String() != tt.want {
			t.Errorf("split(%q) = %s, want %s", tt.text, b.String(), tt.want)
		}
	}
}
