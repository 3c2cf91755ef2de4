package advisor_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
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
