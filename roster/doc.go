// Package roster reads and writes the CSV files an election committee
// imports (danh sách người trúng cử): the election, its councils, the
// persons elected, complaints and denunciations, and outgoing cadres.
//
// Files are UTF-8, with or without a byte-order mark, comma-separated with
// a header row; columns may come in any order. Reading validates every row
// and every cross-reference and returns all problems at once as Errors, each
// naming file:line: field: reason, so a committee fixes a file in one pass.
// The demo generator writes the same files, so demos exercise the real
// import path.
package roster
