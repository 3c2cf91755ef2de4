package advisor_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/data"
)

// s6Alias is reliability.md S6: 98 aliases in 209 KB that expand to 2,401
// copies of a 20,000-key mapping.
func s6Alias() string {
	keys := make([]string, 20000)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d: 1", i)
	}
	return "x1: &o {" + strings.Join(keys, ", ") + "}\n" +
		"x2: &q {id: qq, options: [" + strings.TrimSuffix(strings.Repeat("*o, ", 49), ", ") + "]}\n" +
		"questions: [" + strings.TrimSuffix(strings.Repeat("*q, ", 49), ", ") + "]\n"
}

// s7Items is reliability.md S7: 1 MiB of one-character items where a list of
// mappings is expected.
func s7Items() string {
	n := (1048576 - 10) / 2
	return "faq: [" + strings.TrimSuffix(strings.Repeat("a,", n-2), ",") + "]\n"
}

// peakHeap runs f and returns the largest heap it saw, sampled every 5 ms.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// TestBudgetAttackOverlaysAreRefusedQuickly: every attack overlay of
// reliability.md S1, S6 and S7 is refused, with a message naming the file,
// within a few seconds and a bounded heap, on top of the embedded data.
func TestBudgetAttackOverlaysAreRefusedQuickly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds several MiB of attack files")
	}
	rule := func(when string) string {
		return fmt.Sprintf("rules:\n  - id: evil\n    when: '%s'\n    score: {mlt: 1}\n    because: test\n", when)
	}
	s7 := s7Items()
	ten := map[string]string{}
	for i := range 10 {
		ten[fmt.Sprintf("x%d.yaml", i)] = s7
	}
	four := map[string]string{}
	for i := range 4 {
		four[fmt.Sprintf("x%d.yaml", i)] = s7
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"S1 nested all", map[string]string{"x.yaml": rule(nestedAll(10))}, "evil/x.yaml:3:11: rule evil when: this condition could take more than"},
		{"S1 let doubling", map[string]string{"x.yaml": rule(letDoubling(40))}, "evil/x.yaml:3:11: rule evil when: let is not allowed"},
		{"S6 alias amplification", map[string]string{"x.yaml": s6Alias()}, "evil/x.yaml: file holds 98042706 values (aliases expanded); the limit is 100000"},
		{"S7 one file of 1 MiB", map[string]string{"x.yaml": s7}, "evil/x.yaml: file holds 524284 values (aliases expanded); the limit is 100000"},
		{"S7 four files of 1 MiB", four, "evil/x3.yaml: file holds 524284 values"},
		{"S7 ten files of 1 MiB", ten, "evil/x4.yaml: the data files of evil are more than 4194304 bytes together; the limit is 4194304 (4 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			start := time.Now()
			peak := peakHeap(func() {
				_, err = advisor.LoadLayers(advisor.Layer{FS: data.FS}, advisor.Layer{Dir: "evil", FS: mapFS(tt.files)})
			})
			d := time.Since(start)
			t.Logf("%v, peak heap %d MiB", d.Round(time.Millisecond), peak>>20)
			var de *advisor.DataError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %.500v", tt.want, err)
			}
			if len(err.Error()) > 2000 {
				t.Errorf("the message is %d bytes", len(err.Error()))
			}
			if d > 5*time.Second {
				t.Errorf("took %v; the budget is 5 s", d)
			}
			if peak > 512<<20 {
				t.Errorf("peak heap %d MiB; the budget is 512 MiB", peak>>20)
			}
		})
	}
}

// TestS6AliasesAreCountedExpanded: aliases are counted as what they expand
// to, in one file and across a folder, and an alias inside its own anchor is
// refused rather than followed.
func TestS6AliasesAreCountedExpanded(t *testing.T) {
	// 300 items of 7 values, used 20 times: 42,000 values in a file of 9 KB,
	// within one file's limit; six such files are over the folder's
	items := make([]string, 300)
	for i := range items {
		items[i] = fmt.Sprintf("{id: f%d, question: q, answer: a}", i)
	}
	file := "x: &x [" + strings.Join(items, ", ") + "]\ny: [" + strings.TrimSuffix(strings.Repeat("*x, ", 20), ", ") + "]\n"
	files := map[string]string{}
	for i := range 6 {
		files[fmt.Sprintf("x%d.yaml", i)] = file
	}
	got := overlayErr(t, files)
	if want := "the data files of o hold more than 250000 values together (aliases expanded); the limit is 250000"; !strings.Contains(got, want) {
		t.Errorf("want %q, got %.500s", want, got)
	}
	if got := answersErr(t, "a: &a [*a]\n"); got == "" {
		t.Error("a self-referencing alias should be refused")
	}
}

// TestS7LayerFileCount: a folder holds at most 64 data files.
func TestS7LayerFileCount(t *testing.T) {
	files := map[string]string{}
	for i := range 65 {
		files[fmt.Sprintf("x%02d.yaml", i)] = "faq: []\n"
	}
	got := overlayErr(t, files)
	if want := "o/x64.yaml: more than 64 data files in o; the limit is 64"; !strings.Contains(got, want) {
		t.Errorf("want %q, got %.500s", want, got)
	}
}
