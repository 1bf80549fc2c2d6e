package election

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// TaskID identifies a human task (nhiệm vụ) within a checklist. It is
// derived from the council, the area and the subject so that an activity run
// twice names the same task and never duplicates it.
type TaskID string

var taskIDPattern = regexp.MustCompile(`^[A-Za-z0-9_./:-]{1,200}$`)

// ParseTaskID validates a task ID.
func ParseTaskID(s string) (TaskID, error) {
	if !taskIDPattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a task ID", s)
	}
	return TaskID(s), nil
}

// TaskKind says what a task asks for, and so which outcomes are valid.
// Each checklist area adds its own kinds.
type TaskKind string

// Role is what a staff member acts as (vai trò); each task names the one
// role allowed to complete it.
type Role string

// The roles of electionflow's users.
const (
	RoleAdministrator     Role = "administrator"      // quản trị (thư ký Ủy ban bầu cử)
	RoleElectionCommittee Role = "election-committee" // thành viên Ủy ban bầu cử
	RoleCouncilOffice     Role = "council-office"     // Văn phòng HĐND
	RoleHR                Role = "hr-officer"         // cán bộ tổ chức – nhân sự
	RoleEmulationBoard    Role = "emulation-board"    // Ban Thi đua – Khen thưởng
	RoleApprovingOfficial Role = "approving-official" // người có thẩm quyền phê duyệt
	RoleManager           Role = "manager"            // lãnh đạo theo dõi (chỉ xem)
)

// Roles lists every role, for help text and validation.
func Roles() []Role {
	return []Role{RoleAdministrator, RoleElectionCommittee, RoleCouncilOffice, RoleHR,
		RoleEmulationBoard, RoleApprovingOfficial, RoleManager}
}

// ParseRole validates a role name.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles() {
		if string(r) == strings.TrimSpace(s) {
			return r, nil
		}
	}
	names := make([]string, 0, 7)
	for _, r := range Roles() {
		names = append(names, string(r))
	}
	return "", fmt.Errorf("unknown role %q (want one of %s)", s, strings.Join(names, ", "))
}

// TaskState is where a task is in its life: open in someone's inbox, done
// with an outcome, or cancelled because the checklist no longer needs it.
type TaskState string

// The states of a task.
const (
	TaskOpen      TaskState = "open"
	TaskDone      TaskState = "done"
	TaskCancelled TaskState = "cancelled"
)

// Task is a unit of human work in a council's checklist, mirrored in the
// database inbox while it is open.
type Task struct {
	ID      TaskID
	Term    Term
	Council CouncilCode
	Kind    TaskKind
	// Subject names what the task is about by identifier (a complaint,
	// the council's resolution), never by personal data.
	Subject string
	Role    Role
	Due     time.Time
	State   TaskState
	// Overdue is set when the due time passed with the task still open and
	// the task was escalated.
	Overdue bool
}

// NewTaskID derives the ID of a task from what it is about, so that the
// workflow, a retried activity and the inbox all name it the same way:
// "<term>/<council>/<kind>/<subject>".
func NewTaskID(term Term, council CouncilCode, kind TaskKind, subject string) TaskID {
	return TaskID(string(term) + "/" + string(council) + "/" + string(kind) + "/" + subject)
}

// TaskKinds lists every kind of task, area by area, for help text and
// validation of filters: the kinds whose outcome OutcomeForms describes.
func TaskKinds() []TaskKind {
	forms := OutcomeForms()
	kinds := make([]TaskKind, len(forms))
	for i, f := range forms {
		kinds[i] = f.Kind
	}
	return kinds
}
