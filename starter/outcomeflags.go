package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"electionflow/election"
)

// outcomeFlagSet holds the outcome field flags of `starter complete`:
// one flag per field name of the outcome forms, a boolean for a checkbox.
type outcomeFlagSet struct {
	names []string
}

// outcomeFlags defines the field flags of every task kind's outcome form
// on fs, each with the usage of every kind that takes it.
func outcomeFlags(fs *flag.FlagSet) outcomeFlagSet {
	var names []string
	types := map[string]election.FieldType{}
	usages := map[string][]string{}           // by flag, in order
	kinds := map[string]map[string][]string{} // by flag and usage
	for _, form := range election.OutcomeForms() {
		for _, x := range form.Fields {
			if _, seen := types[x.Name]; !seen {
				names = append(names, x.Name)
				kinds[x.Name] = map[string][]string{}
			}
			types[x.Name] = x.Type
			if !slices.Contains(usages[x.Name], x.Usage) {
				usages[x.Name] = append(usages[x.Name], x.Usage)
			}
			kinds[x.Name][x.Usage] = append(kinds[x.Name][x.Usage], string(form.Kind))
		}
	}
	for _, name := range names {
		var parts []string
		for _, u := range usages[name] {
			parts = append(parts, strings.Join(kinds[name][u], ", ")+": "+u)
		}
		usage := strings.Join(parts, "; ")
		if types[name] == election.FieldDate {
			usage += " (DD/MM/YYYY or YYYY-MM-DD)"
		}
		if types[name] == election.FieldCheckbox {
			fs.Bool(name, false, usage)
		} else {
			fs.String(name, "", usage)
		}
	}
	return outcomeFlagSet{names: names}
}

// given returns the values of the field flags set on the command line,
// by name ("true" or "false" for a boolean).
func (o outcomeFlagSet) given(fs *flag.FlagSet) map[string]string {
	out := map[string]string{}
	fs.Visit(func(f *flag.Flag) {
		if slices.Contains(o.names, f.Name) {
			out[f.Name] = f.Value.String()
		}
	})
	return out
}

// precheck refuses, before any task is looked up, an --outcome that is not
// JSON and a field flag whose value is not of the field's type (a date, a
// number) or over its limit, whatever the task's kind.
func precheck(outcome string, given map[string]string) error {
	if outcome != "" && !json.Valid([]byte(outcome)) {
		return usageError("--outcome is not valid JSON: %.60s", outcome)
	}
	for _, name := range slices.Sorted(maps.Keys(given)) {
		for _, form := range election.OutcomeForms() {
			x, ok := form.Field(name)
			if !ok || x.Type == election.FieldSelect {
				continue
			}
			if _, err := x.Parse(given[name]); err != nil {
				return usageError("--%v", err)
			}
			break
		}
	}
	return nil
}

// outcomeOf is the outcome JSON of a task of the kind, from --outcome or
// from the given field flags, checked against the kind's outcome form
// before anything is sent: a flag of another kind, a bad value and an
// oversized one are refused, naming the flag or the JSON field.
func outcomeOf(kind election.TaskKind, outcome string, given map[string]string) (json.RawMessage, error) {
	form, ok := election.FormOf(kind)
	if !ok {
		return nil, fmt.Errorf("starter does not know the outcome of %s tasks", kind)
	}
	if outcome != "" {
		if _, err := form.Decode(json.RawMessage(outcome)); err != nil {
			return nil, fmt.Errorf("--outcome of a %s task: %w", kind, err)
		}
		return json.RawMessage(outcome), nil
	}
	for _, name := range slices.Sorted(maps.Keys(given)) {
		if _, ok := form.Field(name); !ok && form.IsList() {
			return nil, usageError("--%s does not apply to a %s task: its outcome is a list, given with --outcome JSON, e.g. '%s'", name, kind, form.Example)
		} else if !ok {
			return nil, usageError("--%s does not apply to a %s task (it takes --%s)", name, kind, strings.Join(form.FieldNames(), ", --"))
		}
	}
	if form.IsList() {
		return nil, usageError("a %s task's outcome is a list: give it with --outcome JSON, e.g. '%s'", kind, form.Example)
	}
	raw, err := form.Build(given)
	var oe *election.OutcomeError
	if errors.As(err, &oe) && oe.Field != "" {
		return nil, fmt.Errorf("outcome of a %s task: --%s: %s", kind, oe.Field, oe.Detail)
	}
	if err != nil {
		return nil, fmt.Errorf("outcome of a %s task: %w", kind, err)
	}
	return raw, nil
}

