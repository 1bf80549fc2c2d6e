package auth

import (
	"slices"
	"strings"
	"testing"

	"electionflow/election"
)

const term = election.Term("2026-2031")

func TestParseScope(t *testing.T) {
	good := map[string]Scope{
		"election:2026-2031":       ElectionScope(term),
		"province:2026-2031:01":    ProvinceScope(term, "01"),
		"council:2026-2031:00004":  CouncilScope(term, "00004"),
		"council:2026-2031:QH":     CouncilScope(term, "QH"),
		" election:2021-2026 ":     ElectionScope("2021-2026"),
		"province:2026-2031:HN_01": ProvinceScope(term, "HN_01"),
	}
	for in, want := range good {
		got, err := ParseScope(in)
		if err != nil || got != want {
			t.Errorf("ParseScope(%q) = %+v, %v; want %+v", in, got, err, want)
			continue
		}
		if err := got.Validate(); err != nil {
			t.Errorf("%q: Validate: %v", in, err)
		}
		again, err := ParseScope(got.String())
		if err != nil || again != got {
			t.Errorf("round trip of %q via %q = %+v, %v", in, got.String(), again, err)
		}
	}
	for _, in := range []string{
		"", "election", "election:", "election:2026", "election:2031-2026", "election:2026-2031:01",
		"province:2026-2031", "province:2026-2031:", "province:2026-2031:0 1", "province:2026-2031:01:x",
		"council:2026-2031", "council:2026-2031:", "council:2026-2031:a/b", "commune:2026-2031:00004",
		"Election:2026-2031",
	} {
		if s, err := ParseScope(in); err == nil {
			t.Errorf("ParseScope(%q) = %+v, want an error", in, s)
		}
	}
	if err := (Scope{Kind: ScopeElection, Term: term, Province: "01"}).Validate(); err == nil {
		t.Error("an election scope with a province validated")
	}
	if err := (Scope{}).Validate(); err == nil {
		t.Error("the zero scope validated")
	}
}

func TestCovers(t *testing.T) {
	commune := Place{Term: term, Province: "01", Council: "00004"}
	tests := []struct {
		scope Scope
		place Place
		want  bool
	}{
		{ElectionScope(term), commune, true},
		{ElectionScope(term), Place{Term: term}, true},
		{ElectionScope(term), Place{Term: term, Council: "QH"}, true},
		{ElectionScope(term), Place{Term: "2021-2026", Province: "01", Council: "00004"}, false},
		{ElectionScope(term), Place{}, false},
		{ProvinceScope(term, "01"), commune, true},
		{ProvinceScope(term, "01"), Place{Term: term, Province: "01", Council: "01"}, true},
		{ProvinceScope(term, "01"), Place{Term: term, Province: "01"}, true},
		{ProvinceScope(term, "01"), Place{Term: term}, false},
		{ProvinceScope(term, "01"), Place{Term: term, Province: "79", Council: "26734"}, false},
		{ProvinceScope(term, "01"), Place{Term: term, Council: "00004"}, false}, // province unknown: fail closed
		{ProvinceScope(term, "01"), Place{Term: "2021-2026", Province: "01"}, false},
		{CouncilScope(term, "00004"), commune, true},
		{CouncilScope(term, "00004"), Place{Term: term, Council: "00004"}, true},
		{CouncilScope(term, "00004"), Place{Term: term, Province: "01", Council: "00007"}, false},
		{CouncilScope(term, "00004"), Place{Term: term, Province: "01"}, false},
		{CouncilScope(term, "00004"), Place{Term: term}, false},
		{CouncilScope(term, "00004"), Place{Term: "2021-2026", Province: "01", Council: "00004"}, false},
		{Scope{Kind: ScopeProvince, Term: term}, Place{Term: term}, false},
		{Scope{Kind: ScopeCouncil, Term: term}, Place{Term: term}, false},
		{Scope{Kind: "nation", Term: term}, commune, false},
		{Scope{}, Place{}, false},
	}
	for _, tt := range tests {
		if got := tt.scope.Covers(tt.place); got != tt.want {
			t.Errorf("%s covers %+v = %v, want %v", tt.scope, tt.place, got, tt.want)
		}
	}
}

