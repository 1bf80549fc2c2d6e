package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"electionflow/internal/csvsafe"
)

// maxEncodingErrors bounds how many lines with bad bytes are listed per
// file; past that the file is plainly not UTF-8.
const maxEncodingErrors = 20

// record is one data row of a file, with its line for error messages.
type record struct {
	line   int
	values map[string]string
}

// table is a parsed CSV file: its data rows, keyed by column name.
type table struct {
	file string
	rows []record
}

// errorSink collects FieldErrors while a roster is read.
type errorSink struct{ errs Errors }

func (s *errorSink) add(file string, line int, field, reason string) {
	s.errs = append(s.errs, FieldError{File: file, Line: line, Field: field, Reason: reason})
}

// readTable checks the encoding and header of one file and returns its
// rows. Problems go to sink; ok is false when the file could not be read as
// a table at all (bad encoding, empty, bad header), so its rows are unknown.
func readTable(name string, data []byte, format FileFormat, sink *errorSink) (table, bool) {
	t := table{file: name}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		sink.add(name, 1, "", "file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)")
		return t, false
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		n := 0
		for i, line := range bytes.Split(data, []byte("\n")) {
			if !utf8.Valid(line) {
				if n == maxEncodingErrors {
					sink.add(name, i+1, "", "more lines are not valid UTF-8; the file is in another encoding (save it as UTF-8)")
					break
				}
				sink.add(name, i+1, "", "not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)")
				n++
			}
		}
		return t, false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		sink.add(name, 1, "", "empty file: want a header row ("+strings.Join(columnNames(format), ",")+")")
		return t, false
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		sink.add(name, 1, "", "cannot read the header: "+csvReason(err))
		return t, false
	}
	index, ok := checkHeader(name, header, format, sink)
	if !ok {
		return t, false
	}
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			sink.add(name, perr.Line, "", csvReason(err))
			continue
		}
		if err != nil {
			sink.add(name, 0, "", err.Error())
			return t, false
		}
		line, _ := r.FieldPos(0)
		if len(fields) != len(header) {
			sink.add(name, line, "", "has "+strconv.Itoa(len(fields))+" fields, the header has "+strconv.Itoa(len(header)))
			continue
		}
		rec := record{line: line, values: make(map[string]string, len(index))}
		for col, i := range index {
			// A quote WriteDir put before a formula-like cell comes off.
			rec.values[col] = csvsafe.Restore(strings.TrimSpace(fields[i]))
		}
		t.rows = append(t.rows, rec)
	}
	return t, true
}

// checkHeader maps column names to positions, reporting missing, unknown
// and repeated columns.
func checkHeader(name string, header []string, format FileFormat, sink *errorSink) (map[string]int, bool) {
	known := make(map[string]Column, len(format.Columns))
	for _, c := range format.Columns {
		known[c.Name] = c
	}
	index := make(map[string]int, len(header))
	ok := true
	for i, h := range header {
		col := strings.ToLower(strings.TrimSpace(h))
		if _, isKnown := known[col]; !isKnown {
			sink.add(name, 1, col, "unknown column (want "+strings.Join(columnNames(format), ", ")+")")
			ok = false
			continue
		}
		if _, seen := index[col]; seen {
			sink.add(name, 1, col, "column appears twice")
			ok = false
			continue
		}
		index[col] = i
	}
	for _, c := range format.Columns {
		if _, have := index[c.Name]; c.Required && !have {
			sink.add(name, 1, c.Name, "missing column")
			ok = false
		}
	}
	return index, ok
}

func columnNames(f FileFormat) []string {
	names := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		names[i] = c.Name
	}
	return names
}

// csvReason drops the position prefix of a csv.ParseError, which the
// FieldError already carries.
func csvReason(err error) string {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return "malformed CSV: " + perr.Err.Error()
	}
	return err.Error()
}
