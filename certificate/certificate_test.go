package certificate

import (
	"strings"
	"testing"

	"electionflow/election"
)

// sample is a valid commune council certificate.
func sample() Certificate {
	return Certificate{
		Term:         "2026-2031",
		CouncilName:  "Hội đồng nhân dân xã Tân Hòa",
		Level:        election.LevelCommune,
		Authority:    "Ủy ban bầu cử xã Tân Hòa",
		Number:       12,
		CouncilCode:  "00008",
		FullName:     "Nguyễn Thị Hường",
		BirthDate:    election.MustParseDate("1978-05-12"),
		ResolutionNo: "12/NQ-UBBC",
		IssuedOn:     election.MustParseDate("2026-04-19"),
		Place:        "Tân Hòa",
	}
}

func TestValidate(t *testing.T) {
	if err := sample().Validate(); err != nil {
		t.Fatalf("valid certificate rejected: %v", err)
	}
	tests := []struct {
		name    string
		edit    func(*Certificate)
		wantErr string
	}{
		{"missing name", func(c *Certificate) { c.FullName = "" }, "full name is missing"},
		{"blank name", func(c *Certificate) { c.FullName = "  \t" }, "full name is missing"},
		{"zero number", func(c *Certificate) { c.Number = 0 }, "number 0 is not positive"},
		{"negative number", func(c *Certificate) { c.Number = -3 }, "number -3 is not positive"},
		{"missing resolution number", func(c *Certificate) { c.ResolutionNo = "" }, "resolution number is missing"},
		{"zero issue date", func(c *Certificate) { c.IssuedOn = election.Date{} }, "issue date is missing"},
		{"zero birth date", func(c *Certificate) { c.BirthDate = election.Date{} }, "birth date is missing"},
		{"born after issue", func(c *Certificate) { c.BirthDate = election.MustParseDate("2027-01-01") }, "is not before issue date"},
		{"missing authority", func(c *Certificate) { c.Authority = "" }, "authority is missing"},
		{"missing council name", func(c *Certificate) { c.CouncilName = "" }, "council name is missing"},
		{"missing level", func(c *Certificate) { c.Level = "" }, "level is missing"},
		{"bad term", func(c *Certificate) { c.Term = "2026" }, "term:"},
		{"bad council code", func(c *Certificate) { c.CouncilCode = "a/b" }, "council code:"},
		{"name too long", func(c *Certificate) { c.FullName = strings.Repeat("Ư", maxFullName+1) }, "full name has 61 characters, more than 60"},
		{"authority too long", func(c *Certificate) { c.Authority = strings.Repeat("Ủ", maxAuthority+1) }, "authority has 101 characters"},
		{"invalid UTF-8", func(c *Certificate) { c.Place = "T\xffn" }, "place is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample()
			tt.edit(&c)
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate() = %v, want error containing %q", err, tt.wantErr)
			}
			if _, rerr := Render(c); rerr == nil {
				t.Errorf("Render accepted a certificate Validate rejects")
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	err := Certificate{Term: "2026-2031", CouncilCode: "00008", Level: election.LevelCommune}.Validate()
	if err == nil {
		t.Fatal("empty certificate accepted")
	}
	for _, want := range []string{"full name", "number 0", "resolution number", "issue date", "birth date", "authority", "council name"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestSerialNumber(t *testing.T) {
	c := sample()
	if got, want := c.SerialNumber(), "2026-2031/00008/0012"; got != want {
		t.Errorf("SerialNumber() = %q, want %q", got, want)
	}
	c.Number = 123456
	c.CouncilCode = "QH"
	if got, want := c.SerialNumber(), "2026-2031/QH/123456"; got != want {
		t.Errorf("SerialNumber() = %q, want %q", got, want)
	}
	// Distinct term, council or number give distinct serial numbers.
	seen := map[string]Certificate{}
	for _, term := range []election.Term{"2021-2026", "2026-2031"} {
		for _, code := range []election.CouncilCode{"0000", "00008", "000080", "QH"} {
			for _, n := range []int{1, 8, 80, 800, 10000} {
				c := Certificate{Term: term, CouncilCode: code, Number: n}
				s := c.SerialNumber()
				if prev, dup := seen[s]; dup {
					t.Fatalf("%+v and %+v share serial number %q", prev, c, s)
				}
				seen[s] = c
			}
		}
	}
}

func TestPlaceAndDate(t *testing.T) {
	tests := []struct {
		place, date, want string
	}{
		{"Tân Hòa", "2026-04-19", "Tân Hòa, ngày 19 tháng 4 năm 2026"},
		{"Hà Nội", "2026-02-05", "Hà Nội, ngày 05 tháng 02 năm 2026"},
		{"Huế", "2026-12-31", "Huế, ngày 31 tháng 12 năm 2026"},
		{"  ", "2026-01-09", "Ngày 09 tháng 01 năm 2026"},
	}
	for _, tt := range tests {
		if got := placeAndDate(tt.place, election.MustParseDate(tt.date)); got != tt.want {
			t.Errorf("placeAndDate(%q, %s) = %q, want %q", tt.place, tt.date, got, tt.want)
		}
	}
}
