package retirement

import (
	"errors"
	"testing"

	"electionflow/election"
)

// TestAgeAndDate checks the retirement-age roadmap against the worked
// examples of Decree 135/2020/NĐ-CP Appendix I: the age is the one set for
// the year in which the person reaches it, so each step covers 9 birth
// months for men and 8 for women, and the retirement date is the first day
// of the month after the month the age is reached.
func TestAgeAndDate(t *testing.T) {
	tests := []struct {
		name          string
		sex           election.Sex
		birth         string
		years, months int
		date          string
	}{
		// Men: 60 before 2021, then +3 months a year until 62 from 2028.
		{"man reaching 60 in 2020", election.Male, "1960-12-15", 60, 0, "2021-01-01"},
		{"man reaching 60 early 2020", election.Male, "1960-01-01", 60, 0, "2020-02-01"},
		{"man 2021 first birth month", election.Male, "1961-01-20", 60, 3, "2021-05-01"},
		{"man 2021 last birth month", election.Male, "1961-09-30", 60, 3, "2022-01-01"},
		{"man 60y3m would fall in 2022", election.Male, "1961-10-01", 60, 6, "2022-05-01"},
		{"man 2022 example", election.Male, "1961-11-10", 60, 6, "2022-06-01"},
		{"man 2022 last birth month", election.Male, "1962-06-30", 60, 6, "2023-01-01"},
		{"man 2023 first", election.Male, "1962-07-01", 60, 9, "2023-05-01"},
		{"man 2023 last", election.Male, "1963-03-31", 60, 9, "2024-01-01"},
		{"man 2024 first", election.Male, "1963-04-01", 61, 0, "2024-05-01"},
		{"man 2024 last", election.Male, "1963-12-31", 61, 0, "2025-01-01"},
		{"man 2025 first", election.Male, "1964-01-01", 61, 3, "2025-05-01"},
		{"man born 29 February", election.Male, "1964-02-29", 61, 3, "2025-06-01"},
		{"man 2025 last", election.Male, "1964-09-15", 61, 3, "2026-01-01"},
		{"man 2026 first", election.Male, "1964-10-15", 61, 6, "2026-05-01"},
		{"man 2026 last", election.Male, "1965-06-15", 61, 6, "2027-01-01"},
		{"man 2027 first", election.Male, "1965-07-15", 61, 9, "2027-05-01"},
		{"man 2027 last", election.Male, "1966-03-15", 61, 9, "2028-01-01"},
		{"man 2028 first at 62", election.Male, "1966-04-15", 62, 0, "2028-05-01"},
		{"man after 2028", election.Male, "1970-05-05", 62, 0, "2032-06-01"},
		// Women: 55 before 2021, then +4 months a year until 60 from 2035.
		{"woman reaching 55 in 2020", election.Female, "1965-12-31", 55, 0, "2021-01-01"},
		{"woman 2021 first", election.Female, "1966-01-01", 55, 4, "2021-06-01"},
		{"woman 2021 last", election.Female, "1966-08-31", 55, 4, "2022-01-01"},
		{"woman 55y4m would fall in 2022", election.Female, "1966-09-10", 55, 8, "2022-06-01"},
		{"woman 2022 last", election.Female, "1967-04-30", 55, 8, "2023-01-01"},
		{"woman 2023 first", election.Female, "1967-05-01", 56, 0, "2023-06-01"},
		{"woman 2027 first", election.Female, "1970-01-15", 57, 4, "2027-06-01"},
		{"woman 2027 last", election.Female, "1970-08-15", 57, 4, "2028-01-01"},
		{"woman 2028 first", election.Female, "1970-09-15", 57, 8, "2028-06-01"},
		{"woman 2034 first", election.Female, "1974-09-15", 59, 8, "2034-06-01"},
		{"woman 2034 last", election.Female, "1975-04-15", 59, 8, "2035-01-01"},
		{"woman 2035 first at 60", election.Female, "1975-05-15", 60, 0, "2035-06-01"},
		{"woman after 2035", election.Female, "1980-02-29", 60, 0, "2040-03-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			birth := election.MustParseDate(tt.birth)
			y, m, err := Age(tt.sex, birth)
			if err != nil {
				t.Fatalf("Age: %v", err)
			}
			if y != tt.years || m != tt.months {
				t.Errorf("Age(%s, %s) = %dy%dm, want %dy%dm", tt.sex, tt.birth, y, m, tt.years, tt.months)
			}
			d, err := Date(tt.sex, birth)
			if err != nil {
				t.Fatalf("Date: %v", err)
			}
			if d.String() != tt.date {
				t.Errorf("Date(%s, %s) = %s, want %s", tt.sex, tt.birth, d, tt.date)
			}
		})
	}
}

