package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/tui"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("disk on fire"), 1},
		{&cmdError{cmd: "medpath report", err: usagef("bad")}, 2},
		{&cmdError{cmd: "medpath", err: badInput(os.ErrNotExist)}, 2},
		{fmt.Errorf("wrapped: %w", &advisor.AnswersError{}), 2},
		{&cmdError{cmd: "medpath batch", err: fmt.Errorf("%w; x was not written", errCancelled)}, 130},
		{withNote(fmt.Errorf("%w.", tui.ErrCancelled), "medpath: saved\n"), 130},
		{fmt.Errorf("%w: %w", tui.ErrCancelled, context.Canceled), 130},
		{fmt.Errorf("%w: a panic", tui.ErrCrashed), 1},
		{os.ErrNotExist, 1}, // a missing --data folder is not bad input
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestBatchCancelled: a batch stopped by SIGINT or SIGTERM (here, a
// cancelled context) exits 130 and leaves no --out file, not half of one.
func TestBatchCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%02d.yaml", i)), []byte("education: bachelor\n"), 0o600)
	}
	outDir := t.TempDir()
	out := filepath.Join(outDir, "cohort.csv")
	var stdout, stderr strings.Builder
	a := &app{streams: Test(strings.NewReader(""), &stdout, &stderr)}
	a.out, a.stdout = newOutput(a.streams, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := runBatch(ctx, a, &batchOptions{format: advisor.FormatCSV, out: out, jobs: 2}, []string{dir})
	if exitCode(err) != 130 || !strings.Contains(fmt.Sprint(err), "cohort.csv was not written") {
		t.Fatalf("err %v (exit %d)", err, exitCode(err))
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("the output folder holds %v", entries)
	}
}

// TestCrashIsExit1: a panic in a command is exit 1, with the panic and its
// stack on stderr and a message that asks for a bug report (U2: a crash is
// never exit 2, the code of bad input).
func TestCrashIsExit1(t *testing.T) {
	var stderr strings.Builder
	a := &app{streams: Test(strings.NewReader(""), io.Discard, &stderr), current: "medpath report"}
	err := a.guarded(func() error { panic("index out of range [3] with length 3") })
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "medpath report: stopped on an internal error (a bug): index out of range") {
		t.Errorf("err %v, exit %d", err, exitCode(err))
	}
	if !strings.Contains(stderr.String(), "medpath: panic: index out of range") || !strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("stderr %q", stderr.String())
	}
	if err := a.guarded(func() error { return nil }); err != nil {
		t.Errorf("no panic: %v", err)
	}
}
