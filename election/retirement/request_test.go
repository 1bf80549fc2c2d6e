package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

func TestParseForm(t *testing.T) {
	good := Form{Sex: "nam", BirthDate: "15/01/1966", InsuranceMonths: "264", MonthlySalary: "15.356.250 đ", Date: "2025-05-01"}
	r, err := ParseForm(good)
	if err != nil {
		t.Fatal(err)
	}
	want := Request{Sex: election.Male, BirthDate: election.MustParseDate("1966-01-15"), InsuranceMonths: 264,
		MonthlySalary: 15_356_250, Date: election.MustParseDate("2025-05-01")}
	if r != want {
		t.Errorf("ParseForm = %+v, want %+v", r, want)
	}
	tests := []struct {
		name   string
		modify func(*Form)
		text   string
	}{
		{"negative months", func(f *Form) { f.InsuranceMonths = "-1" }, "insurance months: -1 is negative"},
		{"months not a number", func(f *Form) { f.InsuranceMonths = "22 năm" }, "insurance months"},
		{"bad birth date", func(f *Form) { f.BirthDate = "31/02/1966" }, "birth date"},
		{"no date", func(f *Form) { f.Date = "" }, "election or retirement date"},
		{"unknown sex", func(f *Form) { f.Sex = "x" }, "sex"},
		{"zero salary", func(f *Form) { f.MonthlySalary = "0" }, "monthly salary"},
		{"salary with letters", func(f *Form) { f.MonthlySalary = "15tr" }, "monthly salary"},
	}
	for _, tt := range tests {
		f := good
		tt.modify(&f)
		if _, err := ParseForm(f); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%s: err = %v, want ErrInvalidInput naming %q", tt.name, err, tt.text)
		}
	}
}
