package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Terminal-safety tests: after medpath ends, however it ends, the terminal
// is as the shell had it: the pane back on the normal screen, the cursor
// visible, the tty out of raw mode (echo, icanon and isig on), and the
// shell's next line (the exit code) on the screen. They cover ctrl+c on
// every screen, SIGTERM, a panic (through the MEDPATH_TEST_PANIC hook) and
// resizing down to 1x1 and back.

// cancelled is the exit code of ctrl+c, SIGINT and SIGTERM.
const cancelled = 130

// The screens, reached from the start. Without answers the welcome screen
// offers "Start the questions" (with sessions on, that item carries a name
// field that takes letters, so the FAQ is reached with down and enter, not
// f), then "Read questions people ask first"; with a complete --answers file
// it offers "Continue: review your N answers" first.
var (
	welcome = []step{{want: "Start the questions"}}
	review  = []step{{want: "Continue: review your"}, {[]string{"Enter"}, "Review your answers"}}
	results = append(append([]step{}, review...), step{[]string{"r"}, "Your results"})
)

// TestCtrlC: ctrl+c on every screen exits 130 and leaves the terminal as
// it was.
func TestCtrlC(t *testing.T) {
	cases := []struct {
		name    string
		answers bool // start with a complete answers file
		steps   []step
	}{
		{"welcome", false, welcome},
		{"question", false, append(append([]step{}, welcome...), step{[]string{"Enter"}, "Question 1 of"})},
		{"review", true, review},
		{"results", true, results},
		{"compare", true, append(append([]step{}, results...), step{[]string{"c"}, "Technician or technologist?"})},
		{"learn", false, append(append([]step{}, welcome...), step{[]string{"f"}, "Questions people ask"})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var args []string
			if c.answers {
				args = []string{"--answers", answersFile(t)}
			}
			s := start(t, options{}, args...)
			s.walk(c.steps)
			s.keys("C-c")
			text := s.mustExit(cancelled)
			if !strings.Contains(text, "medpath: cancelled.") {
				t.Errorf("no cancel message on stderr:\n%s", text)
			}
		})
	}
}

// TestSIGTERM: SIGTERM (kill, a closing terminal emulator's manager,
// systemd) ends the program with the terminal restored.
func TestSIGTERM(t *testing.T) {
	s := start(t, options{})
	s.walk(append(append([]step{}, welcome...), step{[]string{"Enter"}, "Question 1 of"}))
	pid := s.programPID()
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatalf("kill -TERM %d: %v", pid, err)
	}
	text := s.mustExit(cancelled)
	if !strings.Contains(text, "medpath: cancelled.") {
		t.Errorf("no cancel message on stderr after SIGTERM:\n%s", text)
	}
}

// TestPanic: a panic inside the program (MEDPATH_TEST_PANIC=1 makes F12
// panic) exits 1 with the terminal restored and says where the session was
// saved.
func TestPanic(t *testing.T) {
	// A binary built before the hook existed cannot panic on demand.
	b, err := os.ReadFile(binary(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("MEDPATH_TEST_PANIC")) {
		t.Skip("panic hook MEDPATH_TEST_PANIC not present")
	}
	s := start(t, options{env: []string{"MEDPATH_TEST_PANIC=1"}})
	s.walk(append(append([]step{}, welcome...),
		step{[]string{"Enter"}, "Question 1 of"},
		step{[]string{"Enter"}, "Question 2 of"}, // the first answer saves the session
	))
	sessions := filepath.Join(s.dataDir, "medpath", "sessions")
	var saved []string
	for deadline := time.Now().Add(timeout); ; time.Sleep(poll) {
		if saved, _ = filepath.Glob(filepath.Join(sessions, "*.yaml")); len(saved) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no session file in %s after answering a question", sessions)
		}
	}
	s.keys("F12")
	code, text, ok := s.waitExit(timeout)
	if !ok {
		t.Fatalf("F12 with MEDPATH_TEST_PANIC=1 did not end medpath within %v; the screen shows:\n%s", timeout, s.screen())
	}
	if code != 1 {
		t.Errorf("exit code after a panic %d, want 1; the pane shows:\n%s", code, text)
	}
	s.checkRestored(text)
	if !strings.Contains(strings.ToLower(text), "panic") {
		t.Errorf("the pane does not mention the panic:\n%s", text)
	}
	found := false
	for _, p := range saved {
		found = found || strings.Contains(text, p)
	}
	if !found {
		t.Errorf("the pane does not show the saved session %v:\n%s", saved, text)
	}
}

// TestResize: resizing down to 1x1 and back neither crashes nor wedges the
// program.
func TestResize(t *testing.T) {
	s := start(t, options{}, "--answers", answersFile(t))
	s.walk(results)
	pid := s.programPID()
	sizes := []struct {
		w, h int
		ok   func(screen string) bool
		what string
	}{
		{1, 1, func(scr string) bool { return strings.TrimSpace(scr) == "T" }, `the 1x1 notice "T"`},
		{30, 8, func(scr string) bool { return strings.Contains(scr, "Terminal too small") }, "the too-small notice"},
		{120, 40, func(scr string) bool { return strings.Contains(scr, "Your results") }, "the results at 120x40"},
		{80, 24, func(scr string) bool { return strings.Contains(scr, "Your results") }, "the results at 80x24"},
	}
	for _, z := range sizes {
		s.must("resize-window", "-t", s.session, "-x", strconv.Itoa(z.w), "-y", strconv.Itoa(z.h))
		if got, want := s.format("#{window_width}x#{window_height}"), fmt.Sprintf("%dx%d", z.w, z.h); got != want {
			t.Fatalf("tmux window is %s after resize-window, want %s", got, want)
		}
		s.waitUntil(fmt.Sprintf("%s (%dx%d)", z.what, z.w, z.h), func(scr string) bool {
			return z.ok(scr) || !alive(pid)
		})
		if s.ended() || !alive(pid) {
			t.Fatalf("medpath ended at %dx%d:\n%s", z.w, z.h, s.history())
		}
	}
	// q quits at once (the answers are the --answers file's); should a quit
	// question come up, yes answers it.
	s.keys("q")
	s.waitUntil("medpath to quit or ask to", func(scr string) bool {
		return strings.Contains(scr, doneLine) || strings.Contains(scr, "Quit without")
	})
	if !s.ended() && strings.Contains(s.screen(), "Quit without") {
		s.keys("y")
	}
	s.mustExit(0)
}
