package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"electionflow/election"
)

// Request size limits, before any outcome is read: a task form may carry
// the largest list outcome percent-encoded (up to three bytes a byte), an
// API request the largest outcome with room for its envelope.
const (
	maxFormBytes = 3*election.MaxListOutcomeBytes + 16<<10
	maxAPIBytes  = election.MaxListOutcomeBytes + 16<<10
)

// Text picks the reader's language from a label of the domain.
func (l lang) Text(t election.Text) string {
	if l == "en" {
		return t.En
	}
	return t.Vi
}

// outcomeRefusal words an outcome's refusal by the kind's form for the
// task page: the field's label and what is wrong, with its status (413 for
// an outcome over its size limit, else 422).
func outcomeRefusal(l lang, form election.OutcomeForm, err error) (int, string) {
	var oe *election.OutcomeError
	if !errors.As(err, &oe) {
		return http.StatusUnprocessableEntity, l.F("bad.json", err.Error())
	}
	label := oe.Field
	if x, ok := form.Field(oe.Field); ok {
		label = l.Text(x.Label)
	}
	switch oe.Problem {
	case election.ProblemTooLarge:
		return http.StatusRequestEntityTooLarge, l.F("bad.too-large", oe.Limit>>10)
	case election.ProblemTooLong:
		return http.StatusUnprocessableEntity, l.F("bad.too-long", label, oe.Limit)
	case election.ProblemDate, election.ProblemNumber, election.ProblemOption, election.ProblemText:
		return http.StatusUnprocessableEntity, l.F("bad."+string(oe.Problem), label)
	}
	return http.StatusUnprocessableEntity, l.F("bad.json", oe.Error())
}

// apiError is a JSON API refusal: its status and what to answer, naming
// the field at fault.
type apiError struct {
	Status int    `json:"-"`
	Error  string `json:"error"`
	Field  string `json:"field,omitempty"`
}

// decodeCompleteBody reads the body of POST /api/tasks/{id}/complete,
// {"outcome": {...}}, for a task of the kind: at most maxAPIBytes, one JSON
// object with an outcome and nothing else, no trailing data; the outcome
// decoded by the kind's form. A refusal is 413 for a body or outcome over
// its limit, 400 for a body that is not the envelope, 422 for an outcome
// the form refuses.
func decodeCompleteBody(kind election.TaskKind, body io.Reader) (json.RawMessage, *apiError) {
	b, err := io.ReadAll(io.LimitReader(body, maxAPIBytes+1))
	if err != nil {
		return nil, &apiError{Status: http.StatusBadRequest, Error: "reading the request body: " + err.Error()}
	}
	if len(b) > maxAPIBytes {
		return nil, &apiError{Status: http.StatusRequestEntityTooLarge, Error: fmt.Sprintf("the request body is over %d bytes", maxAPIBytes)}
	}
	const envelope = `want {"outcome": {...}}`
	var req struct {
		Outcome json.RawMessage `json:"outcome"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, &apiError{Status: http.StatusBadRequest, Error: "the request body: " + jsonProblem(err) + ": " + envelope}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &apiError{Status: http.StatusBadRequest, Error: "trailing data after the JSON object: " + envelope}
	}
	if len(req.Outcome) == 0 || string(req.Outcome) == "null" {
		return nil, &apiError{Status: http.StatusBadRequest, Error: "outcome is required: " + envelope, Field: "outcome"}
	}
	form, ok := election.FormOf(kind)
	if !ok {
		return nil, &apiError{Status: http.StatusUnprocessableEntity, Error: fmt.Sprintf("no outcome is known for task kind %q", kind)}
	}
	if _, err := form.Decode(req.Outcome); err != nil {
		status := http.StatusUnprocessableEntity
		var oe *election.OutcomeError
		field := "outcome"
		if errors.As(err, &oe) {
			if oe.Problem == election.ProblemTooLarge {
				status = http.StatusRequestEntityTooLarge
			}
			if oe.Field != "" {
				field = "outcome." + oe.Field
			}
		}
		return nil, &apiError{Status: status, Error: err.Error(), Field: field}
	}
	return req.Outcome, nil
}

// jsonProblem words a decoding error of the API envelope without Go type
// names.
func jsonProblem(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return "a JSON " + typeErr.Value + " where an object was expected"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
