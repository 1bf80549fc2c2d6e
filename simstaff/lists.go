package simstaff

import (
	"context"
	"fmt"

	"electionflow/election"
)

// list fills in a list outcome from the council's data, as its filler
// says.
func (f filler) list(ctx context.Context, fill election.Fill) (any, error) {
	switch fill.By {
	case election.FillNominations:
		return f.nominations(ctx)
	case election.FillLeadership:
		return f.leadership(ctx)
	case election.FillApprovals:
		return f.approvals(ctx)
	case election.FillCouncilReview:
		return f.councilReview(ctx)
	}
	return nil, fmt.Errorf("simulated staff cannot fill a list by %q", fill.By)
}

// nominations are three: the council's election board, a polling team and
// its leader.
func (f filler) nominations(ctx context.Context) (election.NominationsOutcome, error) {
	c, _, err := f.store.Council(ctx, f.task.Term, f.task.Council)
	if err != nil {
		return election.NominationsOutcome{}, err
	}
	place := c.Locality()
	if place == "" {
		place = c.Name // the National Assembly
	}
	return election.NominationsOutcome{Nominations: []election.Nomination{
		{ID: "N1", NomineeKind: election.NomineeCollective, Nominee: "Ban bầu cử " + place,
			Achievement: "Tổ chức bầu cử đúng luật, an toàn; tỷ lệ cử tri đi bầu trên 99%"},
		{ID: "N2", NomineeKind: election.NomineeCollective, Nominee: "Tổ bầu cử số 1",
			Achievement: "Hoàn thành sớm việc kiểm phiếu, không có khiếu nại"},
		{ID: "N3", NomineeKind: election.NomineeIndividual, Nominee: "Tổ trưởng Tổ bầu cử số 2",
			Achievement: "Tích cực tuyên truyền, vận động cử tri"},
	}}, nil
}

// councilReview approves every nomination that passed appraisal.
func (f filler) councilReview(ctx context.Context) (election.CouncilReviewOutcome, error) {
	sum, err := f.store.CommendationSummary(ctx, f.task.Term, f.task.Council)
	if err != nil {
		return election.CouncilReviewOutcome{}, err
	}
	var votes []election.CouncilVote
	for _, n := range sum.Nominations {
		if n.Appraised && n.Status != election.NominationAppraisalRejected {
			yes := true
			votes = append(votes, election.CouncilVote{Nomination: n.ID, Approve: &yes})
		}
	}
	return election.CouncilReviewOutcome{Decisions: votes}, nil
}

// leadership elects confirmed delegates to the offices that need one, and
// an outsider as a People's Committee vice-chair.
func (f filler) leadership(ctx context.Context) (election.LeadershipOutcome, error) {
	c, _, err := f.store.Council(ctx, f.task.Term, f.task.Council)
	if err != nil {
		return election.LeadershipOutcome{}, err
	}
	confirmed, err := f.store.ConfirmedDelegates(ctx, f.task.Term, f.task.Council)
	if err != nil {
		return election.LeadershipOutcome{}, err
	}
	var results []election.LeadershipResult
	next := 0
	for _, spec := range election.Positions(c.Level) {
		if spec.Single && !spec.PerCommittee && next < len(confirmed) {
			results = append(results, election.LeadershipResult{Position: spec.Code, Person: confirmed[next]})
			next++
		}
	}
	for _, spec := range election.Positions(c.Level) {
		if spec.Code == "ubnd-vice-chair" {
			results = append(results, election.LeadershipResult{Position: spec.Code, Name: "Phó Chủ tịch UBND (ngoài HĐND)"})
		}
	}
	return election.LeadershipOutcome{Results: results}, nil
}

// approvals approve every recorded result that needs it.
func (f filler) approvals(ctx context.Context) (election.ApprovalsOutcome, error) {
	t := f.task
	c, _, err := f.store.Council(ctx, t.Term, t.Council)
	if err != nil {
		return election.ApprovalsOutcome{}, err
	}
	results, err := f.store.LeadershipOf(ctx, t.Term, t.Council)
	if err != nil {
		return election.ApprovalsOutcome{}, err
	}
	approvedOn, err := f.day(ctx, election.WindowApproval)
	if err != nil {
		return election.ApprovalsOutcome{}, err
	}
	bodies := map[election.PositionCode]string{}
	for _, spec := range election.Positions(c.Level) {
		bodies[spec.Code] = spec.ApprovalBody
	}
	var approvals []election.Approval
	for _, r := range election.NeedingApproval(c.Level, results) {
		approvals = append(approvals, election.Approval{Position: r.Position, Committee: r.Committee, Person: r.Person,
			Name: r.Name, Body: bodies[r.Position], DecisionNo: fmt.Sprintf("%d/QĐ-PC", 1+f.rng.IntN(900)),
			ApprovedOn: approvedOn})
	}
	return election.ApprovalsOutcome{Approvals: approvals}, nil
}