// TestRoadmapStepsAreConsecutive walks every birth month from 1955 to 1985
// and checks that the age never falls and that it rises by exactly one
// step whenever it changes, so no birth month is skipped or doubled.
func TestRoadmapStepsAreConsecutive(t *testing.T) {
	for _, sex := range []election.Sex{election.Male, election.Female} {
		r, _ := roadmapFor(sex)
		prev := -1
		for i := 1955 * 12; i < 1985*12; i++ {
			age := r.ageMonths(i)
			if prev >= 0 && age != prev && age != prev+r.step && !(prev == r.before && age == r.first) {
				t.Fatalf("%s born %s: age %d after %d", sex, monthYear(i), age, prev)
			}
			if y := yearOfIndex(i + age); age != r.before && age != r.final && y != r.firstYear+(age-r.first)/r.step {
				t.Fatalf("%s born %s: age %d reached in %d, not the year of that age", sex, monthYear(i), age, y)
			}
			prev = age
		}
	}
}

func TestMonthsLeft(t *testing.T) {
	manBorn := election.MustParseDate("1961-01-20") // retires 2021-05-01
	womanBorn := election.MustParseDate("1966-09-10")
	tests := []struct {
		sex   election.Sex
		birth election.Date
		at    string
		want  int
	}{
		{election.Male, manBorn, "2021-05-01", 0},
		{election.Male, manBorn, "2021-04-30", 0},
		{election.Male, manBorn, "2021-04-02", 0},
		{election.Male, manBorn, "2021-04-01", 1},
		{election.Male, manBorn, "2021-05-02", -1},
		{election.Male, manBorn, "2021-06-01", -1},
		{election.Male, manBorn, "2021-06-02", -2},
		{election.Male, manBorn, "2019-05-01", 24},
		{election.Male, manBorn, "2019-05-23", 23},
		{election.Male, manBorn, "2022-05-01", -12},
		{election.Female, womanBorn, "2021-05-23", 12},
		{election.Female, womanBorn, "2022-05-31", 0},
	}
	for _, tt := range tests {
		got, err := MonthsLeft(tt.sex, tt.birth, election.MustParseDate(tt.at))
		if err != nil {
			t.Errorf("MonthsLeft(%s, %s, %s): %v", tt.sex, tt.birth, tt.at, err)
			continue
		}
		if got != tt.want {
			t.Errorf("MonthsLeft(%s, %s, %s) = %d, want %d", tt.sex, tt.birth, tt.at, got, tt.want)
		}
	}
}

func TestAgeErrors(t *testing.T) {
	birth := election.MustParseDate("1961-01-20")
	if _, _, err := Age("x", birth); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Age with unknown sex: err = %v, want ErrInvalidInput", err)
	}
	if _, _, err := Age("", birth); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Age with empty sex: err = %v, want ErrInvalidInput", err)
	}
	if _, _, err := Age(election.Male, election.Date{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Age with unset birth: err = %v, want ErrInvalidInput", err)
	}
	if _, err := Date(election.Female, election.Date{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Date with unset birth: err = %v, want ErrInvalidInput", err)
	}
	if _, err := MonthsLeft(election.Male, birth, election.Date{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("MonthsLeft with unset date: err = %v, want ErrInvalidInput", err)
	}
	if _, err := MonthsLeft("nam", birth, birth); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("MonthsLeft with unparsed sex: err = %v, want ErrInvalidInput", err)
	}
}