// expected encodes the rules of Can independently of the code: what a
// grant of role for a scope of kind allows at a place the scope covers.
func expected(role election.Role, kind ScopeKind, a Action) bool {
	if a == ActManageOwnTokens {
		return true
	}
	switch role {
	case election.RoleAdministrator:
		return true
	case election.RoleManager:
		return a == ActViewTasks || a == ActViewBoard || a == ActExportBoard || a == ActViewReport
	case election.RoleElectionCommittee, election.RoleCouncilOffice, election.RoleHR,
		election.RoleEmulationBoard, election.RoleApprovingOfficial:
		switch a {
		case ActViewTasks, ActClaimTask, ActCompleteTask:
			return true
		case ActAssignTask:
			return kind == ScopeProvince || kind == ScopeElection
		}
	}
	return false
}

// Every role, for every kind of scope, for every action, inside and
// outside the scope.
func TestCanEveryRoleScopeAction(t *testing.T) {
	scopes := map[ScopeKind]Scope{
		ScopeElection: ElectionScope(term),
		ScopeProvince: ProvinceScope(term, "01"),
		ScopeCouncil:  CouncilScope(term, "00004"),
	}
	inside := Place{Term: term, Province: "01", Council: "00004"}
	outside := map[ScopeKind][]Place{
		ScopeElection: {{Term: "2021-2026", Province: "01", Council: "00004"}, {}},
		ScopeProvince: {{Term: term, Province: "79", Council: "26734"}, {Term: term, Council: "QH"}, {Term: term},
			{Term: "2021-2026", Province: "01", Council: "00004"}},
		ScopeCouncil: {{Term: term, Province: "01", Council: "00007"}, {Term: term, Province: "01"}, {Term: term},
			{Term: "2021-2026", Province: "01", Council: "00004"}},
	}
	if len(Actions()) != 9 || len(election.Roles()) != 7 || len(ScopeKinds()) != 3 {
		t.Fatalf("the table no longer covers every action, role and scope kind")
	}
	allowed, refused := 0, 0
	for _, role := range election.Roles() {
		for _, kind := range ScopeKinds() {
			u := User{ID: 1, Username: "u", Grants: []Grant{{Role: role, Scope: scopes[kind]}}}
			for _, a := range Actions() {
				want := expected(role, kind, a)
				if got := u.Can(a, inside); got != want {
					t.Errorf("%s@%s: Can(%s) inside = %v, want %v", role, kind, a, got, want)
				}
				if want {
					allowed++
				} else {
					refused++
				}
				for _, p := range outside[kind] {
					wantOut := a == ActManageOwnTokens
					if got := u.Can(a, p); got != wantOut {
						t.Errorf("%s@%s: Can(%s) at %+v outside = %v, want %v", role, kind, a, p, got, wantOut)
					}
				}
			}
		}
	}
	if allowed == 0 || refused == 0 {
		t.Errorf("table allowed %d and refused %d: both must happen", allowed, refused)
	}
}

func TestCanWithoutGrants(t *testing.T) {
	p := Place{Term: term, Province: "01", Council: "00004"}
	signedIn := User{ID: 7, Username: "lan"}
	for _, a := range Actions() {
		if got := signedIn.Can(a, p); got != (a == ActManageOwnTokens) {
			t.Errorf("user without grants: Can(%s) = %v", a, got)
		}
		if (User{}).Can(a, p) {
			t.Errorf("the zero user may %s", a)
		}
	}
	if signedIn.Can("tasks.delete", p) {
		t.Error("an unknown action was allowed")
	}
	admin := User{Username: "a", Grants: []Grant{{election.RoleAdministrator, ElectionScope(term)}}}
	if admin.Can("tasks.delete", p) {
		t.Error("an unknown action was allowed to an administrator")
	}
}

