package election

import "testing"

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
