package activities

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/worker"
)

// recordingRegistry records the names activities are registered under.
type recordingRegistry struct {
	worker.ActivityRegistry // any other method panics
	names                   []string
}

func (r *recordingRegistry) RegisterActivityWithOptions(_ any, o activity.RegisterOptions) {
	r.names = append(r.names, o.Name)
}

// contractActivities returns the value of every Activity* constant of the
// checklist contract, read from its source.
func contractActivities(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../checklist/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			v, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range v.Names {
				if !strings.HasPrefix(id.Name, "Activity") || i >= len(v.Values) {
					continue
				}
				if lit, ok := v.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					names = append(names, s)
				}
			}
			return true
		})
	}
	slices.Sort(names)
	return names
}

// Every activity of the contract is registered once, and nothing else.
func TestRegisterCoversTheContract(t *testing.T) {
	var r recordingRegistry
	(&Activities{}).Register(&r)
	slices.Sort(r.names)
	want := contractActivities(t)
	if len(want) < 20 {
		t.Fatalf("found %d activity names in checklist/, want at least 20: is the parser still reading it?", len(want))
	}
	if !slices.Equal(r.names, want) {
		t.Errorf("registered %q\nthe contract names %q", r.names, want)
	}
}
