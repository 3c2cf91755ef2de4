package cli_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"medpath/internal/cli"
	"medpath/internal/session"
)

func TestSessionFlag(t *testing.T) {
	eng := engine(t)
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 || !strings.Contains(out, "--session") || !strings.Contains(out, "session FILE") {
		t.Errorf("usage lacks --session:\n%s", out)
	}

	path := filepath.Join(t.TempDir(), "maria.yaml")
	answers := writeFile(t, "a.yaml", "education: associate\n")
	if err := session.Save(eng, path, "Maria", map[string]any{"education": "bachelor"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "--answers", answers, "--session", path)
	if code != 2 || !strings.Contains(errOut, "already holds answers") {
		t.Errorf("--answers with an existing --session: exit %d\n%s", code, errOut)
	}

	// Accessible mode starts from the session and saves the final answers to it.
	code, out, errOut = runCLI(t, strings.Repeat("\n", 60), "--accessible", "--session", path)
	if code != 0 || !strings.Contains(out, "Answers saved in "+path) {
		t.Fatalf("accessible with --session: exit %d\n%s\n%s", code, out, errOut)
	}
	label, a, err := session.Load(eng, path)
	if err != nil || label != "Maria" || a["education"] != "bachelor" || len(a) < 10 {
		t.Errorf("session after accessible mode: %q %v %v", label, a, err)
	}

	// A new --session file in accessible mode is made at the end.
	fresh := filepath.Join(t.TempDir(), "new", "s.yaml")
	code, _, errOut = runCLI(t, strings.Repeat("\n", 60), "--accessible", "--session", fresh)
	if _, err := os.Stat(fresh); code != 0 || err != nil {
		t.Errorf("a new --session file: exit %d, %v\n%s", code, err, errOut)
	}
}

// runTerminal runs medpath through cli.Main on streams that claim stdin and
// stderr are terminals, with keys typed into stdin, and returns its exit code,
// stdout and stderr (where the screens are drawn).
func runTerminal(t *testing.T, keys string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // sessions go here, never in the real home
	t.Setenv("ACCESSIBLE", "")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("MEDPATH_TEST_PANIC", "")
	r, w := io.Pipe()
	var out, errOut bytes.Buffer
	s := cli.Test(r, &out, &errOut)
	s.SetInTTY(true)
	s.SetErrTTY(true)
	done := make(chan int)
	go func() { done <- cli.Main(args, s, "test") }()
	if keys != "" {
		_, _ = w.Write([]byte(keys)) // blocks until the program reads
	}
	defer w.Close()
	select {
	case code := <-done:
		return code, out.String(), errOut.String()
	case <-time.After(10 * time.Second):
		t.Fatal("medpath did not end")
	}
	return 0, "", ""
}

// TestAdvisorOnATerminal: the terminal path runs through cli.Main like the
// rest: the screens on stderr, q quits (exit 0), ctrl+c cancels (exit 130).
func TestAdvisorOnATerminal(t *testing.T) {
	// (the name field takes letters only once tab or down moves to it)
	code, out, errOut := runTerminal(t, "q", "--no-color")
	// The program quits before its first frame, but it took the terminal:
	// the alternate screen on stderr, and back.
	if code != 0 || !strings.Contains(errOut, "\x1b[?1049h") || !strings.Contains(errOut, "\x1b[?1049l") || out != "" {
		t.Errorf("q on the welcome: exit %d, stdout %q\nstderr %.400q", code, out, errOut)
	}
	code, _, errOut = runTerminal(t, "\r\x03")
	if code != 130 || !strings.Contains(errOut, "medpath: cancelled.") {
		t.Errorf("ctrl+c on a question: exit %d\nstderr tail %q", code, tail(errOut))
	}
	// A complete answers file, straight to the review, then the results and
	// quit: the summary goes to stdout.
	answers := writeFile(t, "a.yaml", "education: associate\ncollege_credits: 64\n")
	code, out, errOut = runTerminal(t, "\rrq", "--answers", answers)
	if code != 0 || !strings.Contains(out, "Recommended: ") || !strings.Contains(out, "Next best: ") {
		t.Errorf("review, results, quit: exit %d\nstdout %q\nstderr tail %q", code, out, tail(errOut))
	}
}

// TestAdvisorNeedsATerminal: without a terminal the advisor does not start;
// accessible mode does, on the same streams.
func TestAdvisorNeedsATerminal(t *testing.T) {
	t.Setenv("ACCESSIBLE", "")
	t.Setenv("TERM", "xterm-256color")
	code, _, errOut := runCLI(t, "")
	if code != 2 || !strings.Contains(errOut, "needs a terminal") || !strings.Contains(errOut, "medpath --accessible") {
		t.Errorf("no terminal: exit %d: %s", code, errOut)
	}
	for _, env := range [][2]string{{"ACCESSIBLE", "1"}, {"TERM", "dumb"}} {
		t.Run(env[0]+"="+env[1], func(t *testing.T) {
			t.Setenv(env[0], env[1])
			code, out, errOut := runCLI(t, strings.Repeat("\n", 60))
			if code != 0 || !strings.Contains(out, "Question 1 of") || !strings.Contains(out, "Recommended") {
				t.Errorf("accessible: exit %d: %s\n%.300s", code, errOut, out)
			}
		})
	}
	// End of input before the last question is a cancel; the answers so
	// far are in the session, which is saved as it goes.
	code, _, errOut = runCLI(t, "\n\n", "--accessible")
	if code != 130 || !strings.Contains(errOut, "medpath: cancelled.") || !strings.Contains(errOut, "your answers are saved in ") {
		t.Errorf("accessible, input ends: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "--accessible")
	if code != 130 || !strings.Contains(errOut, "medpath: cancelled; nothing was saved.") {
		t.Errorf("accessible, no input: exit %d: %s", code, errOut)
	}
}

func tail(s string) string { return s[max(0, len(s)-300):] }
