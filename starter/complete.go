package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/ops"
	"electionflow/store"
)

// outcomeFlags are the flags each task kind builds its outcome from;
// kinds whose outcome is a list (leadership results, approvals,
// nominations, the council's review) take --outcome JSON.
func outcomeFlags() map[election.TaskKind][]string {
	return map[election.TaskKind][]string{
		election.KindReviewComplaint:      {"decision", "reason", "ineligible"},
		election.KindAdoptResolution:      {"resolution-no", "date"},
		election.KindHandOverCertificates: {"date", "note"},
		election.KindSetSessionDate:       {"date"},
		election.KindSendSessionDocuments: {"date", "recipients"},
		election.KindOpenSession:          {"date", "credential-report"},
		election.KindAppraiseNomination:   {"decision", "reason"},
		election.KindDecideCommendations:  {"decision-no", "date"},
		election.KindVerifyCadreRecord:    {"result", "note"},
		election.KindRecordCadreChoice:    {"option"},
		election.KindApproveCadreBenefits: {"decision", "reason"},
		election.KindDecideCadreBenefits:  {"decision-no", "date"},
	}
}

func completeCommand() command {
	return command{
		name:    "complete",
		args:    "<task-id>",
		summary: "complete a task with its outcome",
		help: `Completes an open task: the checklist workflow that owns it checks the
completion and records it, with who did it (--actor, in --role) from this
host, in the audit log. The workflow refuses an unknown or closed task, a
role that is not the task's, and an incomplete or invalid outcome; then
nothing is recorded, "refused: <why>" is printed and the exit code is 1.
Claims made in the web inbox do not bind this command: it is the
administrators' path, for a task whose holder is away.

The outcome is built from the flags of the task's kind:
  review-complaint             --decision upheld|dismissed --reason TEXT [--ineligible]
                               (--ineligible: the review found the person ineligible,
                               whatever the complaint's fate)
  adopt-credential-resolution  --resolution-no NO --date DATE (the day it was adopted:
                               after complaints close, not in the future)
  hand-over-certificates       --date DATE [--note TEXT] (the day they were handed over)
  set-session-date             --date DATE (no later than the legal deadline)
  send-session-documents       --date DATE --recipients N (every confirmed delegate)
  open-session                 --date DATE --credential-report
  appraise-nomination          --decision approve|reject [--reason TEXT]
  decide-commendations         --decision-no NO --date DATE
  verify-cadre-record          --result verified|corrected [--note TEXT]
                               (save corrections first with starter correct-cadre)
  record-cadre-choice          --option early-retirement|reassignment|await-retirement
  approve-cadre-benefits       --decision approve|reject [--reason TEXT]
  decide-cadre-benefits        --decision-no NO --date DATE
The kinds whose outcome is a list take --outcome JSON:
  record-leadership-results    {"results":[{"position":"hdnd-chair","person":"<person-id>"},
                                 {"position":"committee-head","committee":"Ban Pháp chế","person":"..."},
                                 {"position":"ubnd-vice-chair","name":"<holder from outside>"}]}
  record-approvals             {"approvals":[{"position":"hdnd-chair","person":"...","body":"...",
                                 "decision_no":"5/NQ-UBTVQH","approved_on":"DD/MM/YYYY"}]}
  submit-nominations           {"nominations":[{"id":"N1","nominee_kind":"collective|individual",
                                 "nominee":"...","achievement":"..."}]}
  review-commendations         {"decisions":[{"nomination":"N1","approve":true}]}
Dates are DD/MM/YYYY or YYYY-MM-DD. --outcome also works for every kind,
e.g. '{"decision":"dismissed","reason":"..."}'.

"starter task <task-id>" shows the task and an example of this command.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			actor := fs.String("actor", defaultActor(), "who completes the task, for the audit log")
			role := fs.String("role", "", "the role you act in (required): "+roleNames())
			outcome := fs.String("outcome", "", "the outcome as JSON, instead of the field flags")
			decision := fs.String("decision", "", "review-complaint: upheld or dismissed; appraise-nomination, approve-cadre-benefits: approve or reject")
			reason := fs.String("reason", "", "the reason of the decision (required to uphold, or to reject)")
			ineligible := fs.Bool("ineligible", false, "review-complaint: the review found the person ineligible")
			resolutionNo := fs.String("resolution-no", "", "adopt-credential-resolution: the resolution's number, e.g. 12/NQ-UBBC")
			date := fs.String("date", "", "the day of what the task records: adopted, handed over, session date, sent, opened, decided (DD/MM/YYYY or YYYY-MM-DD)")
			note := fs.String("note", "", "hand-over-certificates, verify-cadre-record: a note")
			recipients := fs.Int("recipients", 0, "send-session-documents: how many delegates received them")
			credentialReport := fs.Bool("credential-report", false, "open-session: the credential report was presented")
			decisionNo := fs.String("decision-no", "", "decide-commendations, decide-cadre-benefits: the decision's number, e.g. 77/QĐ-UBND")
			result := fs.String("result", "", "verify-cadre-record: verified, or corrected (after starter correct-cadre)")
			option := fs.String("option", "", "record-cadre-choice: early-retirement, reassignment or await-retirement")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("complete takes one task ID")
				}
				id, err := election.ParseTaskID(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				if *role == "" {
					return usageError("--role is required: the role you act in (%s)", roleNames())
				}
				r, err := election.ParseRole(*role)
				if err != nil {
					return usageError("--role: %v", err)
				}
				if strings.TrimSpace(*actor) == "" {
					return usageError("--actor is required: who completes the task")
				}
				var fieldFlags []string
				fs.Visit(func(f *flag.Flag) {
					for _, names := range outcomeFlags() {
						if slices.Contains(names, f.Name) && !slices.Contains(fieldFlags, f.Name) {
							fieldFlags = append(fieldFlags, f.Name)
						}
					}
				})
				if *outcome != "" && len(fieldFlags) > 0 {
					return usageError("give the outcome either as --outcome JSON or with field flags, not both (got --outcome and --%s)", fieldFlags[0])
				}
				var day election.Date
				if *date != "" {
					if day, err = election.ParseDate(*date); err != nil {
						return usageError("--date: %v", err)
					}
				}
				if *outcome != "" && !json.Valid([]byte(*outcome)) {
					return usageError("--outcome is not valid JSON: %s", *outcome)
				}

				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				t, err := findTask(ctx, s, id)
				if err != nil {
					return err
				}
				raw := json.RawMessage(*outcome)
				if *outcome == "" {
					raw, err = buildOutcome(t, fieldFlags, outcomeFields{
						decision: *decision, reason: *reason, ineligible: *ineligible,
						resolutionNo: *resolutionNo, date: day, note: *note, recipients: *recipients,
						credentialReport: *credentialReport, decisionNo: *decisionNo, result: *result, option: *option,
					})
					if err != nil {
						return err
					}
				}
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				res, err := o.CompleteTask(ctx, checklist.CompleteTaskRequest{
					TaskID: id, Actor: strings.TrimSpace(*actor), Role: r, Source: hostSource(), Outcome: raw,
				})
				var refusal *ops.RefusedError
				if errors.As(err, &refusal) {
					return fmt.Errorf("refused: %s", refusal.Reason)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "completed %s at %s\n", res.TaskID, officeTime(res.CompletedAt))
				return nil
			}
		},
	}
}

// outcomeFields are the values of the outcome field flags.
type outcomeFields struct {
	decision         string
	reason           string
	ineligible       bool
	resolutionNo     string
	date             election.Date
	note             string
	recipients       int
	credentialReport bool
	decisionNo       string
	result           string
	option           string
}

// buildOutcome turns the field flags into the outcome JSON of the task's
// kind. Their values are checked by the workflow, which says what is wrong;
// here only flags that do not belong to the kind are refused.
func buildOutcome(t store.InboxTask, given []string, f outcomeFields) (json.RawMessage, error) {
	allowed, ok := outcomeFlags()[t.Kind]
	if !ok {
		return nil, usageError("starter has no field flags for %s tasks: give the outcome with --outcome JSON", t.Kind)
	}
	for _, name := range given {
		if !slices.Contains(allowed, name) {
			return nil, usageError("--%s does not apply to a %s task (it takes --%s)", name, t.Kind, strings.Join(allowed, ", --"))
		}
	}
	var v any
	switch t.Kind {
	case election.KindReviewComplaint:
		v = election.ReviewOutcome{Decision: election.ReviewDecision(f.decision), Reason: f.reason, Ineligible: f.ineligible}
	case election.KindAdoptResolution:
		v = election.ResolutionOutcome{ResolutionNo: f.resolutionNo, AdoptedOn: f.date}
	case election.KindHandOverCertificates:
		v = election.HandoverOutcome{HandedOverOn: f.date, Note: f.note}
	case election.KindSetSessionDate:
		v = election.SessionDateOutcome{SessionDate: f.date}
	case election.KindSendSessionDocuments:
		v = election.DocumentsOutcome{SentOn: f.date, Recipients: f.recipients}
	case election.KindOpenSession:
		v = election.OpeningOutcome{OpenedOn: f.date, CredentialReportPresented: f.credentialReport}
	case election.KindAppraiseNomination:
		v = election.AppraisalOutcome{Decision: election.AppraisalDecision(f.decision), Reason: f.reason}
	case election.KindDecideCommendations:
		v = election.DecisionOutcome{DecisionNo: f.decisionNo, DecidedOn: f.date}
	case election.KindVerifyCadreRecord:
		v = election.VerifyRecordOutcome{Result: f.result, Note: f.note}
	case election.KindRecordCadreChoice:
		v = election.CadreChoiceOutcome{Option: f.option}
	case election.KindApproveCadreBenefits:
		v = election.CadreApprovalOutcome{Decision: f.decision, Reason: f.reason}
	case election.KindDecideCadreBenefits:
		v = election.DecisionOutcome{DecisionNo: f.decisionNo, DecidedOn: f.date}
	}
	return json.Marshal(v)
}
