// Package csvsafe is the one home of the rule that keeps electionflow's CSV
// files from running as spreadsheet formulas (CSV formula injection, chống
// chèn công thức vào tệp CSV).
//
// A spreadsheet that opens a CSV file takes a cell starting with '=', '+',
// '-' or '@' as a formula, and some take a leading tab or carriage return
// the same way; a council imported as =HYPERLINK("http://x","y") would then
// become a live link in a manager's export. Following OWASP, Text puts a
// single quote before such a cell, so the spreadsheet shows the text as
// typed and runs nothing. Restore undoes exactly what Text did, for
// readers of electionflow's own files (the roster reader), so a roster
// written and read back is unchanged.
//
// Numbers are not text: a cell that is a plain decimal number, such as
// "-3" or "+4.5", is left as it is by Text, so a negative figure stays a
// number the spreadsheet can add up, and it runs nothing. "-3+1", "-1e3",
// "-0x1F" and "- 3" are not plain numbers and are neutralised.
package csvsafe

import "regexp"

// quote is what Text puts before a dangerous cell.
const quote = '\''

// plainNumber matches what Text leaves alone although it starts with a
// sign: an optional sign, digits, and optionally a point and more digits.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// Text returns s as it may be written into a CSV cell: s itself, or s
// after a single quote when a spreadsheet would take s as a formula. A
// cell made only of quotes before such a start gets one quote more, so
// Restore can tell the two apart.
func Text(s string) string {
	if needsQuote(s) {
		return string(quote) + s
	}
	return s
}

// Row applies Text to every cell of a record.
func Row(cells ...string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Text(c)
	}
	return out
}

// Restore returns the text Text was given for cell: cell without the
// quote Text added, or cell itself when Text added none. Restore(Text(s))
// is s for every s.
func Restore(cell string) string {
	if len(cell) > 0 && cell[0] == quote && needsQuote(cell[1:]) {
		return cell[1:]
	}
	return cell
}

// needsQuote reports whether a spreadsheet would run s as a formula, or s
// is quotes before such a start (which Restore would otherwise strip).
func needsQuote(s string) bool {
	i := 0
	for i < len(s) && s[i] == quote {
		i++
	}
	if i == len(s) {
		return false
	}
	switch s[i] {
	case '=', '+', '-', '@', '\t', '\r':
		return !plainNumber.MatchString(s[i:])
	}
	return false
}
