// Package auth is electionflow's authorization model (phân quyền) and the
// primitives of sign-in (đăng nhập): who may do what, where; password
// hashing; API tokens; the throttling policy for failed sign-ins.
//
// It is pure: no SQL, no HTTP, no clock of its own. The store keeps users,
// grants, sign-in attempts and token hashes; the web server and the
// workflows ask this package whether a user may act.
//
// A user holds roles (vai trò), each for a scope (phạm vi): the whole
// election of a term, one province (tỉnh, thành phố), or one council (Hội
// đồng nhân dân, or the National Assembly). A thing lives at a Place; a
// grant applies to it when its scope covers the place.
package auth

import (
	"fmt"
	"slices"
	"strings"

	"electionflow/election"
)

// ScopeKind says how wide a scope is.
type ScopeKind string

// The kinds of scope, widest first.
const (
	ScopeElection ScopeKind = "election" // the whole election of a term (toàn quốc / toàn cuộc bầu cử)
	ScopeProvince ScopeKind = "province" // one province and every council in it (cấp tỉnh)
	ScopeCouncil  ScopeKind = "council"  // one council (một Hội đồng)
)

// ScopeKinds lists every kind of scope, widest first, for help text.
func ScopeKinds() []ScopeKind { return []ScopeKind{ScopeElection, ScopeProvince, ScopeCouncil} }

// Scope is where a role is held (phạm vi): the whole election of Term, the
// province Province of that election, or the council Council of that
// election. Only the fields of its kind are set.
type Scope struct {
	Kind     ScopeKind
	Term     election.Term
	Province election.ProvinceCode
	Council  election.CouncilCode
}

// ElectionScope is the scope of the whole election of term.
func ElectionScope(term election.Term) Scope { return Scope{Kind: ScopeElection, Term: term} }

// ProvinceScope is the scope of one province of the election of term.
func ProvinceScope(term election.Term, p election.ProvinceCode) Scope {
	return Scope{Kind: ScopeProvince, Term: term, Province: p}
}

// CouncilScope is the scope of one council of the election of term.
func CouncilScope(term election.Term, c election.CouncilCode) Scope {
	return Scope{Kind: ScopeCouncil, Term: term, Council: c}
}

// ParseScope reads a scope written as String writes it:
// "election:2026-2031", "province:2026-2031:01" or
// "council:2026-2031:00004".
func ParseScope(s string) (Scope, error) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	bad := func(why string, args ...any) (Scope, error) {
		return Scope{}, fmt.Errorf("%q is not a scope: %s (want election:2026-2031, province:2026-2031:01 or council:2026-2031:00004)",
			s, fmt.Sprintf(why, args...))
	}
	if len(parts) < 2 {
		return bad("missing kind or term")
	}
	term, err := election.ParseTerm(parts[1])
	if err != nil {
		return bad("%v", err)
	}
	var sc Scope
	switch ScopeKind(parts[0]) {
	case ScopeElection:
		if len(parts) != 2 {
			return bad("an election scope is kind and term only")
		}
		sc = ElectionScope(term)
	case ScopeProvince:
		if len(parts) != 3 || parts[2] == "" {
			return bad("a province scope names the province")
		}
		p, err := election.ParseProvinceCode(parts[2])
		if err != nil {
			return bad("%v", err)
		}
		sc = ProvinceScope(term, p)
	case ScopeCouncil:
		if len(parts) != 3 {
			return bad("a council scope names the council")
		}
		c, err := election.ParseCouncilCode(parts[2])
		if err != nil {
			return bad("%v", err)
		}
		sc = CouncilScope(term, c)
	default:
		return bad("unknown kind %q", parts[0])
	}
	return sc, nil
}

// String writes the scope as ParseScope reads it.
func (s Scope) String() string {
	switch s.Kind {
	case ScopeProvince:
		return string(s.Kind) + ":" + string(s.Term) + ":" + string(s.Province)
	case ScopeCouncil:
		return string(s.Kind) + ":" + string(s.Term) + ":" + string(s.Council)
	}
	return string(s.Kind) + ":" + string(s.Term)
}

// Validate reports whether the scope is complete and well formed: a known
// kind, a term, and exactly the code its kind needs.
func (s Scope) Validate() error {
	p, err := ParseScope(s.String())
	if err != nil {
		return err
	}
	if p != s {
		return fmt.Errorf("scope %s has fields its kind does not use", s)
	}
	return nil
}

