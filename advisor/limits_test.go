package advisor_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestS7ManyKeysAreRefusedQuickly: a mapping of tens of thousands of keys
// (yaml.v3 compares them pair by pair when it decodes a mapping: 49,000
// keys in 490 KB took 12 s) is refused before it is decoded, in data and
// answers files alike.
func TestS7ManyKeysAreRefusedQuickly(t *testing.T) {
	var b strings.Builder
	for i := range 49_000 {
		fmt.Fprintf(&b, "k%05d: 1\n", i)
	}
	start := time.Now()
	got := overlayErr(t, map[string]string{"x.yaml": b.String()})
	if !strings.Contains(got, "o/x.yaml:1:1: a mapping of 49000 keys; the limit is 1000") {
		t.Errorf("data: %.300s", got)
	}
	got = answersErr(t, b.String())
	if !strings.Contains(got, "a.yaml:1:1: a mapping of 49000 keys; the limit is 1000") {
		t.Errorf("answers: %.300s", got)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}
