package devserver

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
)

// ensureSearchAttributes registers the custom search attributes in namespace
// through the operator service, skipping those already registered (so a
// restart on the same database is a no-op), and then checks that all of
// them are listed with the wanted types.
//
// An attribute that exists with a different type is an error: the type of a
// search attribute cannot be changed in place.
func ensureSearchAttributes(
	ctx context.Context,
	op operatorservice.OperatorServiceClient,
	namespace string,
	want map[string]enumspb.IndexedValueType,
) error {
	if len(want) == 0 {
		return nil
	}
	have, err := listCustomSearchAttributes(ctx, op, namespace)
	if err != nil {
		return err
	}
	missing := map[string]enumspb.IndexedValueType{}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		typ := want[name]
		got, ok := have[name]
		switch {
		case !ok:
			missing[name] = typ
		case got != typ:
			return fmt.Errorf("search attribute %q already exists in namespace %q as %s, want %s",
				name, namespace, got, typ)
		}
	}
	if len(missing) > 0 {
		if _, err := op.AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
			Namespace:        namespace,
			SearchAttributes: missing,
		}); err != nil {
			return fmt.Errorf("add search attributes %s to namespace %q: %w",
				strings.Join(slices.Sorted(maps.Keys(missing)), ", "), namespace, err)
		}
	}
	return verifySearchAttributes(ctx, op, namespace, want)
}

// verifySearchAttributes waits until every attribute in want is listed in
// namespace with its type, or ctx ends.
func verifySearchAttributes(
	ctx context.Context,
	op operatorservice.OperatorServiceClient,
	namespace string,
	want map[string]enumspb.IndexedValueType,
) error {
	for {
		have, err := listCustomSearchAttributes(ctx, op, namespace)
		if err != nil {
			return err
		}
		var absent []string
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if have[name] != want[name] {
				absent = append(absent, name)
			}
		}
		if len(absent) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("search attributes %s not listed in namespace %q: %w",
				strings.Join(absent, ", "), namespace, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// listCustomSearchAttributes returns the custom search attributes of namespace.
func listCustomSearchAttributes(
	ctx context.Context,
	op operatorservice.OperatorServiceClient,
	namespace string,
) (map[string]enumspb.IndexedValueType, error) {
	resp, err := op.ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: namespace})
	if err != nil {
		return nil, fmt.Errorf("list search attributes of namespace %q: %w", namespace, err)
	}
	return resp.GetCustomAttributes(), nil
}
