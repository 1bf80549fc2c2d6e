package demo

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestProvinces(t *testing.T) {
	if len(provinces) != 34 {
		t.Fatalf("%d provinces, want 34", len(provinces))
	}
	former := map[int]string{}
	cities, special := 0, []string{}
	for i, p := range provinces {
		if len(p.code) != 2 || strings.Trim(p.code, "0123456789") != "" {
			t.Errorf("province %s: code %q is not two digits", p.name, p.code)
		}
		if i > 0 && provinces[i-1].code >= p.code {
			t.Errorf("province codes not in increasing order at %s", p.code)
		}
		if !validName(p.name) || !validName(p.fullName()) {
			t.Errorf("province %s: bad name", p.code)
		}
		switch p.unit {
		case "thành phố":
			cities++
		case "tỉnh":
		default:
			t.Errorf("province %s: unit %q", p.code, p.unit)
		}
		if p.special {
			special = append(special, p.code)
		}
		if len(p.births) == 0 || p.births[0] != provinceNumber(p.code) {
			t.Errorf("province %s: former provinces %v should start with its own code", p.code, p.births)
		}
		for _, b := range p.births {
			if other, dup := former[b]; dup {
				t.Errorf("former province %02d in both %s and %s", b, other, p.code)
			}
			former[b] = p.code
			if b < 1 || b > 96 {
				t.Errorf("province %s: former code %d", p.code, b)
			}
		}
	}
	if len(former) != 63 {
		t.Errorf("%d former provinces, want 63", len(former))
	}
	if cities != 6 {
		t.Errorf("%d centrally-run cities, want 6", cities)
	}
	if strings.Join(special, ",") != "01,79" {
		t.Errorf("special cities %v, want Hà Nội (01) and Hồ Chí Minh City (79)", special)
	}
	byCode := map[string]string{}
	for _, p := range provinces {
		byCode[p.code] = p.fullName()
	}
	for code, want := range map[string]string{"01": "thành phố Hà Nội", "79": "Thành phố Hồ Chí Minh", "46": "thành phố Huế", "96": "tỉnh Cà Mau"} {
		if byCode[code] != want {
			t.Errorf("province %s is %q, want %q", code, byCode[code], want)
		}
	}
}

func TestCommuneNamesDistinct(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range provinces {
		names := newCommuneNames(p, MaxCommunesPerProvince)
		seen := map[string]bool{}
		for range MaxCommunesPerProvince {
			n := names.next(rng.IntN)
			words := strings.Fields(n)
			if seen[n] || n == p.name || len(words) != 2 || words[0] == words[1] || !validName(n) {
				t.Fatalf("province %s: bad or repeated commune name %q", p.code, n)
			}
			for _, z := range p.zones {
				if n == z {
					t.Fatalf("province %s: commune named like special zone %q", p.code, z)
				}
			}
			seen[n] = true
		}
	}
}
