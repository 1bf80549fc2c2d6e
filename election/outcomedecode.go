package election

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem names what is wrong with an outcome, so that each front end
// can word it in its own language.
type Problem string

// The problems of an outcome.
const (
	ProblemNotJSON      Problem = "not-json"      // not one JSON object
	ProblemTooLarge     Problem = "too-large"     // the outcome is over the kind's MaxBytes
	ProblemTooLong      Problem = "too-long"      // a text field is over its MaxLen
	ProblemUnknownField Problem = "unknown-field" // a field the kind does not have
	ProblemType         Problem = "type"          // a value of the wrong JSON type
	ProblemDate         Problem = "date"          // not a date
	ProblemNumber       Problem = "number"        // not a whole number
	ProblemOption       Problem = "option"        // not one of the field's options
	ProblemText         Problem = "text"          // not valid UTF-8
	ProblemUnknownKind  Problem = "unknown-kind"  // no outcome is known for the task kind
)

// OutcomeError says which field of an outcome is wrong and why. Field is
// the JSON key (a form input or flag name when built from a form), empty
// only when the outcome as a whole is wrong.
type OutcomeError struct {
	Field   string
	Problem Problem
	// Limit is the limit passed, for ProblemTooLong and ProblemTooLarge.
	Limit int
	// Detail says what is wrong, in English.
	Detail string
}

func (e *OutcomeError) Error() string {
	if e.Field == "" {
		return "outcome: " + e.Detail
	}
	return e.Field + ": " + e.Detail
}

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

// DecodeOutcomeOf reads the outcome of a task kind strictly into v, a
// pointer to the kind's outcome type, within the kind's limits; the
// workflows' validators read outcomes with it, so a front end that skips
// the checks is refused all the same.
func DecodeOutcomeOf(kind TaskKind, raw json.RawMessage, v any) error {
	f, ok := FormOf(kind)
	if !ok {
		return &OutcomeError{Problem: ProblemUnknownKind, Detail: fmt.Sprintf("no outcome is known for task kind %q", truncate(string(kind)))}
	}
	return f.DecodeInto(raw, v)
}

// Decode reads an outcome of the form's kind strictly, within its limits,
// and returns a pointer to it (e.g. *SessionDateOutcome). Every error is
// an *OutcomeError naming the field.
func (f OutcomeForm) Decode(raw json.RawMessage) (any, error) {
	v := f.New()
	return v, f.DecodeInto(raw, v)
}

// DecodeInto is Decode into v, a pointer to an outcome type: one JSON
// object, no unknown fields, no trailing data, no more than MaxBytes, no
// text field over its MaxLen; each value of the right type.
func (f OutcomeForm) DecodeInto(raw json.RawMessage, v any) error {
	if len(raw) > f.MaxBytes {
		return &OutcomeError{Problem: ProblemTooLarge, Limit: f.MaxBytes,
			Detail: fmt.Sprintf("%d bytes: at most %d for a %s task", len(raw), f.MaxBytes, f.Kind)}
	}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&fields); err != nil || fields == nil {
		return &OutcomeError{Problem: ProblemNotJSON, Detail: "want one JSON object, e.g. " + f.Example}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &OutcomeError{Problem: ProblemNotJSON, Detail: "trailing data after the JSON object"}
	}
	keys := jsonKeys(reflect.TypeOf(v).Elem())
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if !slices.Contains(keys, k) {
			name := truncate(k)
			if name == "" {
				name = `""`
			}
			return &OutcomeError{Field: name, Problem: ProblemUnknownField,
				Detail: "unknown field (want " + strings.Join(keys, ", ") + ")"}
		}
	}
	for _, k := range names {
		if err := f.decodeField(k, fields[k], v); err != nil {
			return err
		}
	}
	return nil
}

// decodeField decodes the value of one key into v, so that an error,
// even one from a value's own UnmarshalText, names its field.
func (f OutcomeForm) decodeField(key string, value json.RawMessage, v any) error {
	i := slices.IndexFunc(f.Fields, func(x OutcomeField) bool { return x.Key == key })
	if i >= 0 && f.Fields[i].Type == FieldText {
		var s string
		if json.Unmarshal(value, &s) == nil {
			if err := f.Fields[i].checkText(key, s); err != nil {
				return err
			}
		}
	}
	one, err := json.Marshal(map[string]json.RawMessage{key: value})
	if err != nil {
		return &OutcomeError{Field: key, Problem: ProblemNotJSON, Detail: "is not valid JSON"}
	}
	dec := json.NewDecoder(bytes.NewReader(one))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fieldError(key, err)
	}
	return nil
}

// fieldError words a decoding error by field and JSON type, never by Go
// type.
func fieldError(key string, err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := key
		if typeErr.Field != "" {
			field = typeErr.Field
		}
		return &OutcomeError{Field: field, Problem: ProblemType, Detail: "want " + jsonTypeName(typeErr.Type) + ", got " + typeErr.Value}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "is not a date") {
		return &OutcomeError{Field: key, Problem: ProblemDate, Detail: msg}
	}
	if strings.HasPrefix(msg, "unknown field") {
		return &OutcomeError{Field: key, Problem: ProblemUnknownField, Detail: msg}
	}
	return &OutcomeError{Field: key, Problem: ProblemType, Detail: msg}
}

// jsonTypeName names what a Go type takes in JSON, for error messages.
func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	if t == reflect.TypeFor[Date]() {
		return "a date (DD/MM/YYYY or YYYY-MM-DD)"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Pointer:
		return jsonTypeName(t.Elem())
	}
	return "an object"
}

// jsonKeys lists the JSON keys of a struct type, from its tags.
func jsonKeys(t reflect.Type) []string {
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}
