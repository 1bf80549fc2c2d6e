// Package pdftext reads the text of a PDF back for tests, with poppler's
// pdftotext: what a person copying from the document would get, so a test
// can check that Vietnamese letters print and extract right. Without
// pdftotext the test is skipped, or fails under CI=true, where .ci/run
// installs it.
package pdftext

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Words returns the words of pdf joined by single spaces.
func Words(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to read the PDF back")
	}
	path := filepath.Join(t.TempDir(), "document.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