// Place is where a thing lives: a council (Council) of a province
// (Province) of an election (Term). A place may be partial: Term alone is
// the whole election (a national board), Term and Province a whole
// province. The National Assembly's council has no province.
//
// Callers must fill in every level they know: a council's place without its
// province is not covered by a province scope (the check fails closed).
type Place struct {
	Term     election.Term
	Province election.ProvinceCode
	Council  election.CouncilCode
}

// Covers reports whether the scope includes everything at p: an election
// scope covers every place of its term; a province scope every place in its
// province (the provincial council and its communes); a council scope only
// that council. A place without a term, or a malformed scope, is covered by
// nothing.
func (s Scope) Covers(p Place) bool {
	if p.Term == "" || s.Term != p.Term {
		return false
	}
	switch s.Kind {
	case ScopeElection:
		return true
	case ScopeProvince:
		return s.Province != "" && p.Province == s.Province
	case ScopeCouncil:
		return s.Council != "" && p.Council == s.Council
	}
	return false
}

// Grant is one role held for one scope (một quyền được cấp).
type Grant struct {
	Role  election.Role
	Scope Scope
}

// String writes the grant as "role@scope", e.g.
// "hr-officer@province:2026-2031:01".
func (g Grant) String() string { return string(g.Role) + "@" + g.Scope.String() }

// Validate reports whether the grant names a known role and a complete
// scope.
func (g Grant) Validate() error {
	if _, err := election.ParseRole(string(g.Role)); err != nil {
		return fmt.Errorf("grant: %w", err)
	}
	if err := g.Scope.Validate(); err != nil {
		return fmt.Errorf("grant: %w", err)
	}
	return nil
}

// User is a person who signs in to electionflow (người dùng), with every
// role they hold.
type User struct {
	ID          int64
	Username    string
	DisplayName string // họ tên
	Grants      []Grant
}

// Action is something a user asks to do; Can says whether they may.
type Action string

// The actions electionflow authorizes.
const (
	ActViewTasks       Action = "tasks.view"     // list and open tasks (xem nhiệm vụ)
	ActCompleteTask    Action = "tasks.complete" // complete a task (hoàn thành); see CanCompleteAs
	ActClaimTask       Action = "tasks.claim"    // claim or release a task in the inbox (nhận việc)
	ActAssignTask      Action = "tasks.assign"   // assign a task to a colleague (phân công)
	ActViewBoard       Action = "board.view"     // the progress board (bảng tiến độ)
	ActExportBoard     Action = "board.export"   // export the progress board
	ActViewReport      Action = "report.view"    // the summary report (báo cáo tổng hợp)
	ActManageUsers     Action = "users.manage"   // create users, grant and revoke roles
	ActManageOwnTokens Action = "tokens.own"     // create and revoke one's own API tokens
)

// Actions lists every action, for tests and help text.
func Actions() []Action {
	return []Action{ActViewTasks, ActCompleteTask, ActClaimTask, ActAssignTask, ActViewBoard,
		ActExportBoard, ActViewReport, ActManageUsers, ActManageOwnTokens}
}

// IsStaffRole reports whether r is a staff role: one whose holders complete
// tasks (election committee member, council office, HR officer, emulation
// and commendation board, approving official). Administrators and managers
// are not staff.
func IsStaffRole(r election.Role) bool {
	switch r {
	case election.RoleElectionCommittee, election.RoleCouncilOffice, election.RoleHR,
		election.RoleEmulationBoard, election.RoleApprovingOfficial:
		return true
	}
	return false
}

// IsSupervisor reports whether the grant makes its holder a supervisor
// (người phụ trách): a staff role held for a whole province or the whole
// election, wider than one council.
func (g Grant) IsSupervisor() bool {
	return IsStaffRole(g.Role) && (g.Scope.Kind == ScopeProvince || g.Scope.Kind == ScopeElection)
}

// allows says whether a grant, whose scope covers the place, permits the
// action. These are the rules:
//
//   - administrator (quản trị): every action.
//   - staff roles: view, claim and complete tasks; assign tasks only as a
//     supervisor (scope of a province or the whole election). Which tasks
//     they may touch is narrowed to their own role by CanCompleteAs,
//     CanViewTask and CanAssignTask.
//   - manager (lãnh đạo, read-only): view tasks, the board, its export and
//     the report.
//
// ActManageOwnTokens needs no grant and is decided by Can.
func (g Grant) allows(a Action) bool {
	switch {
	case g.Role == election.RoleAdministrator:
		return slices.Contains(Actions(), a)
	case IsStaffRole(g.Role):
		switch a {
		case ActViewTasks, ActClaimTask, ActCompleteTask:
			return true
		case ActAssignTask:
			return g.IsSupervisor()
		}
	case g.Role == election.RoleManager:
		switch a {
		case ActViewTasks, ActViewBoard, ActExportBoard, ActViewReport:
			return true
		}
	}
	return false
}

