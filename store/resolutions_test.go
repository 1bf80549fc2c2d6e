package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// Many adoptions taking numbers from one register at once get 1, 2, 3 …
// with no gap and no number twice, even when some roll back.
func TestResolutionRegisterUnderConcurrentAdoptions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const committed, rolledBack = 30, 10
	var (
		mu      sync.Mutex
		numbers []int
		wg      sync.WaitGroup
	)
	errRollback := errors.New("roll back")
	for i := range committed + rolledBack {
		wg.Go(func() {
			err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
				n, err := nextResolutionNumber(ctx, tx, "Ủy ban bầu cử xã Tân Hòa", 2026)
				if err != nil {
					return err
				}
				if i%4 == 3 {
					return errRollback
				}
				mu.Lock()
				numbers = append(numbers, n)
				mu.Unlock()
				return nil
			})
			if err != nil && !errors.Is(err, errRollback) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	slices.Sort(numbers)
	want := make([]int, committed)
	for i := range want {
		want[i] = i + 1
	}
	if !slices.Equal(numbers, want) {
		t.Errorf("numbers given %v, want 1..%d", numbers, committed)
	}
	// Another year, another authority: each starts at 1.
	for _, r := range []struct {
		authority string
		year      int
	}{{"Ủy ban bầu cử xã Tân Hòa", 2027}, {"Hội đồng bầu cử quốc gia", 2026}} {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			n, err := nextResolutionNumber(ctx, tx, r.authority, r.year)
			if err == nil && n != 1 {
				err = fmt.Errorf("first number %d", n)
			}
			return err
		})
		if err != nil {
			t.Errorf("%s %d: %v", r.authority, r.year, err)
		}
	}
}

// Adopting a council's resolution many times at once records it once,
// numbered from its committee's register; a typed number is kept as typed.
func TestAdoptResolutionNumbersOnce(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term = election.Term("2026-2031")
	day := election.MustParseDate("2026-04-02")
	if _, err := s.ResolutionDocument(ctx, term, "00008"); !errors.Is(err, ErrNotFound) {
		t.Errorf("document before adoption: %v, want ErrNotFound", err)
	}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() {
			var err error
			if got[i], err = s.AdoptResolution(ctx, term, "00008", "", day); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, n := range got {
		if n != "1/NQ-UBBC" {
			t.Errorf("numbers returned %q, want 1/NQ-UBBC each time", got)
			break
		}
	}
	if n := count(t, s, `SELECT last_number FROM resolution_register WHERE authority = 'Ủy ban bầu cử xã Tân Hòa' AND year = 2026`); n != 1 {
		t.Errorf("register at %d after one resolution, want 1", n)
	}
	if n, err := s.AdoptResolution(ctx, term, "QH", "", day); err != nil || n != "1/NQ-HĐBCQG" {
		t.Errorf("the National Assembly's resolution: %q, %v", n, err)
	}
	if n, err := s.AdoptResolution(ctx, term, "00004", "7/NQ-UBBC", day); err != nil || n != "7/NQ-UBBC" {
		t.Errorf("a typed number: %q, %v", n, err)
	}
	if n := count(t, s, `SELECT count(*) FROM credential_resolutions WHERE register_number IS NULL`); n != 1 {
		t.Errorf("%d resolutions outside the register, want the typed one", n)
	}
}

// The document of an adopted resolution lists every person of the draft
// with their name, in person order.
func TestResolutionDocument(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term = election.Term("2026-2031")
	decisions := []election.CredentialDecision{
		{Person: "00008-P002", Confirmed: false, Reason: "Khiếu nại có cơ sở"},
		{Person: "00008-P001", Confirmed: true},
	}
	if err := s.DraftResolution(ctx, term, "00008", decisions); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AdoptResolution(ctx, term, "00008", "", election.MustParseDate("2026-04-02")); err != nil {
		t.Fatal(err)
	}
	d, err := s.ResolutionDocument(ctx, term, "00008")
	if err != nil {
		t.Fatal(err)
	}
	if d.ResolutionNo != "1/NQ-UBBC" || d.AdoptedOn.String() != "2026-04-02" || d.Council.Name != "Hội đồng nhân dân xã Tân Hòa" || len(d.Lines) != 2 {
		t.Fatalf("document %+v", d)
	}
	if l := d.Lines[0]; l.Person != "00008-P001" || !l.Confirmed || l.FullName == "" || l.BirthDate.IsZero() {
		t.Errorf("first line %+v", l)
	}
	if l := d.Lines[1]; l.Person != "00008-P002" || l.Confirmed || l.Reason != "Khiếu nại có cơ sở" {
		t.Errorf("second line %+v", l)
	}
}
