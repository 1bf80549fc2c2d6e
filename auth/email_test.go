package auth

import "testing"

func TestNormalizeEmail(t *testing.T) {
	long := "a@"
	for len(long) <= MaxEmailLength {
		long += "x"
	}
	long += ".vn"
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"   ", "", true},
		{"lan@example.vn", "lan@example.vn", true},
		{"  Lan.Nguyen@Example.VN ", "Lan.Nguyen@example.vn", true},
		{"lan", "", false},
		{"lan@", "", false},
		{"@example.vn", "", false},
		{"lan@localhost", "", false},
		{"lan@example.", "", false},
		{"Lan <lan@example.vn>", "", false},
		{"lan@example.vn, tuan@example.vn", "", false},
		{"lan@exa mple.vn", "", false},
		{long, "", false},
	}
	for _, c := range cases {
		got, err := NormalizeEmail(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q, ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}
