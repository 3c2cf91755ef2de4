//go:build unix

package advisor_test

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/data"
)

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
			start, cpu0 := time.Now(), cpuTime()
			peak := peakHeap(func() {
				_, err = advisor.Load(data.FS, advisor.Layer{Dir: "evil", FS: mapFS(tt.files)})
			})
			wall, cpu := time.Since(start), cpuTime()-cpu0
			t.Logf("%v wall, %v CPU, peak heap %d MiB", wall.Round(time.Millisecond), cpu.Round(time.Millisecond), peak>>20)
			var de *advisor.DataError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %.500v", tt.want, err)
			}
			if len(err.Error()) > 2000 {
				t.Errorf("the message is %d bytes", len(err.Error()))
			}
			// CPU time, so that other work on a shared machine does not
			// make the test fail; the wall clock only catches a hang
			if cpu > 5*time.Second || wall > 30*time.Second {
				t.Errorf("took %v of CPU (%v wall); the budget is 5 s", cpu, wall)
			}
			if peak > 512<<20 {
				t.Errorf("peak heap %d MiB; the budget is 512 MiB", peak>>20)
			}
		})
	}
}
