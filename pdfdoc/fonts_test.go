package pdfdoc

import (
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// compositeGlyphs returns how many glyphs of a TrueType font are composite
// (built from other glyphs).
func compositeGlyphs(ttf []byte) (int, error) {
	if len(ttf) < 12 {
		return 0, fmt.Errorf("%d bytes is too short for a font", len(ttf))
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off)+int(size) > len(ttf) {
			return 0, fmt.Errorf("table %q overruns the file", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+size]
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if head == nil || maxp == nil || loca == nil || glyf == nil {
		return 0, fmt.Errorf("not a TrueType-outline font")
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) int {
		if longLoca {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	composite := 0
	for i := range int(binary.BigEndian.Uint16(maxp[4:])) {
		start, end := offset(i), offset(i+1)
		if end > start && int16(binary.BigEndian.Uint16(glyf[start:])) < 0 {
			composite++
		}
	}
	return composite, nil
}

// gopdf v0.33.0 subsets a font following only one level of composite glyphs,
// which drops the marks of nested Vietnamese letters (ộ, ạ, ự ...): the
// embedded fonts must be the decomposed ones fonts/make_fonts.py writes,
// not the original DejaVu files.
func TestEmbeddedFontsHaveNoCompositeGlyphs(t *testing.T) {
	for name, ttf := range map[string][]byte{"regular": serifRegular, "bold": serifBold} {
		n, err := compositeGlyphs(ttf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n > 0 {
			t.Errorf("%s face has %d composite glyphs; regenerate it with fonts/make_fonts.py", name, n)
		}
	}
}

// The check above finds the nested composites of the original DejaVu Serif
// (Debian's fonts-dejavu-core), when it is installed.
func TestCompositeGlyphsFindsOriginalDejaVu(t *testing.T) {
	const original = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
	ttf, err := os.ReadFile(original)
	if err != nil {
		t.Skipf("%v (install fonts-dejavu-core to run this check)", err)
	}
	n, err := compositeGlyphs(ttf)
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("%s: %d composite glyphs, want hundreds", original, n)
	}
}

// Every letter of the Vietnamese alphabet, with every tone, is in both faces.
func TestFontsCoverVietnamese(t *testing.T) {
	const vowels = "aăâeêioôơuưy"
	var letters []string
	for _, v := range vowels {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} {
			letters = append(letters, string(v)+tone)
		}
	}
	lower := norm.NFC.String(strings.Join(letters, "") + "bcdđghklmnpqrstvx")
	var missing []rune
	w, err := New(Info{Title: "fonts"}, func(r rune) { missing = append(missing, r) })
	if err != nil {
		t.Fatal(err)
	}
	w.AddPage()
	for _, text := range []string{lower, strings.ToUpper(lower)} {
		for _, f := range []Font{RegularFont(12), BoldFont(12)} {
			for i, chunk := range chunks(text, 40) {
				w.Text(f, Black, 50, 50+14*float64(i), chunk)
			}
		}
	}
	if _, err := w.Bytes(); err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("the embedded faces lack %q", string(missing))
	}
}

// chunks splits s into pieces of at most n characters.
func chunks(s string, n int) []string {
	var out []string
	r := []rune(s)
	for len(r) > 0 {
		k := min(n, len(r))
		out = append(out, string(r[:k]))
		r = r[k:]
	}
	return out
}
