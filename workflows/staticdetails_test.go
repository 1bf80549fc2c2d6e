package workflows

import (
	"strings"
	"testing"

	"electionflow/election"
)

// TestStaticDetailsShowEachLevelsDeadlines checks the deadlines a
// checklist shows in the Temporal UI: the National Assembly's complaints
// are settled by the National Election Council by E+45, every other
// council's by its election committee by E+35.
func TestStaticDetailsShowEachLevelsDeadlines(t *testing.T) {
	cal, err := election.NewCalendar(election.MustParseDate("2026-03-15"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		council      election.Council
		want, absent []string
	}{
		{election.Council{Code: "00001", Name: "Quốc hội", Level: election.LevelNational, Seats: 500},
			[]string{"| Hội đồng bầu cử quốc gia giải quyết khiếu nại (30 ngày) | 29/04/2026 |", "| Kỳ họp thứ nhất Quốc hội | 14/05/2026 |", "Hiến pháp 2013"},
			[]string{"Ủy ban bầu cử giải quyết"}},
		{election.Council{Code: "01000", Name: "HĐND tỉnh A", Level: election.LevelProvince, Province: "01", Seats: 50},
			[]string{"| Ủy ban bầu cử giải quyết khiếu nại (20 ngày) | 19/04/2026 |", "| Kỳ họp thứ nhất HĐND | 29/04/2026 |"}, []string{"Hội đồng bầu cử quốc gia"}},
		{election.Council{Code: "01001", Name: "HĐND xã B", Level: election.LevelCommune, Province: "01", Seats: 20,
			RerunElectionDay: election.MustParseDate("2026-04-05")},
			[]string{"| Ủy ban bầu cử giải quyết khiếu nại (20 ngày) | 19/04/2026 |", "| Kỳ họp thứ nhất HĐND | 20/05/2026 |"}, []string{"Hội đồng bầu cử quốc gia"}},
	}
	for _, tt := range tests {
		got := StaticDetails("2026-2031", tt.council, cal)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: static details lack %q:\n%s", tt.council.Level, w, got)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(got, a) {
				t.Errorf("%s: static details show %q:\n%s", tt.council.Level, a, got)
			}
		}
	}
}
