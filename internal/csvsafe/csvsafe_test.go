package csvsafe

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Hội đồng nhân dân xã An Bình", "Hội đồng nhân dân xã An Bình"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"a=1+1", "a=1+1"},
		{" =1+1", " =1+1"},
		{"'", "'"},
		{"'quoted", "'quoted"},
		{"'=1+1", "''=1+1"},
		{"''-x", "'''-x"},
		// Plain numbers are numbers, not formulas.
		{"-3", "-3"},
		{"+4.5", "+4.5"},
		{"0012", "0012"},
		{"-3+1", "'-3+1"},
		{"-1e3", "'-1e3"},
		{"-0x1F", "'-0x1F"},
		{"- 3", "'- 3"},
		{"-", "'-"},
		{"-3.", "'-3."},
		{"'-3", "'-3"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Restore(Text(tt.in)); got != tt.in {
			t.Errorf("Restore(Text(%q)) = %q", tt.in, got)
		}
	}
}

// Restore leaves alone what Text never produces a quote for, so a cell
// typed by hand with a leading quote keeps it.
func TestRestoreLeavesOtherCells(t *testing.T) {
	for _, s := range []string{"", "'", "'quoted", "'-3", "plain", "=raw", "-3"} {
		if got := Restore(s); got != s {
			t.Errorf("Restore(%q) = %q", s, got)
		}
	}
}

func TestRow(t *testing.T) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(Row("00004", `=HYPERLINK("http://x","y")`, "-7")); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if got, want := b.String(), "00004,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-7\n"; got != want {
		t.Errorf("row written as %q, want %q", got, want)
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''", "-3", "'", "@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if Restore(out) != s {
			t.Fatalf("Restore(Text(%q)) = %q", s, Restore(out))
		}
		if out != "" && needsQuote(out) && out[0] != quote {
			t.Fatalf("Text(%q) = %q still starts a formula", s, out)
		}
	})
}
