package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"electionflow/activities"
	"electionflow/devserver"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/internal/pgtest"
	"electionflow/store"
	"electionflow/workflows"
)

// startTemporal runs an in-process Temporal server until the test ends.
func startTemporal(t *testing.T) *devserver.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv, err := devserver.Start(ctx, devserver.Options{
		DataDir: t.TempDir(), UIPort: -1, SearchAttributes: workflows.SearchAttributeTypes(), Logger: zerolog.Nop(),
	})
	if err != nil {
		t.Fatalf("start Temporal: %v", err)
	}
	t.Cleanup(func() { _ = srv.Stop() })
	return srv
}

// startWorker runs a checklist worker on taskQueue, over the database db,
// until the test ends, and returns the environment of a starter that
// talks to it.
func startWorker(t *testing.T, srv *devserver.Server, db, taskQueue string) map[string]string {
	t.Helper()
	s, err := store.OpenMigrated(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, err := client.Dial(client.Options{
		HostPort: srv.FrontendAddress(), Namespace: srv.Namespace(), Logger: logging.SDKLogger(zerolog.Nop()),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	w := worker.New(c, taskQueue, worker.Options{})
	workflows.Register(w)
	(&activities.Activities{Store: s}).Register(w)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	return map[string]string{
		config.EnvDatabaseURL: db, config.EnvTaskQueue: taskQueue,
		"TEMPORAL_ADDRESS": srv.FrontendAddress(), "TEMPORAL_NAMESPACE": srv.Namespace(),
	}
}

// eventually runs f until it reports done, and fails the test after 90 s:
// generous, because CI compiles other packages while this one runs.
func eventually(t *testing.T, what string, f func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		ok, last := f()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 90 s; last output:\n%s", what, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var taskIDColumn = regexp.MustCompile(`(?m)^(2026-2031/\S+)`)

// listedTasks returns the task IDs a "tasks" listing shows.
func listedTasks(out string) []string {
	var ids []string
	for _, m := range taskIDColumn.FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	slices.Sort(ids)
	return ids
}

// fields returns the line of out that starts with first, as fields.
func fields(out, first string) []string {
	for line := range strings.Lines(out) {
		if f := strings.Fields(line); len(f) > 0 && f[0] == first {
			return f
		}
	}
	return nil
}

// The staff and manager commands drive checklists end to end on a real
// Temporal server and worker: start, list and show tasks, refusals,
// completion of every task, progress, summary and certificates; and
// simulated staff on a demo election.
func TestStaffCommandsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	srv := startTemporal(t)
	t.Run("roster", func(t *testing.T) {
		t.Parallel()
		testRosterEndToEnd(t, srv)
	})
	t.Run("simulate", func(t *testing.T) {
		t.Parallel()
		testSimulateEndToEnd(t, srv)
	})
}

func testRosterEndToEnd(t *testing.T, srv *devserver.Server) {
	db := pgtest.NewDatabase(t)
	vars := startWorker(t, srv, db, "starter-roster")
	cli := func(args ...string) result { t.Helper(); return starterEnv(t, vars, args...) }
	must := func(args ...string) result {
		t.Helper()
		r := cli(args...)
		if r.code != 0 {
			t.Fatalf("starter %q = %d:\n%s", args, r.code, r.all)
		}
		return r
	}
	// waitTasks polls "tasks args..." until it lists exactly want.
	waitTasks := func(want []string, args ...string) result {
		t.Helper()
		slices.Sort(want)
		var r result
		eventually(t, "tasks "+strings.Join(args, " "), func() (bool, string) {
			r = must(append([]string{"tasks"}, args...)...)
			return slices.Equal(listedTasks(r.stdout), want), r.all
		})
		return r
	}
	today := election.Today(time.Now())
	councils := []string{"00004", "00008", "01", "QH"}
	taskOf := func(council, kind, subject string) string {
		return string(election.NewTaskID("2026-2031", election.CouncilCode(council), election.TaskKind(kind), subject))
	}

	must("import", filepath.Join("..", "roster", "testdata", "good"))
	if r := cli("progress", "00004"); r.code != 1 || !strings.Contains(r.stderr, "has not been started (start it with: starter start --council 00004)") {
		t.Errorf("progress before start = %d:\n%s", r.code, r.all)
	}

	r := must("start", "--all")
	if !strings.Contains(r.stdout, "started 4, already started 0, failed 0") || !strings.Contains(r.stderr, "starting checklists 4/4 [") {
		t.Errorf("start --all:\n%s", r.all)
	}
	r = must("start", "--all")
	if !strings.Contains(r.stdout, "started 0, already started 4, failed 0") {
		t.Errorf("second start --all:\n%s", r.all)
	}
	r = must("start", "--council", "00004")
	if !strings.Contains(r.stdout, "started 0, already started 1, failed 0") || strings.Contains(r.stderr, "starting checklists") {
		t.Errorf("start --council 00004 after --all:\n%s", r.all)
	}
	if r := cli("start", "--council", "99999"); r.code != 1 || !strings.Contains(r.stderr, "no council of election 2026-2031 matches") {
		t.Errorf("start of an unknown council = %d:\n%s", r.code, r.all)
	}

	// 1. Complaint reviews: election day is long past, so they are overdue.
	kn, tc := taskOf("00004", "review-complaint", "KN-001"), taskOf("01", "review-complaint", "TC-001")
	r = waitTasks([]string{kn, tc}, "--kind", "review-complaint", "--overdue")
	if !strings.Contains(r.stdout, "2 open task(s), 2 overdue") {
		t.Errorf("tasks --overdue:\n%s", r.all)
	}
	r = must("tasks", "--role", "election-committee")
	if ids := listedTasks(r.stdout); !slices.Contains(ids, kn) || !slices.Contains(ids, tc) {
		t.Errorf("tasks --role election-committee lacks the reviews:\n%s", r.all)
	}
	if !regexp.MustCompile(`KN-001\s+review-complaint\s+00004\s+election-committee\s+\d\d/\d\d/2026 17:00\s+OVERDUE\s+complaint KN-001/00004-P002`).MatchString(r.stdout) {
		t.Errorf("tasks row of KN-001 is not as expected:\n%s", r.stdout)
	}
	if r := must("tasks", "--role", "council-office", "--kind", "hand-over-certificates"); !strings.Contains(r.stdout, "0 open task(s)") {
		t.Errorf("tasks --role council-office before any handover:\n%s", r.all)
	}
	r = must("task", kn)
	for _, want := range []string{
		"Kind:     review-complaint", "Role:     election-committee", "State:    OVERDUE",
		"Complaint KN-001 (complaint) against elected person 00004-P002, received 27/03/2026",
		"Khiếu nại về việc kê khai tài sản, thu nhập chưa trung thực",
		"Audit trail:\n  no entries yet",
		"starter complete " + kn + " --role election-committee --decision dismissed --reason",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("task %s lacks %q:\n%s", kn, want, r.stdout)
		}
	}

	// Refusals: nothing is recorded, and the message says why.
	refusals := []struct {
		args []string
		want string
	}{
		{[]string{"--role", "council-office", "--decision", "dismissed", "--reason", "x"},
			`refused: role "council-office" may not complete task ` + kn + `: it needs role "election-committee"`},
		{[]string{"--role", "election-committee", "--decision", "maybe", "--reason", "x"},
			`outcome of a review-complaint task: --decision: "maybe": want dismissed or upheld`},
		{[]string{"--role", "election-committee", "--decision", "upheld"}, "refused: outcome of review-complaint: reason is required"},
		{[]string{"--role", "election-committee", "--outcome", `{"decision":"upheld","reason":"x","extra":1}`}, `--outcome of a review-complaint task: extra: unknown field (want decision, reason, ineligible)`},
	}
	for _, tt := range refusals {
		args := append([]string{"complete", kn}, tt.args...)
		if r := cli(args...); r.code != 1 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("starter %q = %d, want 1 and %q on stderr:\n%s", args, r.code, tt.want, r.all)
		}
	}
	if r := cli("complete", kn, "--role", "election-committee", "--resolution-no", "1/NQ-UBBC"); r.code != 2 ||
		!strings.Contains(r.stderr, "--resolution-no does not apply to a review-complaint task (it takes --decision, --reason, --ineligible)") {
		t.Errorf("complete with a flag of another kind = %d:\n%s", r.code, r.all)
	}
	if r := cli("complete", taskOf("00004", "review-complaint", "KN-999"), "--role", "election-committee", "--decision", "upheld", "--reason", "x"); r.code != 1 ||
		!strings.Contains(r.stderr, "is not in the inbox (list the tasks with: starter tasks)") {
		t.Errorf("complete of an unknown task = %d:\n%s", r.code, r.all)
	}
	if r := must("task", kn); !strings.Contains(r.stdout, "no entries yet") || !strings.Contains(r.stdout, "State:    OVERDUE") {
		t.Errorf("a refusal left a trace:\n%s", r.stdout)
	}

	// Both dismissed: a council whose every person is not confirmed (01
	// has one) could not hold its first session; upheld complaints are
	// exercised by the integration test.
	r = must("complete", tc, "--actor", "chu-tich-ubbc", "--role", "election-committee", "--decision", "dismissed",
		"--reason", "Không có căn cứ về việc vi phạm quy định về đất đai")
	if !strings.HasPrefix(r.stdout, "completed "+tc+" at ") {
		t.Errorf("complete %s:\n%s", tc, r.all)
	}
	must("complete", kn, "--actor", "thu-ky", "--role", "election-committee", "--outcome",
		`{"decision":"dismissed","reason":"Nội dung khiếu nại không có cơ sở"}`)
	if r := cli("complete", kn, "--actor", "thu-ky", "--role", "election-committee", "--decision", "upheld", "--reason", "x"); r.code != 1 ||
		!strings.Contains(r.stderr, "refused: task is done (by thu-ky)") {
		t.Errorf("second completion = %d:\n%s", r.code, r.all)
	}
	r = must("task", kn)
	for _, want := range []string{"State:    done", "by thu-ky", `"decision":"dismissed"`, "task.complete  thu-ky  election-committee  starter@"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("task %s after completion lacks %q:\n%s", kn, want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "starter complete ") {
		t.Errorf("a done task shows how to complete it:\n%s", r.stdout)
	}

	// 2. Credential resolutions, one per council.
	var resolutions []string
	for _, c := range councils {
		resolutions = append(resolutions, taskOf(c, "adopt-credential-resolution", "resolution"))
	}
	// Waiting until the tasks are overdue (escalated by their workflow)
	// also makes sure the workflow knows them: it records a task in the
	// inbox before it registers it, and refuses it as unknown in between.
	waitTasks(resolutions, "--kind", "adopt-credential-resolution", "--overdue")
	r = must("task", taskOf("01", "adopt-credential-resolution", "resolution"))
	if !strings.Contains(r.stdout, "Draft credential resolution: 1 persons, 1 confirmed, 0 not confirmed") ||
		!regexp.MustCompile(`01-P001\s+yes`).MatchString(r.stdout) ||
		!strings.Contains(r.stdout, "--date "+today.Vietnamese()) || strings.Contains(r.stdout, "--resolution-no 12") {
		t.Errorf("task of council 01's resolution:\n%s", r.stdout)
	}
	if r := cli("complete", resolutions[0], "--role", "election-committee", "--resolution-no", "3/NQ-UBBC",
		"--date", today.AddDays(1).Vietnamese()); r.code != 1 || !strings.Contains(r.stderr, "is in the future") {
		t.Errorf("resolution dated tomorrow = %d:\n%s", r.code, r.all)
	}
	// Adopted within the legal window (the roster's election was in
	// March), so the first sessions can still be set before their deadline.
	adopted := election.MustParseDate("2026-04-01")
	for i, id := range resolutions {
		date := adopted.Vietnamese()
		if i%2 == 1 {
			date = adopted.String()
		}
		// Half typed as numbered outside electionflow, half numbered by
		// the committee's register.
		if i%2 == 1 {
			must("complete", id, "--role", "election-committee", "--date", date)
			continue
		}
		must("complete", id, "--role", "election-committee", "--resolution-no", strings.Replace("N/NQ-UBBC", "N", string(rune('1'+i)), 1), "--date", date)
	}

	// 3. Certificates handed over by the council offices.
	var handovers []string
	for _, c := range councils {
		handovers = append(handovers, taskOf(c, "hand-over-certificates", "certificates"))
	}
	waitTasks(handovers, "--role", "council-office", "--kind", "hand-over-certificates", "--overdue")
	r = must("task", taskOf("00004", "hand-over-certificates", "certificates"))
	if !strings.Contains(r.stdout, "Certificates issued to hand over: 2") || !strings.Contains(r.stdout, "--role council-office --date "+today.Vietnamese()) {
		t.Errorf("task of 00004's handover:\n%s", r.stdout)
	}
	for _, id := range handovers {
		must("complete", id, "--role", "council-office", "--date", today.Vietnamese(), "--note", "Đã trao tại hội nghị")
	}
	r = must("tasks", "--state", "done", "--limit", "20")
	if len(listedTasks(r.stdout)) != 10 || !strings.Contains(r.stdout, "10 done task(s)") ||
		!regexp.MustCompile(`KN-001\s+review-complaint\s+00004\s+election-committee\s+\S+ \S+\s+done\s+\d\d/\d\d/\d{4} \d\d:\d\d\s+thu-ky\s+complaint`).MatchString(r.stdout) {
		t.Errorf("tasks --state done:\n%s", r.all)
	}

	// What the other areas' tasks show, from Postgres.
	eventually(t, "task of 00004's session date and CB-001's record", func() (bool, string) {
		a := cli("task", taskOf("00004", "set-session-date", "session"))
		b := cli("task", taskOf("00004", "verify-cadre-record", "CB-001/1"))
		return strings.Contains(a.stdout, "First session: legal deadline 29/04/2026") &&
			strings.Contains(a.stdout, "Confirmed delegates (2): 00004-P001, 00004-P002") &&
			strings.Contains(b.stdout, "Cadre CB-001: Hoàng Văn Bình") &&
			strings.Contains(b.stdout, "under decree-178-2024-67-2025 (verified: false; needs HR confirmation: true)") &&
			strings.Contains(b.stdout, "Chưa đối chiếu văn bản"), a.all + b.all
	})

	// The first sessions, commendations and cadres, by simulated staff,
	// again if a run ends (after 3 s with nothing moving, which a starved
	// worker can exceed) before every checklist is done.
	eventually(t, "simulated staff finish every checklist", func() (bool, string) {
		r := must("simulate", "--pace", "0s", "--idle", "3s")
		if strings.Contains(r.stdout, "\nrefused ") {
			t.Errorf("simulate refused a task:\n%s", r.stdout)
		}
		summary := must("summary")
		f := fields(summary.stdout, "TOTAL")
		return len(f) > 3 && slices.Equal(f[:4], strings.Fields("TOTAL 4 4 4")), r.all + summary.all
	})

	// Managers: every checklist done, the numbers add up.
	eventually(t, "progress 00004", func() (bool, string) {
		r := must("progress", "00004")
		return regexp.MustCompile(`Stage:\s+done\n`).MatchString(r.stdout), r.all
	})
	r = must("progress", "00004")
	if !regexp.MustCompile(`credentials\s+done\s+done\s+0\s+0\s+-`).MatchString(r.stdout) || !strings.Contains(r.stdout, "Hội đồng nhân dân phường Ba Đình") {
		t.Errorf("progress 00004:\n%s", r.stdout)
	}
	eventually(t, "summary", func() (bool, string) {
		r := must("summary")
		// councils started done open overdue persons confirmed not-confirmed certificates handed-over
		return slices.Equal(fields(r.stdout, "TOTAL"), strings.Fields("TOTAL 4 4 4 0 0 6 6 0 6 6")), r.all
	})
	r = must("summary", "--province", "01")
	if got := strings.Join(fields(r.stdout, "01"), " "); !strings.HasPrefix(got, "01 1 1 1 0 0 1 1 0 1 1 done") {
		t.Errorf("summary --province 01, council 01: %q\n%s", got, r.stdout)
	}

	out := filepath.Join(t.TempDir(), "00004-1.pdf")
	must("certificate", "--council", "00004", "--number", "1", "--out", out)
	pdf, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("certificate file: %v, %.20q", err, pdf)
	}
	if r := cli("certificate", "--council", "00004", "--number", "2", "--out", out); r.code != 1 || !strings.Contains(r.stderr, "exists") {
		t.Errorf("certificate over an existing file = %d:\n%s", r.code, r.all)
	}
	must("certificate", "--council", "00004", "--number", "2", "--out", out, "--force")
	if r := cli("certificate", "--council", "00004", "--number", "3", "--out", out+".3"); r.code != 1 ||
		!strings.Contains(r.stderr, "council 00004 has no certificate number 3 (it has 2, numbered from 1)") {
		t.Errorf("certificate 3 of 00004 = %d:\n%s", r.code, r.all)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("certificate left files behind: %v", entries)
	}
	resolutionFile := filepath.Join(t.TempDir(), "00004-resolution.pdf")
	if r := must("resolution", "--council", "00004", "--out", resolutionFile); !regexp.MustCompile(`wrote .*: resolution \S+/NQ-UBBC of council 00004, \d+ persons`).MatchString(r.stdout) {
		t.Errorf("resolution: %s", r.stdout)
	}
	if pdf, err := os.ReadFile(resolutionFile); err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("resolution file: %v, %.20q", err, pdf)
	}
}

