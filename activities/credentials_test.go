package activities

import (
	"testing"

	"electionflow/election"
)

func TestAuthorityAndPlace(t *testing.T) {
	tests := []struct {
		council   election.Council
		authority string
		place     string
	}{
		{election.Council{Level: election.LevelNational, Name: "Quốc hội khóa XVI"}, "Hội đồng bầu cử quốc gia", "Hà Nội"},
		{election.Council{Level: election.LevelProvince, Name: "Hội đồng nhân dân thành phố Hà Nội"}, "Ủy ban bầu cử thành phố Hà Nội", "Hà Nội"},
		{election.Council{Level: election.LevelCommune, Name: "Hội đồng nhân dân xã Tân Hòa"}, "Ủy ban bầu cử xã Tân Hòa", "Tân Hòa"},
		{election.Council{Level: election.LevelCommune, Name: "Hội đồng nhân dân đặc khu Phú Quốc"}, "Ủy ban bầu cử đặc khu Phú Quốc", "Phú Quốc"},
		{election.Council{Level: election.LevelCommune, Name: "HĐND xã Mới"}, "Ủy ban bầu cử cấp xã", ""},
	}
	for _, tt := range tests {
		if got := Authority(tt.council); got != tt.authority {
			t.Errorf("Authority(%q) = %q, want %q", tt.council.Name, got, tt.authority)
		}
		if got := Place(tt.council); got != tt.place {
			t.Errorf("Place(%q) = %q, want %q", tt.council.Name, got, tt.place)
		}
	}
}
