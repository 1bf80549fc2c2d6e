package roster

import (
	"os"
	"strings"
	"testing"
)

// The README documents the CSV format; this keeps it true to Formats.
func TestREADMEDocumentsEveryColumn(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, f := range Formats() {
		start := strings.Index(readme, "### "+f.Name)
		if start < 0 {
			t.Errorf("README has no section for %s", f.Name)
			continue
		}
		section := readme[start+4:]
		if end := strings.Index(section, "\n### "); end >= 0 {
			section = section[:end]
		}
		kind := "(optional)"
		if f.Required {
			kind = "(required)"
		}
		if !strings.HasPrefix(section, f.Name+" "+kind) {
			t.Errorf("README says %s is not %s", f.Name, kind)
		}
		for _, c := range f.Columns {
			req := "| optional |"
			if c.Required {
				req = "| required |"
			}
			if !strings.Contains(section, "| `"+c.Name+"` "+req) {
				t.Errorf("README section %s lacks column %s as %s", f.Name, c.Name, req)
			}
		}
	}
}
