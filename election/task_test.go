package election

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declaredTaskKinds reads the TaskKind constants declared in this package's
// source, so a kind added without being listed in TaskKinds is caught.
func declaredTaskKinds(t *testing.T) []TaskKind {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []TaskKind
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			if typ, ok := spec.Type.(*ast.Ident); !ok || typ.Name != "TaskKind" {
				return true
			}
			for _, v := range spec.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: TaskKind constant %v is not a string literal", e.Name(), v)
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				kinds = append(kinds, TaskKind(s))
			}
			return true
		})
	}
	return kinds
}

// Tests elsewhere loop over TaskKinds (subjects, translations, inbox
// filters); this pins what they loop over: every declared kind, once.
func TestTaskKindsListsEveryKindOnce(t *testing.T) {
	kinds := TaskKinds()
	declared := declaredTaskKinds(t)
	const wantKinds = 16 // 3 credentials, 5 first session, 4 commendations, 4 cadres
	if len(kinds) != wantKinds || len(declared) != wantKinds {
		t.Errorf("TaskKinds has %d kinds and the package declares %d; want %d", len(kinds), len(declared), wantKinds)
	}
	seen := map[TaskKind]bool{}
	for _, k := range kinds {
		if seen[k] {
			t.Errorf("TaskKinds lists %s twice", k)
		}
		seen[k] = true
	}
	for _, k := range declared {
		if !slices.Contains(kinds, k) {
			t.Errorf("task kind %s is declared but not in TaskKinds", k)
		}
	}
}
