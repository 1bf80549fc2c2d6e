package devserver

import (
	"context"

	"go.temporal.io/server/common/config"
)

// StartTuned is Start with dynamic config keys overridden and the SQL
// store configurations adjusted by sqlTweak (if not nil), so the load test
// can measure a setting against its alternative in the same run.
func StartTuned(ctx context.Context, opts Options, dynamic map[string]any, sqlTweak func(*config.SQL)) (*Server, error) {
	return start(ctx, opts, tuning{dynamic: dynamic, sql: sqlTweak})
}
