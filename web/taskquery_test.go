package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseTaskQuery(t *testing.T) {
	tests := []struct {
		query   string
		overdue bool
		wantErr string
	}{
		{"", false, ""},
		{"overdue=1", true, ""},
		{"overdue=on", true, ""},
		{"overdue=true", true, ""},
		{"overdue=0", false, ""},
		{"overdue=false", false, ""},
		{"overdue=yes", false, `overdue "yes"`},
		{"council=a%2Fb", false, "is not a council code"},
		{"kind=nap", false, `unknown task kind "nap"`},
		{"claim=theirs", false, `claim "theirs"`},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseTaskQuery(q)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error %v, want %q", tt.query, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.query, err)
		case got.Overdue != tt.overdue:
			t.Errorf("%q: overdue %v, want %v", tt.query, got.Overdue, tt.overdue)
		}
	}
}
