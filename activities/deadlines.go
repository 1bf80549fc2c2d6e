package activities

import "electionflow/election"

// complaintsDeadline is the deadline by which complaints about a council's
// results are settled: 30 days by the National Election Council for the
// National Assembly, 20 by an election committee otherwise (Law 85/2015/QH13
// art. 87).
func complaintsDeadline(l election.Level) election.DeadlineKind {
	if l == election.LevelNational {
		return election.DeadlineComplaintsSettledNational
	}
	return election.DeadlineComplaintsSettled
}

// credentialDeadline is the deadline of the credential resolution.
func credentialDeadline() election.DeadlineKind { return election.DeadlineCredentialResolution }