func TestCanCompleteAs(t *testing.T) {
	commune := Place{Term: term, Province: "01", Council: "00004"}
	other := Place{Term: term, Province: "79", Council: "26734"}
	u := User{Username: "hoa", Grants: []Grant{
		{election.RoleHR, ProvinceScope(term, "01")},
		{election.RoleCouncilOffice, CouncilScope(term, "26734")},
		{election.RoleManager, ElectionScope(term)},
	}}
	tests := []struct {
		role election.Role
		p    Place
		want bool
	}{
		{election.RoleHR, commune, true},
		{election.RoleHR, other, false},
		{election.RoleCouncilOffice, other, true},
		{election.RoleCouncilOffice, commune, false},
		{election.RoleEmulationBoard, commune, false},
		{election.RoleManager, commune, true},
	}
	for _, tt := range tests {
		if got := u.CanCompleteAs(tt.role, tt.p); got != tt.want {
			t.Errorf("CanCompleteAs(%s, %+v) = %v, want %v", tt.role, tt.p, got, tt.want)
		}
	}
	admin := User{Username: "a", Grants: []Grant{{election.RoleAdministrator, ElectionScope(term)}}}
	if admin.CanCompleteAs(election.RoleHR, commune) {
		t.Error("an administrator completed an HR task")
	}
	if got := u.RolesFor(commune); !slices.Equal(got, []election.Role{election.RoleHR, election.RoleManager}) {
		t.Errorf("RolesFor(commune) = %v", got)
	}
	if got := u.RolesFor(other); !slices.Equal(got, []election.Role{election.RoleCouncilOffice, election.RoleManager}) {
		t.Errorf("RolesFor(other) = %v", got)
	}
	if got := u.RolesFor(Place{Term: "2021-2026"}); len(got) != 0 {
		t.Errorf("RolesFor(another term) = %v", got)
	}
	if !u.HasRole(election.RoleHR) || u.HasRole(election.RoleAdministrator) {
		t.Error("HasRole is wrong")
	}
}

func TestCanViewAndAssignTask(t *testing.T) {
	commune := Place{Term: term, Province: "01", Council: "00004"}
	supervisor := User{Username: "s", Grants: []Grant{{election.RoleHR, ProvinceScope(term, "01")}}}
	clerk := User{Username: "c", Grants: []Grant{{election.RoleHR, CouncilScope(term, "00004")}}}
	manager := User{Username: "m", Grants: []Grant{{election.RoleManager, ProvinceScope(term, "01")}}}
	admin := User{Username: "a", Grants: []Grant{{election.RoleAdministrator, CouncilScope(term, "00004")}}}
	tests := []struct {
		name         string
		u            User
		role         election.Role
		view, assign bool
	}{
		{"supervisor, own role", supervisor, election.RoleHR, true, true},
		{"supervisor, other role", supervisor, election.RoleCouncilOffice, false, false},
		{"clerk, own role", clerk, election.RoleHR, true, false},
		{"clerk, other role", clerk, election.RoleEmulationBoard, false, false},
		{"manager", manager, election.RoleHR, true, false},
		{"administrator", admin, election.RoleApprovingOfficial, true, true},
	}
	for _, tt := range tests {
		if got := tt.u.CanViewTask(tt.role, commune); got != tt.view {
			t.Errorf("%s: CanViewTask = %v, want %v", tt.name, got, tt.view)
		}
		if got := tt.u.CanAssignTask(tt.role, commune); got != tt.assign {
			t.Errorf("%s: CanAssignTask = %v, want %v", tt.name, got, tt.assign)
		}
		far := Place{Term: term, Province: "79", Council: "26734"}
		if tt.u.CanViewTask(tt.role, far) || tt.u.CanAssignTask(tt.role, far) {
			t.Errorf("%s: acts outside the scope", tt.name)
		}
	}
}

