package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"electionflow/election"
)

// nominationVersions returns the xmin of every commendation row: equal
// versions mean nothing was rewritten.
func nominationVersions(t *testing.T, s *Store) string {
	t.Helper()
	var v string
	err := s.pool.QueryRow(context.Background(), `
		SELECT coalesce(string_agg(x, ',' ORDER BY x), '') FROM (
			SELECT xmin::text AS x FROM nominations UNION ALL SELECT xmin::text FROM commendation_decisions) v`).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func testNominations() []election.Nomination {
	return []election.Nomination{
		{ID: "N1", NomineeKind: election.NomineeCollective, Nominee: "Tổ bầu cử số 3 phường Ba Đình", Achievement: "Hoàn thành xuất sắc"},
		{ID: "N2", NomineeKind: election.NomineeIndividual, Nominee: "Trần Thị Bình", Achievement: "Tổ trưởng tổ bầu cử"},
		{ID: "N3", NomineeKind: election.NomineeCollective, Nominee: "Ban bầu cử phường Ba Đình", Achievement: "Tổ chức tốt"},
	}
}

// Every commendation write may be retried by Temporal: twice leaves the
// same rows as once, rewrites nothing, and the decision lists only the
// approved nominations.
func TestCommendationWritesAreIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	const code election.CouncilCode = "00004"
	appraisals := []election.NominationAppraisal{
		{Nomination: "N1", Decision: election.AppraisalApprove},
		{Nomination: "N2", Decision: election.AppraisalReject, Reason: "Thiếu báo cáo thành tích"},
		{Nomination: "N3", Decision: election.AppraisalApprove, Reason: "Đủ hồ sơ"},
	}
	verdicts := []election.CouncilVerdict{
		{Nomination: "N1", Approved: true},
		{Nomination: "N3", Approved: false, Reason: "Chưa tiêu biểu"},
	}
	decision := CommendationDecision{Term: term, Council: code, DecisionNo: "123/QĐ-UBND",
		DecidedOn: election.MustParseDate("2026-04-24"), Award: "Giấy khen", Approved: []election.NominationID{"N1"}}
	steps := []struct {
		name  string
		write func() error
	}{
		{"nominations", func() error { return s.RecordNominations(ctx, term, code, testNominations()) }},
		{"appraisals", func() error { return s.RecordAppraisals(ctx, term, code, appraisals) }},
		{"council review", func() error { return s.RecordCouncilReview(ctx, term, code, verdicts) }},
		{"decision", func() error { return s.RecordCommendationDecision(ctx, decision) }},
	}
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		before := nominationVersions(t, s)
		if err := st.write(); err != nil {
			t.Fatalf("%s again: %v", st.name, err)
		}
		if after := nominationVersions(t, s); after != before {
			t.Errorf("%s again rewrote rows: %s -> %s", st.name, before, after)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM nominations`); n != 3 {
		t.Errorf("%d nominations, want 3", n)
	}
	if n := count(t, s, `SELECT count(*) FROM commendation_decisions`); n != 1 {
		t.Errorf("%d decisions, want 1", n)
	}

	got, err := s.CommendationSummary(ctx, term, code)
	if err != nil {
		t.Fatal(err)
	}
	want := Commendations{
		Nominations: []NominationRecord{
			{ID: "N1", NomineeKind: election.NomineeCollective, Nominee: "Tổ bầu cử số 3 phường Ba Đình", Achievement: "Hoàn thành xuất sắc",
				Status: election.NominationApproved, Appraised: true},
			{ID: "N2", NomineeKind: election.NomineeIndividual, Nominee: "Trần Thị Bình", Achievement: "Tổ trưởng tổ bầu cử",
				Status: election.NominationAppraisalRejected, Appraised: true, Reason: "Thiếu báo cáo thành tích"},
			{ID: "N3", NomineeKind: election.NomineeCollective, Nominee: "Ban bầu cử phường Ba Đình", Achievement: "Tổ chức tốt",
				Status: election.NominationCouncilRejected, Appraised: true, Reason: "Chưa tiêu biểu"},
		},
		AppraisalRejected: 1, CouncilRejected: 1, Approved: 1,
		Decision: &decision,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("summary\n got %+v %+v\nwant %+v %+v", got, got.Decision, want, want.Decision)
	}

	// Another council has nothing.
	other, err := s.CommendationSummary(ctx, term, "00008")
	if err != nil || len(other.Nominations) != 0 || other.Decision != nil {
		t.Errorf("other council %+v, %v", other, err)
	}
}

// A retried earlier write never undoes a later finding.
func TestCommendationStatusNeverDowngraded(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	const code election.CouncilCode = "00004"
	noms := testNominations()
	approveAll := []election.NominationAppraisal{
		{Nomination: "N1", Decision: election.AppraisalApprove},
		{Nomination: "N2", Decision: election.AppraisalApprove},
		{Nomination: "N3", Decision: election.AppraisalReject, Reason: "Trùng đề nghị"},
	}
	if err := s.RecordNominations(ctx, term, code, noms); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAppraisals(ctx, term, code, approveAll); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCouncilReview(ctx, term, code, []election.CouncilVerdict{
		{Nomination: "N1", Approved: true, Reason: "Tiêu biểu"},
		{Nomination: "N2", Approved: false, Reason: "Chưa tiêu biểu"},
	}); err != nil {
		t.Fatal(err)
	}
	before, err := s.CommendationSummary(ctx, term, code)
	if err != nil {
		t.Fatal(err)
	}

	// Late retries of the earlier steps, with different content.
	changed := testNominations()
	changed[0].Nominee = "Tên khác"
	if err := s.RecordNominations(ctx, term, code, changed); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAppraisals(ctx, term, code, []election.NominationAppraisal{
		{Nomination: "N1", Decision: election.AppraisalReject, Reason: "muộn"},
		{Nomination: "N2", Decision: election.AppraisalApprove},
		{Nomination: "N3", Decision: election.AppraisalApprove},
	}); err != nil {
		t.Fatal(err)
	}
	// A different verdict on an already decided nomination keeps the first.
	if err := s.RecordCouncilReview(ctx, term, code, []election.CouncilVerdict{
		{Nomination: "N1", Approved: false, Reason: "đổi ý"},
		{Nomination: "N2", Approved: true},
	}); err != nil {
		t.Fatal(err)
	}
	after, err := s.CommendationSummary(ctx, term, code)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("late writes changed the record\nbefore %+v\n after %+v", before, after)
	}
	if after.Approved != 1 || after.CouncilRejected != 1 || after.AppraisalRejected != 1 || after.Nominations[0].Nominee != noms[0].Nominee {
		t.Errorf("summary %+v", after)
	}

	// Before appraisal, a corrected nomination text is taken.
	fresh := []election.Nomination{{ID: "N9", NomineeKind: election.NomineeCollective, Nominee: "Tổ 9", Achievement: "x"}}
	if err := s.RecordNominations(ctx, term, code, fresh); err != nil {
		t.Fatal(err)
	}
	fresh[0].Nominee = "Tổ bầu cử số 9"
	if err := s.RecordNominations(ctx, term, code, fresh); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CommendationSummary(ctx, term, code); got.Nominations[3].Nominee != "Tổ bầu cử số 9" {
		t.Errorf("corrected nomination %+v", got.Nominations[3])
	}
}

// Writes that contradict the record are refused, changing nothing.
func TestCommendationConflicts(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	const code election.CouncilCode = "00004"
	if err := s.RecordNominations(ctx, term, code, testNominations()); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAppraisals(ctx, term, code, []election.NominationAppraisal{{Nomination: "N404", Decision: election.AppraisalApprove}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("appraisal of an unknown nomination: %v", err)
	}
	// N2 is not appraised: the council cannot decide on it.
	if err := s.RecordAppraisals(ctx, term, code, []election.NominationAppraisal{{Nomination: "N1", Decision: election.AppraisalApprove}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCouncilReview(ctx, term, code, []election.CouncilVerdict{{Nomination: "N1", Approved: true}, {Nomination: "N2", Approved: true}}); !errors.Is(err, ErrCommendationConflict) {
		t.Errorf("verdict on an unappraised nomination: %v", err)
	}
	if sum, _ := s.CommendationSummary(ctx, term, code); sum.Approved != 0 {
		t.Errorf("a refused review changed statuses: %+v", sum)
	}
	if err := s.RecordCouncilReview(ctx, term, code, []election.CouncilVerdict{{Nomination: "N1", Approved: true}}); err != nil {
		t.Fatal(err)
	}
	// The decision must list exactly the approved nominations.
	d := CommendationDecision{Term: term, Council: code, DecisionNo: "5/QĐ-UBND", DecidedOn: election.MustParseDate("2026-04-24"),
		Award: "Giấy khen", Approved: []election.NominationID{"N1", "N2"}}
	if err := s.RecordCommendationDecision(ctx, d); !errors.Is(err, ErrCommendationConflict) {
		t.Errorf("decision listing a nomination not approved: %v", err)
	}
	if n := count(t, s, `SELECT count(*) FROM commendation_decisions`); n != 0 {
		t.Errorf("refused decision recorded")
	}
	// A council's nominations need the council.
	if err := s.RecordNominations(ctx, term, "99999", testNominations()); err == nil {
		t.Error("nominations of an unknown council recorded")
	}
}
