package retirement

import (
	"fmt"

	"electionflow/election"
)

// roadmap is the retirement-age schedule of one sex (lộ trình điều chỉnh tuổi
// nghỉ hưu), in months of age.
type roadmap struct {
	// before is the age for those who reach it before firstYear.
	before int
	// first is the age for those who reach it in firstYear.
	first int
	// step is the yearly increase after firstYear.
	step int
	// final is the ceiling, reached in the last year of the roadmap and kept
	// from then on.
	final int
	// firstYear is the first year of the roadmap (2021).
	firstYear int
}

// roadmapFor returns the schedule of Labour Code 2019 art. 169(2) and Decree
// 135/2020/NĐ-CP art. 4 for sex: men 60y before 2021, 60y3m in 2021, +3
// months a year, 62y from 2028; women 55y before 2021, 55y4m in 2021, +4
// months a year, 60y from 2035. It returns a fresh value on every call.
func roadmapFor(sex election.Sex) (roadmap, error) {
	switch sex {
	case election.Male:
		return roadmap{before: 60 * 12, first: 60*12 + 3, step: 3, final: 62 * 12, firstYear: 2021}, nil
	case election.Female:
		return roadmap{before: 55 * 12, first: 55*12 + 4, step: 4, final: 60 * 12, firstYear: 2021}, nil
	}
	return roadmap{}, fmt.Errorf("sex %q: want %q or %q: %w", sex, election.Male, election.Female, ErrInvalidInput)
}

// ageMonths is the statutory retirement age of a person born in the month
// with index birth, in months.
//
// Decree 135/2020 Appendix I tabulates the age by month and year of birth:
// the age that applies is the one set for the calendar year in which the
// person reaches it. So a man born 01/1961 reaches 60y3m in 04/2021 (a 2021
// age, so it applies); one born 10/1961 would reach 60y3m only in 01/2022,
// where the age is 60y6m, which he reaches in 04/2022. Because the age rises
// by less than 12 months a year, the first step of the roadmap whose age is
// reached no later than its own year is reached exactly in that year: each
// step covers 9 consecutive birth months for men (12-3) and 8 for women
// (12-4), e.g. men born 01–09/1961 get 60y3m and 10/1961–06/1962 60y6m.
func (r roadmap) ageMonths(birth int) int {
	if yearOfIndex(birth+r.before) < r.firstYear {
		return r.before
	}
	for k := 0; ; k++ {
		age := r.first + k*r.step
		if age >= r.final {
			return r.final
		}
		if yearOfIndex(birth+age) <= r.firstYear+k {
			return age
		}
	}
}

// retirementMonth returns the age in months and the index of the month in
// which the person reaches it.
func retirementMonth(sex election.Sex, birth election.Date) (age, reached int, err error) {
	r, err := roadmapFor(sex)
	if err != nil {
		return 0, 0, err
	}
	if birth.IsZero() {
		return 0, 0, fmt.Errorf("birth date not set: %w", ErrInvalidInput)
	}
	b := monthIndex(birth)
	age = r.ageMonths(b)
	return age, b + age, nil
}

// Age returns the statutory retirement age (tuổi nghỉ hưu trong điều kiện lao
// động bình thường) of a person of this sex born on birth, as years and
// months, per Labour Code 2019 art. 169 and the tables of Decree
// 135/2020/NĐ-CP Appendix I (see the package documentation). Only the month
// and year of birth matter. It fails on an unknown sex or an unset birth date.
func Age(sex election.Sex, birth election.Date) (years, months int, err error) {
	age, _, err := retirementMonth(sex, birth)
	if err != nil {
		return 0, 0, fmt.Errorf("retirement age: %w", err)
	}
	return age / 12, age % 12, nil
}

// Date returns the retirement date (thời điểm nghỉ hưu) of the person: the
// first day of the month after the month in which they reach the statutory
// age.
//
// Choice: Decree 135/2020 art. 3 puts the retirement moment at the end of the
// last day of the month in which the age is reached and the pension from the
// first day of the next month; the decisions on retirement of cadres are
// written "nghỉ hưu từ ngày 01 của tháng liền kề sau tháng đủ tuổi". Date
// returns that first day — the first day on which the person no longer works
// and draws a pension — so a man born 01/1961 (60y3m, reached 04/2021) has
// the date 2021-05-01.
func Date(sex election.Sex, birth election.Date) (election.Date, error) {
	_, reached, err := retirementMonth(sex, birth)
	if err != nil {
		return election.Date{}, fmt.Errorf("retirement date: %w", err)
	}
	return firstOfIndex(reached + 1), nil
}

// MonthsLeft returns the whole months from at to the retirement date (see
// Date): the largest n such that the day n calendar months after at is not
// later than the retirement date. It is 0 when less than a month is left and
// negative when the date has passed (-1 for up to a month past). As the
// retirement date is always the 1st, this is the difference of the calendar
// months, less one when at is not itself the 1st.
func MonthsLeft(sex election.Sex, birth election.Date, at election.Date) (int, error) {
	if at.IsZero() {
		return 0, fmt.Errorf("months to retirement: date not set: %w", ErrInvalidInput)
	}
	_, reached, err := retirementMonth(sex, birth)
	if err != nil {
		return 0, fmt.Errorf("months to retirement: %w", err)
	}
	return monthsUntilFirst(at, reached+1), nil
}

// monthsUntilFirst counts whole months from at to the first day of the month
// with index target (see MonthsLeft).
func monthsUntilFirst(at election.Date, target int) int {
	n := target - monthIndex(at)
	if _, _, day := at.Time().Date(); day > 1 {
		n--
	}
	return n
}