// Can reports whether the user may do a at p: some grant whose scope
// covers p allows it.
//
//   - ActViewTasks: any role. Staff see only tasks of their own role
//     (CanViewTask).
//   - ActCompleteTask, ActClaimTask: a staff role or administrator. This is
//     role-agnostic; completing or claiming a given task needs
//     CanCompleteAs with the task's role.
//   - ActAssignTask: an administrator, or a supervisor: a staff role held
//     for a province or the whole election (not one council). Assigning a
//     given task needs CanAssignTask with the task's role, and the assignee
//     must pass CanCompleteAs.
//   - ActViewBoard, ActExportBoard, ActViewReport: manager or administrator.
//   - ActManageUsers: administrator; what they may grant is CanGrant.
//   - ActManageOwnTokens: every signed-in user, wherever p is.
//
// An unknown action is refused.
func (u User) Can(a Action, p Place) bool {
	if a == ActManageOwnTokens {
		return u.Username != ""
	}
	for _, g := range u.Grants {
		if g.Scope.Covers(p) && g.allows(a) {
			return true
		}
	}
	return false
}

// CanCompleteAs reports whether the user holds role with a scope covering
// p, and so may complete (and claim) a task of that role there. An
// administrator does not act in another role's stead.
func (u User) CanCompleteAs(role election.Role, p Place) bool {
	for _, g := range u.Grants {
		if g.Role == role && g.Scope.Covers(p) {
			return true
		}
	}
	return false
}

// CanViewTask reports whether the user may see a task of role taskRole at
// p: an administrator or manager covering p sees every task; staff see the
// tasks of their own role.
func (u User) CanViewTask(taskRole election.Role, p Place) bool {
	for _, g := range u.Grants {
		if !g.Scope.Covers(p) {
			continue
		}
		if g.Role == election.RoleAdministrator || g.Role == election.RoleManager || g.Role == taskRole {
			return true
		}
	}
	return false
}

// CanAssignTask reports whether the user may assign a task of role
// taskRole at p to a colleague: an administrator covering p, or a
// supervisor of that role (held for a province or the whole election)
// covering p.
func (u User) CanAssignTask(taskRole election.Role, p Place) bool {
	for _, g := range u.Grants {
		if !g.Scope.Covers(p) {
			continue
		}
		if g.Role == election.RoleAdministrator || (g.Role == taskRole && g.IsSupervisor()) {
			return true
		}
	}
	return false
}

// CanGrant reports whether the user may grant (or revoke) g. at is where
// g's scope lies, every level filled in: the term for an election scope,
// the term and province for a province scope, and for a council scope the
// term, the council and its province (a National Assembly council has
// none). An administrator may grant, within their own scope, a scope no
// wider than their own: a provincial administrator manages the roles of
// their province and its councils, not the whole election's.
func (u User) CanGrant(g Grant, at Place) bool {
	if !g.Scope.Covers(at) || (g.Scope.Kind != ScopeCouncil && at.Council != "") ||
		(g.Scope.Kind == ScopeElection && at.Province != "") {
		return false
	}
	for _, own := range u.Grants {
		if own.Role == election.RoleAdministrator && own.Scope.Covers(at) && width(own.Scope.Kind) >= width(g.Scope.Kind) {
			return true
		}
	}
	return false
}

// width orders the kinds of scope: election widest, council narrowest.
func width(k ScopeKind) int {
	switch k {
	case ScopeElection:
		return 3
	case ScopeProvince:
		return 2
	case ScopeCouncil:
		return 1
	}
	return 0
}

// RolesFor returns the roles the user holds with a scope covering p, each
// once, in the order of election.Roles.
func (u User) RolesFor(p Place) []election.Role {
	var out []election.Role
	for _, r := range election.Roles() {
		if u.CanCompleteAs(r, p) {
			out = append(out, r)
		}
	}
	return out
}

// HasRole reports whether the user holds r anywhere.
func (u User) HasRole(r election.Role) bool {
	return slices.ContainsFunc(u.Grants, func(g Grant) bool { return g.Role == r })
}
