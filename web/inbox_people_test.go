package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
)

// The inbox names each task for people (what, for whom, where) with names
// read from Postgres, says in words how far its due time is and colours
// it, sorts by due time, council or kind, and claims several selected
// tasks at once.
func TestInboxForPeople(t *testing.T) {
	ctx := context.Background()
	s, db := testDB(t)
	srv := newServer(t, s, db, &fakeOps{})
	now := time.Date(2026, 4, 3, 9, 0, 0, 0, election.OfficeZone())
	srv.Now = func() time.Time { return now }
	ts := startServer(t, srv)
	review := election.Task{ID: election.NewTaskID(term, "00004", election.KindReviewComplaint, "KN-001"), Term: term, Council: "00004",
		Kind: election.KindReviewComplaint, Role: election.RoleCouncilOffice, Due: now.Add(-50 * time.Hour),
		Subject: checklist.Subject(election.KindReviewComplaint, "complaint", "KN-001", "00004-P002")}
	verify := election.Task{ID: election.NewTaskID(term, "00004", election.KindVerifyCadreRecord, "CB-001/1"), Term: term, Council: "00004",
		Kind: election.KindVerifyCadreRecord, Role: election.RoleCouncilOffice, Due: now.Add(30 * time.Hour),
		Subject: checklist.Subject(election.KindVerifyCadreRecord, "CB-001")}
	handover := election.Task{ID: election.NewTaskID(term, "00008", election.KindHandOverCertificates, "certificates"), Term: term, Council: "00008",
		Kind: election.KindHandOverCertificates, Role: election.RoleCouncilOffice, Due: now.Add(10 * 24 * time.Hour),
		Subject: checklist.Subject(election.KindHandOverCertificates, 15)}
	for _, task := range []election.Task{review, verify, handover} {
		if err := s.OpenTasks(ctx, "checklist/"+string(term)+"/"+string(task.Council)+"/x", []election.Task{task}); err != nil {
			t.Fatal(err)
		}
	}
	addUser(t, s, "quanly", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.ElectionScope(term)})
	c := browser(t)
	signIn(t, c, ts.URL, "quanly")

	body := do(t, c, "GET", ts.URL+"/inbox", nil, nil).body
	for _, want := range []string{
		">Xem xét khiếu nại, tố cáo — Phạm Đức Thắng — phường Ba Đình</a>",
		">Xác minh quá trình đóng BHXH và tiền lương — Hoàng Văn Bình — phường Ba Đình</a>",
		">Trao giấy chứng nhận đại biểu — 15 giấy chứng nhận đại biểu — xã Tân Hòa</a>",
		`<span class="due overdue" title="01/04/2026 07:00">quá hạn 2 ngày</span>`,
		`<span class="due soon" title="04/04/2026 15:00">còn 1 ngày</span>`,
		`<span class="due " title="13/04/2026 09:00">còn 10 ngày</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the inbox lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "00004-P002") || strings.Contains(body, ">"+string(review.ID)+"<") {
		t.Errorf("the inbox shows identifiers where people want names:\n%s", body)
	}

	order := func(query string) []election.TaskID {
		t.Helper()
		r := do(t, c, "GET", ts.URL+"/inbox"+query, nil, nil)
		var got []election.TaskID
		for _, id := range []election.TaskID{review.ID, verify.ID, handover.ID} {
			if i := strings.Index(r.body, `href="/tasks/`+string(id)+`"`); i >= 0 {
				got = append(got, id)
			}
		}
		// Sort the found IDs by where they stand on the page.
		for i := range got {
			for j := i + 1; j < len(got); j++ {
				if strings.Index(r.body, `href="/tasks/`+string(got[j])+`"`) < strings.Index(r.body, `href="/tasks/`+string(got[i])+`"`) {
					got[i], got[j] = got[j], got[i]
				}
			}
		}
		return got
	}
	for query, want := range map[string][]election.TaskID{
		"":              {review.ID, verify.ID, handover.ID},
		"?sort=council": {review.ID, verify.ID, handover.ID},
		"?sort=kind":    {handover.ID, review.ID, verify.ID},
	} {
		if got := order(query); len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("inbox%s order %v, want %v", query, got, want)
		}
	}
	if r := do(t, c, "GET", ts.URL+"/inbox?sort=name", nil, nil); !strings.Contains(r.body, `sort &#34;name&#34;: want due, council or kind`) {
		t.Errorf("a bad sort is not said:\n%s", r.body)
	}
	if !strings.Contains(do(t, c, "GET", ts.URL+"/inbox?sort=kind&council=00004", nil, nil).body, `href="/inbox?council=00004&amp;sort=council"`) {
		t.Errorf("the sort links drop the filters:\n%s", do(t, c, "GET", ts.URL+"/inbox?sort=kind&council=00004", nil, nil).body)
	}

	claim := url.Values{"action": {"claim"}, "task": {string(review.ID), string(handover.ID)}}
	if r := do(t, c, "POST", ts.URL+"/claims", claim, nil); r.status != http.StatusOK && r.status != http.StatusSeeOther {
		t.Fatalf("claim two = %d", r.status)
	}
	claims, err := s.Claims(ctx, []election.TaskID{review.ID, verify.ID, handover.ID})
	if err != nil {
		t.Fatal(err)
	}
	if claims[review.ID].By != "quanly" || claims[handover.ID].By != "quanly" || claims[verify.ID].By != "" {
		t.Errorf("claims after claiming two: %+v", claims)
	}
	// A selection with a task out of reach changes nothing at all.
	addUser(t, s, "vanphong04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	office := browser(t)
	signIn(t, office, ts.URL, "vanphong04")
	mixed := url.Values{"action": {"claim"}, "task": {string(verify.ID), string(handover.ID)}}
	if r := do(t, office, "POST", ts.URL+"/claims", mixed, nil); r.status != http.StatusForbidden {
		t.Errorf("claiming a task of another council among one's own = %d, want 403", r.status)
	}
	if claims, err := s.Claims(ctx, []election.TaskID{verify.ID}); err != nil || claims[verify.ID].By != "" {
		t.Errorf("a refused selection claimed %+v (%v)", claims, err)
	}
	release := url.Values{"action": {"release"}, "task": {string(review.ID), string(handover.ID)}}
	if r := do(t, c, "POST", ts.URL+"/claims", release, nil); r.status != http.StatusNotFound {
		t.Errorf("releasing two at once = %d, want 404", r.status)
	}
}

func TestDueInWords(t *testing.T) {
	now := time.Date(2026, 4, 3, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		due   time.Duration
		words string
		state string
	}{
		{-50 * time.Hour, "quá hạn 2 ngày", "overdue"},
		{-2 * time.Hour, "quá hạn 2 giờ", "overdue"},
		{10 * time.Minute, "còn 1 giờ", "soon"},
		{71 * time.Hour, "còn 3 ngày", "soon"},
		{73 * time.Hour, "còn 3 ngày", ""},
	} {
		due := now.Add(tt.due)
		if got := dueIn("vi", due, now); got != tt.words {
			t.Errorf("due in %v: %q, want %q", tt.due, got, tt.words)
		}
		if got := dueState(due, now); got != tt.state {
			t.Errorf("due in %v: state %q, want %q", tt.due, got, tt.state)
		}
	}
	if dueIn("en", time.Time{}, now) != "" || dueState(time.Time{}, now) != "" {
		t.Error("no due time is said")
	}
}
