package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"electionflow/election"
)

// parseOutcomeFlags parses args as `starter complete` does its outcome
// flags and returns the outcome built for a task of the kind.
func parseOutcomeFlags(kind election.TaskKind, args []string) (string, error) {
	fs := flag.NewFlagSet("complete", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	outcome := fs.String("outcome", "", "")
	fields := outcomeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	raw, err := outcomeOf(kind, *outcome, fields.given(fs))
	return string(raw), err
}

func TestOutcomeFromFlags(t *testing.T) {
	tests := []struct {
		kind election.TaskKind
		args string
		want string // the outcome, or the error's text
		bad  bool
	}{
		{election.KindReviewComplaint, "--decision upheld --reason x --ineligible", `{"decision":"upheld","reason":"x","ineligible":true}`, false},
		{election.KindReviewComplaint, "--decision maybe --reason x", `--decision: "maybe": want dismissed or upheld`, true},
		{election.KindReviewComplaint, "--resolution-no 1/NQ-UBBC", "--resolution-no does not apply to a review-complaint task (it takes --decision, --reason, --ineligible)", true},
		{election.KindAdoptResolution, "--resolution-no 12/NQ-UBBC --date 10/04/2026", `{"resolution_no":"12/NQ-UBBC","adopted_on":"2026-04-10"}`, false},
		{election.KindAdoptResolution, "--date 31/02/2026", `--date: "31/02/2026" is not a date`, true},
		{election.KindSendSessionDocuments, "--date 2026-04-15 --recipients many", `--recipients: "many" is not a whole number`, true},
		{election.KindOpenSession, "--date 2026-04-20 --credential-report", `{"opened_on":"2026-04-20","credential_report_presented":true}`, false},
		{election.KindHandOverCertificates, "--date 2026-04-20 --note " + strings.Repeat("x", 1001), "--note: is longer than 1000 characters", true},
		{election.KindHandOverCertificates, `--outcome {"handed_over_on":"2026-04-20","by":"me"}`, "by: unknown field", true},
		{election.KindHandOverCertificates, `--outcome {"handed_over_on":"2026-04-20"}{}`, "trailing data", true},
		{election.KindHandOverCertificates, `--outcome {"note":"` + strings.Repeat("x", 17<<10) + `"}`, "at most 16384", true},
		{election.KindSubmitNominations, "--note x", "--note does not apply", true},
		{election.KindSubmitNominations, "", "give it with --outcome JSON", true},
		{election.KindSubmitNominations, `--outcome {"nominations":[]}`, `{"nominations":[]}`, false},
	}
	for _, tt := range tests {
		got, err := parseOutcomeFlags(tt.kind, strings.Fields(tt.args))
		if tt.bad {
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s %.80s = %s, %v; want an error with %q", tt.kind, tt.args, got, err, tt.want)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s %.80s = %s, %v; want %s", tt.kind, tt.args, got, err, tt.want)
		}
	}
}

// FuzzCompleteFlags parses arbitrary command lines as the outcome flags of
// every task kind: no panic, and every refusal of an outcome names the
// flag or field at fault (flag syntax errors are flag's own).
func FuzzCompleteFlags(f *testing.F) {
	for i, form := range election.OutcomeForms() {
		f.Add(uint8(i), "--outcome\x00"+form.Example)
		f.Add(uint8(i), "--date\x0010/04/2026\x00--decision\x00upheld\x00--reason\x00x")
	}
	f.Fuzz(func(t *testing.T, kind uint8, line string) {
		forms := election.OutcomeForms()
		k := forms[int(kind)%len(forms)].Kind
		_, err := parseOutcomeFlags(k, strings.Split(line, "\x00"))
		if err == nil || strings.Contains(err.Error(), "flag provided but not defined") || strings.HasPrefix(err.Error(), "invalid ") ||
			strings.Contains(err.Error(), "flag needs an argument") || strings.Contains(err.Error(), "bad flag syntax") {
			return
		}
		msg := err.Error()
		var oe *election.OutcomeError
		names := errors.As(err, &oe) && (oe.Field != "" || oe.Problem == election.ProblemNotJSON || oe.Problem == election.ProblemTooLarge)
		if !names && !strings.Contains(msg, "--") {
			t.Fatalf("%s %q: %v names no flag or field", k, line, err)
		}
		if strings.Contains(msg, "election.") || strings.Contains(msg, "Go ") {
			t.Fatalf("%s %q: %v names a Go type", k, line, err)
		}
	})
}
