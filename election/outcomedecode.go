package election

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
)

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