func TestCanGrant(t *testing.T) {
	national := User{Username: "n", Grants: []Grant{{election.RoleAdministrator, ElectionScope(term)}}}
	hanoi := User{Username: "h", Grants: []Grant{{election.RoleAdministrator, ProvinceScope(term, "01")}}}
	ward := User{Username: "w", Grants: []Grant{{election.RoleAdministrator, CouncilScope(term, "00004")}}}
	hr := User{Username: "x", Grants: []Grant{{election.RoleHR, ElectionScope(term)}}}
	gElection := Grant{election.RoleManager, ElectionScope(term)}
	gHanoi := Grant{election.RoleHR, ProvinceScope(term, "01")}
	gWard := Grant{election.RoleHR, CouncilScope(term, "00004")}
	gHCMC := Grant{election.RoleHR, CouncilScope(term, "26734")}
	atElection := Place{Term: term}
	atHanoi := Place{Term: term, Province: "01"}
	atWard := Place{Term: term, Province: "01", Council: "00004"}
	atHCMC := Place{Term: term, Province: "79", Council: "26734"}
	tests := []struct {
		name string
		u    User
		g    Grant
		at   Place
		want bool
	}{
		{"national grants election", national, gElection, atElection, true},
		{"national grants ward", national, gWard, atWard, true},
		{"hanoi grants election", hanoi, gElection, atElection, false},
		{"hanoi grants hanoi", hanoi, gHanoi, atHanoi, true},
		{"hanoi grants ward in hanoi", hanoi, gWard, atWard, true},
		{"hanoi grants ward in HCMC", hanoi, gHCMC, atHCMC, false},
		{"hanoi grants ward, place lies about it", hanoi, gHCMC, Place{Term: term, Province: "01", Council: "00004"}, false},
		{"hanoi grants hanoi, place names a council", hanoi, gHanoi, atWard, false},
		{"ward grants ward", ward, gWard, atWard, true},
		{"ward grants hanoi", ward, gHanoi, atHanoi, false},
		{"staff grants", hr, gWard, atWard, false},
	}
	for _, tt := range tests {
		if got := tt.u.CanGrant(tt.g, tt.at); got != tt.want {
			t.Errorf("%s: CanGrant = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGrantValidate(t *testing.T) {
	if err := (Grant{election.RoleHR, ProvinceScope(term, "01")}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Grant{"janitor", ProvinceScope(term, "01")}).Validate(); err == nil {
		t.Error("unknown role validated")
	}
	if err := (Grant{election.RoleHR, Scope{Kind: ScopeProvince, Term: term}}).Validate(); err == nil {
		t.Error("incomplete scope validated")
	}
	if got := (Grant{election.RoleHR, ProvinceScope(term, "01")}).String(); got != "hr-officer@province:2026-2031:01" {
		t.Errorf("String = %q", got)
	}
	for _, r := range election.Roles() {
		staff := r != election.RoleAdministrator && r != election.RoleManager
		if IsStaffRole(r) != staff {
			t.Errorf("IsStaffRole(%s) = %v", r, !staff)
		}
	}
}

func TestNormalizeNames(t *testing.T) {
	for in, want := range map[string]string{"Lan": "lan", " nguyen.lan@hn ": "nguyen.lan@hn", "a1": "a1", "thu-ky_01": "thu-ky_01"} {
		if got, err := NormalizeUsername(in); err != nil || got != want {
			t.Errorf("NormalizeUsername(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "a", "-lan", "lan ngoc", "lân", "lan/x", strings.Repeat("a", 65)} {
		if got, err := NormalizeUsername(in); err == nil {
			t.Errorf("NormalizeUsername(%q) = %q, want an error", in, got)
		}
	}
	if got, err := NormalizeDisplayName("  Nguyễn Thị Lan "); err != nil || got != "Nguyễn Thị Lan" {
		t.Errorf("NormalizeDisplayName = %q, %v", got, err)
	}
	for _, in := range []string{"", "   ", "a\nb", strings.Repeat("ư", 201)} {
		if _, err := NormalizeDisplayName(in); err == nil {
			t.Errorf("NormalizeDisplayName(%q) accepted", in)
		}
	}
}
