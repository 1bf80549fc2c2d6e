package demo

import (
	"math/rand/v2"
	"testing"

	"electionflow/election"
)

func TestCitizenIDNeverRepeats(t *testing.T) {
	// Fill all but a few numbers of one prefix (born in Hà Nội, a woman,
	// 1980): the next draws must find exactly the free ones.
	g := &generator{rng: rand.New(rand.NewPCG(1, 1)), citizenIDs: map[uint64]struct{}{}}
	born := election.MustParseDate("1980-06-01")
	const prefix = 1_180_000_000 // 001 1 80 000000
	free := map[election.CitizenID]bool{"001180000000": true, "001180123456": true, "001180999999": true}
	for n := range uint64(1_000_000) {
		g.citizenIDs[prefix+n] = struct{}{}
	}
	for id := range free {
		var n uint64
		for _, c := range id {
			n = 10*n + uint64(c-'0')
		}
		delete(g.citizenIDs, n)
	}
	for range len(free) {
		id := g.citizenID(1, election.Female, born)
		if !free[id] {
			t.Fatalf("citizenID drew %s, taken or not of the prefix", id)
		}
		delete(free, id)
	}
}

func TestCitizenIDLayout(t *testing.T) {
	g := &generator{rng: rand.New(rand.NewPCG(3, 3)), citizenIDs: map[uint64]struct{}{}}
	tests := []struct {
		prov   int
		sex    election.Sex
		born   string
		prefix string
	}{
		{1, election.Male, "1965-01-31", "001065"},
		{79, election.Female, "1972-12-01", "079172"},
		{96, election.Male, "2000-03-15", "096200"},
		{2, election.Female, "2001-03-14", "002301"},
	}
	for _, tt := range tests {
		born := election.MustParseDate(tt.born)
		id := g.citizenID(tt.prov, tt.sex, born)
		if _, err := election.ParseCitizenID(string(id)); err != nil || string(id[:6]) != tt.prefix {
			t.Errorf("citizenID(%d, %s, %s) = %s, want prefix %s", tt.prov, tt.sex, tt.born, id, tt.prefix)
		}
		if err := checkCitizenID(id, tt.sex, born); err != nil {
			t.Error(err)
		}
	}
}

func TestAge(t *testing.T) {
	day := election.MustParseDate("2026-03-15")
	tests := []struct {
		born string
		want int
	}{
		{"2001-03-15", 25}, {"2001-03-16", 24}, {"1955-03-16", 70}, {"1955-03-15", 71}, {"2000-02-29", 26},
	}
	for _, tt := range tests {
		if got := age(election.MustParseDate(tt.born), day); got != tt.want {
			t.Errorf("age(%s) = %d, want %d", tt.born, got, tt.want)
		}
	}
}
