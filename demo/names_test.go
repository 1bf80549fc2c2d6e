package demo

import (
	"math/rand/v2"
	"strings"
	"testing"

	"electionflow/election"
)

func TestFullName(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	count := map[region]map[string]int{north: {}, south: {}}
	for i := range 20_000 {
		sex := election.Male
		if i%2 == 1 {
			sex = election.Female
		}
		reg := north
		if i%4 >= 2 {
			reg = south
		}
		name := fullName(rng, sex, reg)
		words := strings.Fields(name)
		if len(words) < 3 || len(words) > 4 || !validName(name) {
			t.Fatalf("fullName = %q", name)
		}
		if words[len(words)-1] == words[len(words)-2] {
			t.Errorf("fullName = %q repeats the middle name as given name", name)
		}
		if sex == election.Male && words[1] == "Thị" {
			t.Errorf("man named %q", name)
		}
		if sex == election.Female && words[1] == "Văn" {
			t.Errorf("woman named %q", name)
		}
		count[reg][words[0]]++
	}
	if n, s := count[north], count[south]; n["Hoàng"] <= n["Huỳnh"] || s["Huỳnh"] <= s["Hoàng"] || n["Vũ"] <= n["Võ"] || s["Võ"] <= s["Vũ"] {
		t.Errorf("regional family names: north %v, south %v", n, s)
	}
}

func TestEndsWithWord(t *testing.T) {
	tests := []struct {
		s, w string
		want bool
	}{
		{"Minh", "Minh", true},
		{"Thị Minh", "Minh", true},
		{"Thị Minh", "Inh", false},
		{"Thanh", "anh", false},
		{"Văn", "Minh", false},
	}
	for _, tt := range tests {
		if got := endsWithWord(tt.s, tt.w); got != tt.want {
			t.Errorf("endsWithWord(%q, %q) = %v", tt.s, tt.w, got)
		}
	}
}
