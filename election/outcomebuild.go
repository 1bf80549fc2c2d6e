package election

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Build turns the values of a form (web inputs or starter flags, by field
// name) into the outcome JSON; a list kind's outcome is the "outcome"
// value, as JSON. Values are converted and bounded here, each error naming
// its field; the workflow's validator checks what they mean.
func (f OutcomeForm) Build(values map[string]string) (json.RawMessage, error) {
	if f.IsList() {
		raw := json.RawMessage(strings.TrimSpace(values["outcome"]))
		if err := f.DecodeInto(raw, f.New()); err != nil {
			return nil, err
		}
		return raw, nil
	}
	obj := make(map[string]any, len(f.Fields))
	for _, x := range f.Fields {
		v, err := x.Parse(values[x.Name])
		if err != nil {
			return nil, err
		}
		if v != nil {
			obj[x.Key] = v
		}
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("outcome of %s: %w", f.Kind, err)
	}
	v := f.New()
	if err := f.DecodeInto(raw, v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// Parse converts one form value by the field's type and limit; nil means
// the field was left empty. The error names the field by its Name.
func (x OutcomeField) Parse(s string) (any, error) {
	bad := func(p Problem, format string, args ...any) error {
		return &OutcomeError{Field: x.Name, Problem: p, Detail: fmt.Sprintf(format, args...)}
	}
	switch x.Type {
	case FieldCheckbox:
		return s != "" && s != "false" && s != "0", nil
	case FieldText:
		if err := x.checkText(x.Name, s); err != nil || s == "" {
			return nil, err
		}
		return s, nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	switch x.Type {
	case FieldDate:
		d, err := ParseDate(s)
		if err != nil {
			return nil, bad(ProblemDate, "%q is not a date (want DD/MM/YYYY or YYYY-MM-DD)", truncate(s))
		}
		return d, nil
	case FieldNumber:
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, bad(ProblemNumber, "%q is not a whole number", truncate(s))
		}
		return n, nil
	case FieldSelect:
		values := make([]string, len(x.Options))
		for i, o := range x.Options {
			values[i] = o.Value
		}
		if !slices.Contains(values, s) {
			return nil, bad(ProblemOption, "%q: want %s", truncate(s), strings.Join(values, " or "))
		}
		return s, nil
	}
	return nil, fmt.Errorf("field %s: unknown field type %q", x.Name, x.Type)
}

// checkText bounds a text field's value, naming the field as field.
func (x OutcomeField) checkText(field, s string) error {
	switch {
	case !utf8.ValidString(s):
		return &OutcomeError{Field: field, Problem: ProblemText, Detail: "is not valid UTF-8"}
	case x.MaxLen > 0 && utf8.RuneCountInString(s) > x.MaxLen:
		return &OutcomeError{Field: field, Problem: ProblemTooLong, Limit: x.MaxLen,
			Detail: fmt.Sprintf("is longer than %d characters", x.MaxLen)}
	}
	return nil
}

// truncate shortens a value quoted in an error, so that an oversized
// input is not echoed back whole.
func truncate(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}
