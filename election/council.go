package election

import (
	"fmt"
	"regexp"
)

// CouncilCode identifies an elected body within a term: "QH" for the
// National Assembly, the administrative unit code of a province or commune
// for its People's Council (e.g. "01" Hà Nội, "00004" a ward). Codes are
// letters, digits, '-' and '_' so they fit in workflow IDs and file names.
type CouncilCode string

// ProvinceCode identifies a province or centrally-run city (tỉnh, thành phố
// trực thuộc trung ương), the unit managers filter progress by.
type ProvinceCode string

var codePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// ParseCouncilCode validates a council code.
func ParseCouncilCode(s string) (CouncilCode, error) {
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a council code (letters, digits, '-' or '_', at most 40)", s)
	}
	return CouncilCode(s), nil
}

// ParseProvinceCode validates a province code; empty is allowed and means
// "no province" (the National Assembly).
func ParseProvinceCode(s string) (ProvinceCode, error) {
	if s == "" {
		return "", nil
	}
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a province code (letters, digits, '-' or '_', at most 40)", s)
	}
	return ProvinceCode(s), nil
}

// Council is an elected body whose post-election checklist electionflow
// runs: the National Assembly or a People's Council (Hội đồng nhân dân).
type Council struct {
	Code     CouncilCode
	Name     string
	Level    Level
	Province ProvinceCode // empty for the National Assembly
	Seats    int          // number of delegates to elect
	// RerunElectionDay is the day of an additional or re-run election
	// (bầu cử bổ sung, bầu cử lại) when the council had one; the first
	// session deadline counts from it (Law on Local Government 2015 art. 80).
	RerunElectionDay Date
}
