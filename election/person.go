package election

import (
	"fmt"
	"regexp"
	"strings"
)

// PersonID identifies one elected person's result in a council within a
// term (người trúng cử). It is the identifier carried in workflows and
// tasks; names, citizen IDs and birth dates stay in the database.
type PersonID string

// ParsePersonID validates a person ID.
func ParsePersonID(s string) (PersonID, error) {
	if !codePattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a person ID (letters, digits, '-' or '_', at most 40)", s)
	}
	return PersonID(s), nil
}

// CitizenID is a 12-digit citizen identity number (số định danh cá nhân,
// căn cước). It is personal data: it never enters workflow history.
type CitizenID string

var citizenIDPattern = regexp.MustCompile(`^\d{12}$`)

// ParseCitizenID validates a 12-digit citizen ID.
func ParseCitizenID(s string) (CitizenID, error) {
	if !citizenIDPattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a citizen ID (want 12 digits)", s)
	}
	return CitizenID(s), nil
}

// Sex is recorded because the retirement age and benefit rules differ by
// it (Labour Code 2019 art. 169).
type Sex string

// The two values of Sex.
const (
	Male   Sex = "male"   // nam
	Female Sex = "female" // nữ
)

// ParseSex accepts male/female, nam/nữ, M/F and F/N in any case.
func ParseSex(s string) (Sex, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "male", "nam", "m":
		return Male, nil
	case "female", "nữ", "nu", "f", "n":
		return Female, nil
	}
	return "", fmt.Errorf("%q is not a sex (want male or female, nam or nữ)", s)
}

// ElectedPerson is a person elected to a council (người trúng cử), whose
// credentials the checklist confirms.
type ElectedPerson struct {
	ID        PersonID
	Council   CouncilCode
	FullName  string
	Sex       Sex
	BirthDate Date
	CitizenID CitizenID
	// Votes is the number of valid votes received, when the roster has it.
	Votes int
}
