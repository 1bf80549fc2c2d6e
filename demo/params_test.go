package demo

import (
	"errors"
	"math"
	"strings"
	"testing"

	"electionflow/election"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Params)
		want   []string // fragments of the error; none means valid
	}{
		{"defaults", func(*Params) {}, nil},
		{"national rehearsal", func(p *Params) { *p = NationalRehearsal(7) }, nil},
		{"zero term and day take defaults", func(p *Params) { p.Term, p.ElectionDay = "", election.Date{} }, nil},
		{"no communes", func(p *Params) { p.CommunesPerProvince = 0 }, nil},
		{"all 34 provinces", func(p *Params) { p.Provinces = 34 }, nil},
		{"shares at bounds", func(p *Params) { p.ComplaintShare, p.CadreShare, p.RerunShare = 0, 1, 1 }, nil},
		{"national seats zero means 500", func(p *Params) { p.NationalAssembly, p.NationalSeats = true, 0 }, nil},
		{"other term and day", func(p *Params) { p.Term, p.ElectionDay = "2021-2026", election.MustParseDate("2021-05-23") }, nil},

		{"zero provinces", func(p *Params) { p.Provinces = 0 }, []string{"provinces = 0, want 1..34"}},
		{"35 provinces", func(p *Params) { p.Provinces = 35 }, []string{"provinces = 35, want 1..34"}},
		{"negative communes", func(p *Params) { p.CommunesPerProvince = -1 }, []string{"communes per province = -1, want 0..200"}},
		{"too many communes", func(p *Params) { p.CommunesPerProvince = 201 }, []string{"communes per province = 201"}},
		{"negative complaint share", func(p *Params) { p.ComplaintShare = -0.1 }, []string{"complaint share = -0.1, want 0..1"}},
		{"complaint share above 1", func(p *Params) { p.ComplaintShare = 1.5 }, []string{"complaint share = 1.5"}},
		{"NaN cadre share", func(p *Params) { p.CadreShare = math.NaN() }, []string{"cadre share = NaN"}},
		{"rerun share above 1", func(p *Params) { p.RerunShare = 2 }, []string{"rerun share = 2, want 0..1"}},
		{"national seats", func(p *Params) { p.NationalAssembly, p.NationalSeats = true, 501 }, []string{"national seats = 501"}},
		{"negative national seats", func(p *Params) { p.NationalSeats = -1 }, []string{"national seats = -1"}},
		{"bad term", func(p *Params) { p.Term = "khóa XVI" }, []string{"term:", "not a term"}},
		{"day outside term", func(p *Params) { p.ElectionDay = election.MustParseDate("2025-03-15") }, []string{"not in 2026, the first year of term 2026-2031"}},
		{"year out of range", func(p *Params) { p.Term, p.ElectionDay = "1971-1976", election.MustParseDate("1971-04-25") }, []string{"want a year in 1980..2099"}},
		{"all problems at once", func(p *Params) { p.Provinces, p.CommunesPerProvince, p.RerunShare = 0, -3, -1 },
			[]string{"provinces = 0", "communes per province = -3", "rerun share = -1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultParams()
			tt.change(&p)
			err := p.Validate()
			_, genErr := Generate(p)
			if len(tt.want) == 0 {
				if err != nil || genErr != nil {
					t.Fatalf("Validate() = %v, Generate() error = %v; want both nil", err, genErr)
				}
				return
			}
			if err == nil || genErr == nil {
				t.Fatalf("Validate() = %v, Generate() error = %v; want errors containing %q", err, genErr, tt.want)
			}
			if !errors.Is(err, ErrInvalidParams) || !errors.Is(genErr, ErrInvalidParams) {
				t.Errorf("errors %v / %v do not wrap ErrInvalidParams", err, genErr)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Validate() = %q, want it to contain %q", err, w)
				}
			}
			if !strings.HasPrefix(genErr.Error(), "demo: invalid demo params: ") {
				t.Errorf("Generate() error = %q, want prefix %q", genErr, "demo: invalid demo params: ")
			}
		})
	}
}

func TestZeroParamsRejected(t *testing.T) {
	// The zero Params is not a demo: it must say to pick provinces, not
	// silently generate something.
	err := Params{}.Validate()
	if err == nil || !strings.Contains(err.Error(), "provinces = 0") {
		t.Fatalf("Params{}.Validate() = %v, want provinces error", err)
	}
}

func TestDefaultParams(t *testing.T) {
	p := DefaultParams()
	if p.Term != "2026-2031" || p.ElectionDay.String() != "2026-03-15" || p.Provinces != 2 ||
		p.CommunesPerProvince != 3 || p.ComplaintShare != 0.02 || p.CadreShare != 0.1 || p.RerunShare != 0.02 {
		t.Errorf("DefaultParams() = %+v", p)
	}
	n := NationalRehearsal(3)
	if n.Seed != 3 || n.Provinces != 34 || n.CommunesPerProvince != 98 || !n.NationalAssembly || n.NationalSeats != 500 {
		t.Errorf("NationalRehearsal(3) = %+v", n)
	}
}
