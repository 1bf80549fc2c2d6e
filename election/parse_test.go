package election

import "testing"

func TestParsers(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) error
		in    string
		ok    bool
	}{
		{"term", func(s string) error { _, err := ParseTerm(s); return err }, "2026-2031", true},
		{"term reversed", func(s string) error { _, err := ParseTerm(s); return err }, "2031-2026", false},
		{"term text", func(s string) error { _, err := ParseTerm(s); return err }, "khóa XVI", false},
		{"council", func(s string) error { _, err := ParseCouncilCode(s); return err }, "HN-00004", true},
		{"council space", func(s string) error { _, err := ParseCouncilCode(s); return err }, "HN 4", false},
		{"council slash", func(s string) error { _, err := ParseCouncilCode(s); return err }, "a/b", false},
		{"citizen", func(s string) error { _, err := ParseCitizenID(s); return err }, "001086012345", true},
		{"citizen short", func(s string) error { _, err := ParseCitizenID(s); return err }, "00108601234", false},
		{"sex nữ", func(s string) error { _, err := ParseSex(s); return err }, "Nữ", true},
		{"sex nam", func(s string) error { _, err := ParseSex(s); return err }, "nam", true},
		{"sex other", func(s string) error { _, err := ParseSex(s); return err }, "x", false},
		{"kind tố cáo", func(s string) error { _, err := ParseComplaintKind(s); return err }, "Tố cáo", true},
		{"kind bad", func(s string) error { _, err := ParseComplaintKind(s); return err }, "gripe", false},
		{"role", func(s string) error { _, err := ParseRole(s); return err }, "hr-officer", true},
		{"role bad", func(s string) error { _, err := ParseRole(s); return err }, "king", false},
		{"level", func(s string) error { _, err := DefaultLevels().Lookup(s); return err }, "Commune", true},
		{"level bad", func(s string) error { _, err := DefaultLevels().Lookup(s); return err }, "hamlet", false},
	}
	for _, tt := range tests {
		if err := tt.parse(tt.in); (err == nil) != tt.ok {
			t.Errorf("%s: parse(%q) error = %v, want ok=%v", tt.name, tt.in, err, tt.ok)
		}
	}
}

func TestDefaultLevelsSizes(t *testing.T) {
	levels := DefaultLevels()
	if p := levels[LevelProvince]; p.MinSeats != 50 || p.MaxSeats != 85 || p.MaxSeatsSpecial != 125 {
		t.Errorf("province sizes %+v", p)
	}
	if c := levels[LevelCommune]; c.MinSeats != 15 || c.MaxSeats != 30 || c.Award != "Giấy khen" {
		t.Errorf("commune spec %+v", c)
	}
}
