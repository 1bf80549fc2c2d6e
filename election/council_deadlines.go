package election

// CouncilDeadlines are the deadlines of the legal calendar as they apply to
// one council (thời hạn của một Hội đồng/Quốc hội): who settles its
// complaints decides their deadline, and a re-run election moves its first
// session. Calendar.For is the one place that chooses them; the workflows'
// facts, the Temporal UI's static details and the simulated staff read it.
type CouncilDeadlines struct {
	// ComplaintsFiled is the last day complaints about the results can be
	// filed; the credential resolution cannot be adopted before it.
	ComplaintsFiled Deadline
	// ComplaintsSettled: settled by the National Election Council within
	// 30 days for the National Assembly, by an election committee within 20
	// days otherwise (Law 85/2015/QH13 art. 87).
	ComplaintsSettled Deadline
	// CredentialResolution: the credential resolution (nghị quyết xác nhận
	// tư cách người trúng cử) adopted.
	CredentialResolution Deadline
	// FirstSession: 60 days for the National Assembly (Constitution art.
	// 83), else 45 days counted from the re-run or additional election when
	// the council had one, else from election day (Law on Local Government
	// 2015 art. 80).
	FirstSession Deadline
	// NominationsClose ends the commendation nomination window.
	NominationsClose Deadline
	// CadreDecisions is when outgoing cadres' benefit decisions are due.
	CadreDecisions Deadline
}

// For returns the deadlines of the calendar that apply to council c.
func (c Calendar) For(council Council) CouncilDeadlines {
	complaints := DeadlineComplaintsSettled
	first := c.Deadlines[DeadlineFirstSession]
	if council.Level == LevelNational {
		complaints = DeadlineComplaintsSettledNational
		first = c.Deadlines[DeadlineFirstSessionNational]
	} else if council.RerunElectionDay.After(c.ElectionDay) {
		first.Due = council.RerunElectionDay.AddDays(first.Days)
	}
	return CouncilDeadlines{
		ComplaintsFiled:      c.Deadlines[DeadlineComplaintsFiled],
		ComplaintsSettled:    c.Deadlines[complaints],
		CredentialResolution: c.Deadlines[DeadlineCredentialResolution],
		FirstSession:         first,
		NominationsClose:     c.Deadlines[DeadlineNominationsClose],
		CadreDecisions:       c.Deadlines[DeadlineCadreDecisions],
	}
}
