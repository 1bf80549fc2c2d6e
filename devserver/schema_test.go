package devserver

import (
	"testing"

	serverschema "go.temporal.io/server/schema"
	pgv12 "go.temporal.io/server/schema/postgresql/v12"
)

// The embedded schema is read in version order up to the version the linked
// server expects, from nothing and from a recent version.
func TestSchemaSteps(t *testing.T) {
	for _, tt := range []struct {
		dir, want string
	}{
		{postgresMainSchema, pgv12.Version},
		{postgresVisibilitySchema, pgv12.VisibilityVersion},
	} {
		steps, err := schemaSteps(serverschema.Assets(), tt.dir+"/versioned", "0.0")
		if err != nil {
			t.Fatalf("%s: %v", tt.dir, err)
		}
		if len(steps) < 2 || steps[0].version != "1.0" || steps[len(steps)-1].version != tt.want {
			t.Fatalf("%s: %d steps from %v to %v, want 1.0 to %s", tt.dir, len(steps), steps[0].version, steps[len(steps)-1].version, tt.want)
		}
		for i := 1; i < len(steps); i++ {
			a, _ := parseSchemaVersion(steps[i-1].version)
			b, _ := parseSchemaVersion(steps[i].version)
			if compareVersions(a, b) >= 0 {
				t.Errorf("%s: step %d (%s) after %s", tt.dir, i, steps[i].version, steps[i-1].version)
			}
		}
		last := steps[len(steps)-2].version
		rest, err := schemaSteps(serverschema.Assets(), tt.dir+"/versioned", last)
		if err != nil || len(rest) != 1 || rest[0].version != tt.want {
			t.Errorf("%s: steps after %s = %d, %v; want one to %s", tt.dir, last, len(rest), err, tt.want)
		}
		none, err := schemaSteps(serverschema.Assets(), tt.dir+"/versioned", tt.want)
		if err != nil || len(none) != 0 {
			t.Errorf("%s: steps after the newest = %d, %v; want none", tt.dir, len(none), err)
		}
	}
}
