package election

import "fmt"

// CadreID identifies an outgoing cadre within a term.
type CadreID string

// ParseCadreID validates a cadre ID.
func ParseCadreID(s string) (CadreID, error) {
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a cadre ID (letters, digits, '-' or '_', at most 40)", s)
	}
	return CadreID(s), nil
}

// VND is an amount of Vietnamese đồng. Salaries and benefits are personal
// data: they live in the database, never in workflow history.
type VND int64

// OutgoingCadre is a cadre not young enough to stand again (cán bộ không đủ
// tuổi tái cử), whose benefits are settled under the rule set in force at
// election day (Decree 26/2015/NĐ-CP and its successors).
type OutgoingCadre struct {
	ID        CadreID
	Council   CouncilCode
	FullName  string
	Sex       Sex
	BirthDate Date
	CitizenID CitizenID
	Position  string
	// InsuranceMonths is the social insurance record in months (thời gian
	// đóng bảo hiểm xã hội).
	InsuranceMonths int
	MonthlySalary   VND
}
