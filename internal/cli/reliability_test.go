//go:build unix

package cli_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// Regression tests for the defects of the reliability review
// (../shared/review/reliability.md), run through cli.Main on test streams.
// The end-to-end suite (e2e/reliability_test.go) runs the same attacks on the
// real binary; these cover what needs the test streams: the terminal paths
// and the prompts.

// holdLock writes a lock file for session file p as another advisor would:
// a live process (this test's parent) on this host.
func holdLock(t *testing.T, p string) {
	t.Helper()
	host, _ := os.Hostname()
	lock := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".lock")
	body := fmt.Sprintf("medpath session lock\npid: %d\nstart: \nhost: %s\nsince: 2026-11-30T10:00:00Z\n", os.Getppid(), host)
	if err := os.WriteFile(lock, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(lock) })
}

// TestD4SecondAdvisorOnASession: a second advisor on a session file another
// advisor has open says so before anything starts and offers read-only (the
// file is never written), a new file (the answers copied), or quit.
func TestD4SecondAdvisorOnASession(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "s.yaml")
	if err := session.Save(eng, p, "Maria", advisor.Answers{"education": "bachelor"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	holdLock(t, p)
	answers := strings.Repeat("\n", 60)

	t.Run("quit", func(t *testing.T) {
		code, out, errOut := runCLI(t, "q\n", "--accessible", "--session", p)
		if code != 1 || !strings.Contains(out, "is open in another medpath (pid ") || !strings.Contains(errOut, "nothing was started") {
			t.Errorf("exit %d\nstdout %.400s\nstderr %s", code, out, errOut)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		code, out, errOut := runCLI(t, "r\n"+answers, "--accessible", "--session", p)
		if code != 0 || !strings.Contains(out, "Read-only: "+p+" is open in another medpath; nothing you answer is saved to it.") {
			t.Errorf("exit %d\nstdout %.600s\nstderr %s", code, out, errOut)
		}
		if strings.Contains(out, "Answers saved in") {
			t.Error("read-only mode says it saved")
		}
		if after, _ := os.ReadFile(p); !bytes.Equal(after, before) {
			t.Errorf("the file was written in read-only mode:\n%s", after)
		}
	})
	t.Run("new file", func(t *testing.T) {
		code, out, errOut := runCLI(t, "n\n"+answers, "--accessible", "--session", p)
		alt := filepath.Join(dir, "s-2.yaml")
		if code != 0 || !strings.Contains(out, "Answers saved in "+alt) {
			t.Fatalf("exit %d\nstdout %.600s\nstderr %s", code, out, errOut)
		}
		label, a, err := session.Load(eng, alt)
		if err != nil || label != "Maria" || a["education"] != "bachelor" {
			t.Errorf("the new file: %q %v %v", label, a, err)
		}
		if after, _ := os.ReadFile(p); !bytes.Equal(after, before) {
			t.Error("the locked file was written")
		}
	})
	// The lock of the first advisor is released when it ends: a later
	// advisor on the file is not asked.
	os.Remove(filepath.Join(dir, ".s.yaml.lock"))
	code, out, _ := runCLI(t, answers, "--accessible", "--session", p)
	if code != 0 || strings.Contains(out, "is open in another") {
		t.Errorf("a free file: exit %d\n%.300s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, ".s.yaml.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock was left after the advisor ended: %v", err)
	}
}

// TestU5StdinOnce, TestU9IgnoredFlags, TestU11ArgumentAfterDashDash: the
// usage messages of the review.
func TestU5StdinOnce(t *testing.T) {
	code, _, errOut := runCLI(t, "education: associate\n", "compare", "-", "-")
	if code != 2 || !strings.Contains(errOut, "stdin can be read only once") {
		t.Errorf("compare - -: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "education: associate\n", "--accessible", "--answers", "-")
	if code != 2 || !strings.Contains(errOut, "stdin can be read only once") {
		t.Errorf("--accessible --answers -: exit %d: %s", code, errOut)
	}
}

func TestU9IgnoredFlags(t *testing.T) {
	a := writeFile(t, "a.yaml", "education: associate\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--answers", a, "--out", "x.md"}, "report takes no --out"},
		{[]string{"validate", "extra-arg"}, `unexpected argument "extra-arg"`},
		{[]string{"batch", t.TempDir(), "--session", "s.yaml"}, "batch takes no --session"},
		{[]string{"questions", "--out", "x"}, "questions takes no --out"},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("medpath %v: exit %d: %s; want %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, err := os.Stat("x.md"); err == nil {
		t.Error("x.md was written")
	}
}

func TestU11ArgumentAfterDashDash(t *testing.T) {
	a := writeFile(t, "a.yaml", "education: associate\n")
	code, _, errOut := runCLI(t, "", "report", "--", "--answers", a)
	if code != 2 || strings.Contains(errOut, "--answers --answers") || !strings.Contains(errOut, "put the flags before --") {
		t.Errorf("report -- --answers: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "report", a)
	if code != 2 || !strings.Contains(errOut, "did you mean --answers "+a) {
		t.Errorf("report FILE: exit %d: %s", code, errOut)
	}
}

// TestS4ErrorsArePlain: file names and CSV ids with escape sequences reach
// stderr plain.
func TestS4ErrorsArePlain(t *testing.T) {
	dir := t.TempDir()
	ids := filepath.Join(dir, "ids.csv")
	os.WriteFile(ids, []byte("id,education\n\"\x1b]0;BATCHPWN\a\x1b[2Jx\",phd\n"), 0o600)
	code, _, errOut := runCLI(t, "", "batch", ids)
	if code != 1 || strings.ContainsAny(errOut, "\x1b\a") || !strings.Contains(errOut, "x: ") {
		t.Errorf("batch ids.csv: exit %d: %q", code, errOut)
	}
	folder := filepath.Join(dir, "d")
	os.Mkdir(folder, 0o700)
	os.WriteFile(filepath.Join(folder, "\x1b]0;X\a.yaml"), []byte("education: phd\n"), 0o600)
	code, _, errOut = runCLI(t, "", "batch", folder)
	if code != 1 || strings.ContainsAny(errOut, "\x1b\a") {
		t.Errorf("batch d: exit %d: %q", code, errOut)
	}
}