func testSimulateEndToEnd(t *testing.T, srv *devserver.Server) {
	db := pgtest.NewDatabase(t)
	vars := startWorker(t, srv, db, "starter-demo")
	cli := func(args ...string) result { t.Helper(); return starterEnv(t, vars, args...) }
	// Seed 3 with one province and one commune: councils 11 and 11011,
	// which do not clash with the workflow IDs of the roster test.
	if r := cli("demo", "--seed", "3", "--provinces", "1", "--communes", "1", "--out", t.TempDir(), "--load"); r.code != 0 {
		t.Fatalf("demo = %d:\n%s", r.code, r.all)
	}
	if r := cli("start", "--all"); r.code != 0 || !strings.Contains(r.stdout, "started 2, already started 0, failed 0") {
		t.Fatalf("start --all = %d:\n%s", r.code, r.all)
	}
	// Simulate stops once nothing moves for --idle; on a loaded machine the
	// worker may take longer than that to open the first tasks, so wait
	// for them: what is tested here is the simulation, not the start.
	eventually(t, "first tasks", func() (bool, string) {
		r := cli("tasks")
		return len(listedTasks(r.stdout)) > 0, r.all
	})
	// One run ends after 5 s with nothing moving, which a starved worker
	// can exceed: runs follow until both checklists are done, and their
	// counts add up.
	completed, byKind := 0, map[string]int{}
	eventually(t, "simulated staff finish both checklists", func() (bool, string) {
		r := cli("simulate", "--pace", "0s", "--idle", "5s", "--upheld-share", "0.5", "--seed", "7")
		if r.code != 0 {
			t.Fatalf("simulate = %d:\n%s", r.code, r.all)
		}
		m := regexp.MustCompile(`(?m)^completed (\d+), refused (\d+)$`).FindStringSubmatch(r.stdout)
		if m == nil {
			t.Fatalf("simulate printed no count:\n%s", r.all)
		}
		n, _ := strconv.Atoi(m[1])
		completed += n
		if m[2] != "0" {
			t.Errorf("simulate refused tasks:\n%s", r.stdout)
		}
		if got := len(regexp.MustCompile(`(?m)^done    2026-2031/`).FindAllString(r.stdout, -1)); got != n {
			t.Errorf("simulate printed %d done lines for %d tasks:\n%s", got, n, r.stdout)
		}
		for _, k := range regexp.MustCompile(`(?m)^  (\S+)\s+(\d+)$`).FindAllStringSubmatch(r.stdout, -1) {
			v, _ := strconv.Atoi(k[2])
			byKind[k[1]] += v
		}
		summary := cli("summary")
		f := fields(summary.stdout, "TOTAL")
		return len(f) > 3 && f[3] == "2", r.all + summary.all
	})
	// Two councils: one of each of these per council; reviews, appraisals
	// and the commendation steps after them vary with the roster and the
	// simulated decisions.
	for _, kind := range []string{"adopt-credential-resolution", "hand-over-certificates", "set-session-date",
		"send-session-documents", "open-session", "record-leadership-results", "record-approvals", "submit-nominations"} {
		if byKind[kind] != 2 {
			t.Errorf("simulate completed %d %s tasks, want 2 (all: %v)", byKind[kind], kind, byKind)
		}
	}
	if byKind["appraise-nomination"] != 6 {
		t.Errorf("simulate completed %d appraisals, want 3 nominations × 2 councils", byKind["appraise-nomination"])
	}
	eventually(t, "summary after simulate", func() (bool, string) {
		r := cli("summary")
		f := fields(r.stdout, "TOTAL")
		// TOTAL councils started done open overdue persons confirmed not certificates handed
		return len(f) == 11 && f[1] == "2" && f[2] == "2" && f[3] == "2" && f[4] == "0" &&
			f[7] == f[9] && f[9] == f[10] && f[7] != "0", r.all
	})
}
