package retirement

import (
	"fmt"
	"time"

	"electionflow/election"
)

// monthIndex numbers calendar months consecutively: year*12 + (month-1).
// Retirement rules work in calendar months, so the day of the month only
// matters when counting whole months from a given day (see MonthsLeft).
func monthIndex(d election.Date) int {
	y, m, _ := d.Time().Date()
	return y*12 + int(m) - 1
}

// yearOfIndex is the calendar year of a month index (floor division, so
// years before 1 AD stay consistent).
func yearOfIndex(i int) int {
	y := i / 12
	if i%12 < 0 {
		y--
	}
	return y
}

// firstOfIndex is the first day of the month with index i.
func firstOfIndex(i int) election.Date {
	y := yearOfIndex(i)
	m := i - y*12
	return election.NewDate(y, time.Month(m+1), 1)
}

// monthYear writes the month with index i as MM/YYYY, the form used in
// Vietnamese documents ("tháng 05/2022").
func monthYear(i int) string {
	y := yearOfIndex(i)
	return fmt.Sprintf("%02d/%04d", i-y*12+1, y)
}

// yearsMonths writes a number of months as "N tuổi M tháng"-style parts,
// e.g. 726 → "60 tuổi 6 tháng" when unit is "tuổi", or "25 năm 3 tháng".
func yearsMonths(months int, unit string) string {
	y, m := months/12, months%12
	if m == 0 {
		return fmt.Sprintf("%d %s", y, unit)
	}
	return fmt.Sprintf("%d %s %d tháng", y, unit, m)
}