// outcomeHelp describes the outcome of every task kind, from the outcome
// forms, for "starter help complete".
func outcomeHelp() string {
	var b strings.Builder
	b.WriteString("The outcome is built from the flags of the task's kind:\n")
	var lists []election.OutcomeForm
	for _, form := range election.OutcomeForms() {
		if form.IsList() {
			lists = append(lists, form)
			continue
		}
		var parts []string
		for _, x := range form.Fields {
			parts = append(parts, flagSynopsis(x))
		}
		fmt.Fprintf(&b, "  %-28s %s\n", form.Kind, strings.Join(parts, " "))
		if form.Note != "" {
			fmt.Fprintf(&b, "  %-28s (%s)\n", "", form.Note)
		}
	}
	b.WriteString("The kinds whose outcome is a list take --outcome JSON:\n")
	for _, form := range lists {
		fmt.Fprintf(&b, "  %-28s %s\n", form.Kind, form.Example)
	}
	fmt.Fprintf(&b, `Dates are DD/MM/YYYY or YYYY-MM-DD. --outcome also works for every kind,
e.g. '{"decision":"dismissed","reason":"..."}'.
Limits, checked before anything is sent: --reason and --note at most %d
characters, --resolution-no and --decision-no at most %d; an outcome at most
%d KiB, a list outcome %d KiB. An outcome over them, a value that is not of
its field's type and a field of another kind are refused here, naming the
flag or field; nothing is sent.`, election.MaxNoteLen, election.MaxDocumentNoLen,
		election.MaxSingleOutcomeBytes>>10, election.MaxListOutcomeBytes>>10)
	return b.String()
}

// flagSynopsis is how a field's flag is written in help: its values, and
// brackets around an optional one.
func flagSynopsis(x election.OutcomeField) string {
	s := "--" + x.Name
	switch x.Type {
	case election.FieldSelect:
		values := make([]string, len(x.Options))
		for i, o := range x.Options {
			values[i] = o.Value
		}
		s += " " + strings.Join(values, "|")
	case election.FieldDate:
		s += " DATE"
	case election.FieldNumber:
		s += " N"
	case election.FieldText:
		if x.Fill.By == election.FillDocumentNo {
			s += " NO"
		} else {
			s += " TEXT"
		}
	}
	if !x.Required {
		s = "[" + s + "]"
	}
	return s
}

// exampleFlags writes the example of a kind's outcome as the flags of
// `starter complete`, with today for its dates; a list kind's as
// --outcome JSON.
func exampleFlags(form election.OutcomeForm, today election.Date) string {
	if form.IsList() {
		return " --outcome '" + form.Example + "'"
	}
	var example map[string]any
	if err := json.Unmarshal([]byte(form.Example), &example); err != nil {
		return " --outcome '" + form.Example + "'"
	}
	var b strings.Builder
	for _, x := range form.Fields {
		v, ok := example[x.Key]
		switch {
		case x.Type == election.FieldDate:
			fmt.Fprintf(&b, " --%s %s", x.Name, today.Vietnamese())
		case !ok:
		case x.Type == election.FieldCheckbox:
			if v == true {
				fmt.Fprintf(&b, " --%s", x.Name)
			}
		default:
			text := fmt.Sprint(v)
			if strings.ContainsAny(text, " '\"") {
				text = fmt.Sprintf("%q", text)
			}
			fmt.Fprintf(&b, " --%s %s", x.Name, text)
		}
	}
	return b.String()
}
