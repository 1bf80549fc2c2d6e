package workflows

import (
	"testing"

	enumspb "go.temporal.io/api/enums/v1"
)

// SQL visibility caps custom attributes: 10 Keyword and 3 of each other type.
func TestSearchAttributesFitSQLVisibility(t *testing.T) {
	perType := map[enumspb.IndexedValueType]int{}
	for name, typ := range SearchAttributeTypes() {
		if name == "" {
			t.Error("unnamed attribute")
		}
		perType[typ]++
	}
	for typ, n := range perType {
		limit := 3
		if typ == enumspb.INDEXED_VALUE_TYPE_KEYWORD {
			limit = 10
		}
		if n > limit {
			t.Errorf("%d attributes of type %s, SQL visibility allows %d", n, typ, limit)
		}
	}
	if got := SearchAttributeTypes()["NextDeadline"]; got != enumspb.INDEXED_VALUE_TYPE_DATETIME {
		t.Errorf("NextDeadline is %s", got)
	}
	if len(SearchAttributeTypes()) != 8 {
		t.Errorf("%d attributes, want 8", len(SearchAttributeTypes()))
	}
}
