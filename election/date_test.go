package election

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-03-15", "2026-03-15", false},
		{" 15/03/2026 ", "2026-03-15", false},
		{"5/3/2026", "2026-03-05", false},
		{"2026-02-30", "", true},
		{"31/04/2026", "", true},
		{"15.03.2026", "", true},
		{"", "", true},
		// 29 February exists only in leap years.
		{"2024-02-29", "2024-02-29", false},
		{"29/02/2024", "2024-02-29", false},
		{"2025-02-29", "", true},
		{"29/02/2025", "", true},
		{"1900-02-29", "", true}, // a century, not a leap year
		{"2000-02-29", "2000-02-29", false},
		// Year 1 would be the zero Date, "not set"; years far off are typos.
		{"0001-01-01", "", true},
		{"01/01/0001", "", true},
		{"1899-12-31", "", true},
		{"1900-01-01", "1900-01-01", false},
		{"2199-12-31", "2199-12-31", false},
		{"2200-01-01", "", true},
		{"9999-12-31", "", true},
		{"2026-3-15", "", true},
		{"+2026-03-15", "", true},
		{"2026-03-15T00:00:00Z", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	e := MustParseDate("2026-03-15")
	if got := e.AddDays(45).String(); got != "2026-04-29" {
		t.Errorf("E+45 = %s, want 2026-04-29", got)
	}
	if got := e.DaysUntil(MustParseDate("2026-05-14")); got != 60 {
		t.Errorf("DaysUntil = %d, want 60", got)
	}
	if got := e.Vietnamese(); got != "15/03/2026" {
		t.Errorf("Vietnamese = %s", got)
	}
	var d Date
	if err := d.UnmarshalText([]byte("2026-03-15")); err != nil || d != e {
		t.Errorf("UnmarshalText = %v, %v", d, err)
	}
}

// A date that parses is never the zero Date and writes back as it was
// read; one that does not gives an error naming the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-15", "15/03/2026", "5/3/2026", "0001-01-01", "29/02/2025", "2024-02-29", " 1/1/1900 ", "31/12/2199"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) failed (%v) but returned %s", s, err, d)
			}
			if !strings.Contains(err.Error(), strconv.Quote(strings.TrimSpace(s))) {
				t.Errorf("ParseDate(%q) error %q does not name the input", s, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) = the zero Date, which means not set", s)
		}
		if y := d.Time().Year(); y < MinYear || y > MaxYear {
			t.Errorf("ParseDate(%q) = %s: year outside %d..%d", s, d, MinYear, MaxYear)
		}
		for _, again := range []string{d.String(), d.Vietnamese()} {
			if back, err := ParseDate(again); err != nil || back != d {
				t.Errorf("ParseDate(%q) = %s, but %q reads back as %s, %v", s, d, again, back, err)
			}
		}
		var u Date
		if err := u.UnmarshalText([]byte(s)); err != nil || u != d {
			t.Errorf("UnmarshalText(%q) = %s, %v; ParseDate gave %s", s, u, err, d)
		}
	})
}
