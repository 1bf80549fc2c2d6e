package election

import "testing"

// Every notice kind has its own title in both languages; an unknown kind
// is a plain notice.
func TestNoticeKindTitle(t *testing.T) {
	seen := map[string]NoticeKind{}
	for _, k := range []NoticeKind{NoticeReminder, NoticeEscalation, NoticeDeadlineMissed} {
		title := k.Title()
		if title.Vi == "" || title.En == "" || title == (NoticeKind("x").Title()) {
			t.Errorf("%s: title %+v", k, title)
		}
		if other, ok := seen[title.Vi]; ok {
			t.Errorf("%s and %s are both titled %q", k, other, title.Vi)
		}
		seen[title.Vi] = k
	}
	if got := NoticeKind("x").Title(); got.Vi != "Thông báo" {
		t.Errorf("unknown kind: %+v", got)
	}
}
