package election

import (
	"testing"
)

func TestCouncilNaming(t *testing.T) {
	tests := []struct {
		council   Council
		authority string
		place     string
		locality  string
	}{
		{Council{Level: LevelNational, Name: "Quốc hội khóa XVI"}, "Hội đồng bầu cử quốc gia", "Hà Nội", ""},
		{Council{Level: LevelProvince, Name: "Hội đồng nhân dân thành phố Hà Nội"}, "Ủy ban bầu cử thành phố Hà Nội", "Hà Nội", "thành phố Hà Nội"},
		{Council{Level: LevelCommune, Name: "Hội đồng nhân dân xã Tân Hòa"}, "Ủy ban bầu cử xã Tân Hòa", "Tân Hòa", "xã Tân Hòa"},
		{Council{Level: LevelDistrict, Name: "Hội đồng nhân dân thị xã Sơn Tây"}, "Ủy ban bầu cử thị xã Sơn Tây", "Sơn Tây", "thị xã Sơn Tây"},
		{Council{Level: LevelCommune, Name: "Hội đồng nhân dân đặc khu Phú Quốc"}, "Ủy ban bầu cử đặc khu Phú Quốc", "Phú Quốc", "đặc khu Phú Quốc"},
		{Council{Level: LevelCommune, Name: "HĐND xã Mới"}, "Ủy ban bầu cử cấp xã", "", ""},
	}
	for _, tt := range tests {
		if got := tt.council.CredentialAuthority(); got != tt.authority {
			t.Errorf("CredentialAuthority(%q) = %q, want %q", tt.council.Name, got, tt.authority)
		}
		if got := tt.council.Place(); got != tt.place {
			t.Errorf("Place(%q) = %q, want %q", tt.council.Name, got, tt.place)
		}
		if got := tt.council.Locality(); got != tt.locality {
			t.Errorf("Locality(%q) = %q, want %q", tt.council.Name, got, tt.locality)
		}
	}
}

func TestTaskName(t *testing.T) {
	for _, tt := range []struct{ title, who, council, want string }{
		{"Xác minh hồ sơ cán bộ", "Nguyễn Văn A", "Hội đồng nhân dân xã Vạn Sơn", "Xác minh hồ sơ cán bộ — Nguyễn Văn A — xã Vạn Sơn"},
		{"Ấn định ngày khai mạc", "", "Hội đồng nhân dân phường Ba Đình", "Ấn định ngày khai mạc — phường Ba Đình"},
		{"Ấn định ngày khai mạc", "", "Quốc hội khóa XVI", "Ấn định ngày khai mạc — Quốc hội khóa XVI"},
	} {
		if got := TaskName(tt.title, tt.who, tt.council); got != tt.want {
			t.Errorf("TaskName(%q, %q, %q) = %q, want %q", tt.title, tt.who, tt.council, got, tt.want)
		}
	}
}
