package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Terminal-safety tests: the real medpath binary runs in a shell inside a
// private tmux server (tmux -L, no user config), and after it ends the test
// looks at the terminal the shell is left with. "Restored" means: the pane
// is back on the normal screen, the cursor is visible, the tty is out of raw
// mode (echo, icanon and isig on), and the shell went on to print the exit
// code. They cover ctrl+c on every screen, SIGTERM, a panic (through the
// MEDPATH_TEST_PANIC hook) and resizing down to 1x1 and back.
//
// Like the other end-to-end tests they need tmux: in CI (CI set) a missing
// tmux fails; elsewhere they are skipped, as they are with -short.

const (
	safetyTimeout  = 10 * time.Second
	safetyPoll     = 50 * time.Millisecond
	safetyMarker   = "[safety]" // prefix of the lines the wrapper script prints
	safetyExitCode = 130        // ctrl+c: main's exitCancelled
)

var (
	safetySeq     atomic.Int64
	safetyExitRe  = regexp.MustCompile(`\[safety\] EXIT=(\d+)`)
	safetyDoneTag = safetyMarker + " DONE"
)

// safetyNeedTmux returns the tmux binary, or skips (fails in CI) without it.
func safetyNeedTmux(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("terminal-safety end-to-end tests skipped with -short")
	}
	p, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed, and CI must run the terminal-safety end-to-end tests: install tmux (apt-get install tmux)")
		}
		t.Skip("tmux is not installed; skipping the terminal-safety end-to-end tests")
	}
	return p
}

// safetyBuild builds medpath from the module root into a temporary folder
// that lives as long as t.
func safetyBuild(t *testing.T) string {
	t.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	root := ".."
	if err == nil && strings.TrimSpace(string(gomod)) != "" && strings.TrimSpace(string(gomod)) != os.DevNull {
		root = filepath.Dir(strings.TrimSpace(string(gomod)))
	}
	bin := filepath.Join(t.TempDir(), "medpath")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in %s: %v\n%s", root, err, out)
	}
	return bin
}

// safetyTerm is one shell in a private tmux server, running medpath once
// through a wrapper script.
type safetyTerm struct {
	t       *testing.T
	tmux    string
	bin     string
	socket  string
	session string
	dir     string // the test's temporary folder
	dataDir string // XDG_DATA_HOME for the program
	sttyOut string // where the wrapper writes `stty -a` after the program
}

// safetyStart opens an 80x24 tmux session running a plain shell, with HOME and
// XDG_DATA_HOME in temporary folders plus env ("NAME=value"), and runs medpath
// with args in it through a wrapper that, once medpath ends, prints its exit
// code and records the tty settings.
func safetyStart(t *testing.T, tmux, bin string, env []string, args ...string) *safetyTerm {
	t.Helper()
	dir := t.TempDir()
	name := fmt.Sprintf("medpath-safety-%d-%d", os.Getpid(), safetySeq.Add(1))
	s := &safetyTerm{
		t: t, tmux: tmux, bin: bin, socket: name, session: name, dir: dir,
		dataDir: filepath.Join(dir, "data"),
		sttyOut: filepath.Join(dir, "stty.txt"),
	}
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, s.dataDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	quoted := []string{safetyQuote(bin)}
	for _, a := range args {
		quoted = append(quoted, safetyQuote(a))
	}
	// The markers are built at run time, so the command line the shell
	// echoes never matches them.
	script := strings.Join([]string{
		strings.Join(quoted, " "),
		"code=$?",
		"stty -a > " + safetyQuote(s.sttyOut) + " 2>&1",
		`m='` + safetyMarker + `'`,
		`if grep -Eq '(^|[ ;])-echo([ ;]|$)' ` + safetyQuote(s.sttyOut) + `; then e=off; else e=on; fi`,
		`printf '\n%s EXIT=%s\n%s ECHO=%s\n%s DONE\n' "$m" "$code" "$m" "$e" "$m"`,
		"",
	}, "\n")
	scriptPath := filepath.Join(dir, "run.sh")
	if err := os.WriteFile(scriptPath, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	shell := "sh"
	if p, err := exec.LookPath("bash"); err == nil {
		shell = safetyQuote(p) + " --norc --noprofile"
	}
	newArgs := []string{"new-session", "-d", "-s", s.session, "-x", "80", "-y", "24",
		"-e", "HOME=" + home, "-e", "XDG_DATA_HOME=" + s.dataDir,
		// Nothing from the caller's environment switches modes or hooks on.
		"-e", "ACCESSIBLE=", "-e", "MEDPATH_TEST_PANIC="}
	for _, e := range env {
		newArgs = append(newArgs, "-e", e)
	}
	// tmux 3.3 leaves its socket file behind after kill-server: remove it.
	sock := ""
	t.Cleanup(func() {
		_ = s.cmd("kill-server").Run()
		if st, err := os.Lstat(sock); sock != "" && err == nil && st.Mode()&os.ModeSocket != 0 {
			_ = os.Remove(sock)
		}
	})
	s.must(append(newArgs, shell)...)
	sock = s.format("#{socket_path}")
	s.must("send-keys", "-t", s.session, "-l", "sh "+safetyQuote(scriptPath))
	s.must("send-keys", "-t", s.session, "Enter")
	return s
}

// cmd is a tmux command on the private server, with no user configuration.
func (s *safetyTerm) cmd(args ...string) *exec.Cmd {
	c := exec.Command(s.tmux, append([]string{"-f", os.DevNull, "-L", s.socket}, args...)...)
	env := []string{}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "TMUX=") && !strings.HasPrefix(e, "TMUX_PANE=") {
			env = append(env, e)
		}
	}
	c.Env = env
	return c
}

func (s *safetyTerm) must(args ...string) string {
	s.t.Helper()
	out, err := s.cmd(args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is what the pane shows now.
func (s *safetyTerm) screen() string {
	out, _ := s.cmd("capture-pane", "-p", "-t", s.session).Output()
	return string(out)
}

// history is the pane's whole normal-screen history plus the screen, with
// wrapped lines joined, so long paths read as one line.
func (s *safetyTerm) history() string {
	out, _ := s.cmd("capture-pane", "-p", "-J", "-S", "-", "-t", s.session).Output()
	return string(out)
}

// format evaluates a tmux format such as #{alternate_on} for the pane.
func (s *safetyTerm) format(f string) string {
	s.t.Helper()
	return strings.TrimSpace(s.must("display-message", "-p", "-t", s.session, f))
}

// keys presses tmux keys ("Enter", "C-c", "F12") or literal text.
func (s *safetyTerm) keys(keys ...string) {
	s.t.Helper()
	s.must(append([]string{"send-keys", "-t", s.session}, keys...)...)
}

// waitFor polls the screen until it shows want and returns it.
func (s *safetyTerm) waitFor(want string) string {
	s.t.Helper()
	return s.waitUntil("the screen to show "+strconv.Quote(want), func(scr string) bool {
		return strings.Contains(scr, want)
	})
}

// waitUntil polls the screen until ok holds, failing after safetyTimeout.
func (s *safetyTerm) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(safetyTimeout)
	var scr string
	for {
		if scr = s.screen(); ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %v for %s; the screen shows:\n%s", safetyTimeout, what, scr)
		}
		time.Sleep(safetyPoll)
	}
}

// ended reports whether the wrapper has printed its last line.
func (s *safetyTerm) ended() bool {
	return strings.Contains(s.history(), safetyDoneTag)
}

// waitExit waits up to d for medpath to end and returns its exit code and
// the pane's history; ok is false if it did not end in time.
func (s *safetyTerm) waitExit(d time.Duration) (code int, text string, ok bool) {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		text = s.history()
		if strings.Contains(text, safetyDoneTag) {
			m := safetyExitRe.FindStringSubmatch(text)
			if m == nil {
				s.t.Fatalf("the wrapper ended but printed no exit code:\n%s", text)
			}
			code, _ = strconv.Atoi(m[1])
			return code, text, true
		}
		if time.Now().After(deadline) {
			return 0, text, false
		}
		time.Sleep(safetyPoll)
	}
}

// mustExit waits for medpath to end with want and the terminal restored, and
// returns the pane's history.
func (s *safetyTerm) mustExit(want int) string {
	s.t.Helper()
	code, text, ok := s.waitExit(safetyTimeout)
	if !ok {
		s.t.Fatalf("medpath did not end within %v; the screen shows:\n%s", safetyTimeout, s.screen())
	}
	if code != want {
		s.t.Errorf("exit code %d, want %d; the pane shows:\n%s", code, want, text)
	}
	s.checkRestored(text)
	return text
}

// checkRestored checks the terminal medpath left behind: normal screen,
// cursor shown, tty in cooked mode with echo, exit line visible.
func (s *safetyTerm) checkRestored(text string) {
	s.t.Helper()
	if alt := s.format("#{alternate_on}"); alt != "0" {
		s.t.Errorf("terminal not restored: still on the alternate screen (#{alternate_on}=%s)", alt)
	}
	if cur := s.format("#{cursor_flag}"); cur != "1" {
		s.t.Errorf("terminal not restored: cursor hidden (#{cursor_flag}=%s)", cur)
	}
	b, err := os.ReadFile(s.sttyOut)
	if err != nil {
		s.t.Fatalf("no stty output: %v", err)
	}
	flags := strings.FieldsFunc(string(b), func(r rune) bool { return r == ' ' || r == ';' || r == '\n' })
	var raw []string
	for _, f := range []string{"echo", "icanon", "isig"} {
		if !safetyHas(flags, f) || safetyHas(flags, "-"+f) {
			raw = append(raw, "-"+f)
		}
	}
	if len(raw) > 0 {
		s.t.Errorf("terminal not restored: the tty is left in raw mode (%s); stty -a after medpath:\n%s", strings.Join(raw, " "), b)
	}
	if !strings.Contains(text, safetyMarker+" ECHO=on") {
		s.t.Errorf("the pane does not show echo on after medpath:\n%s", text)
	}
	// The exit line must be on the screen the shell is left on.
	if !safetyExitRe.MatchString(s.screen()) {
		s.t.Errorf("the exit line is not visible on the screen:\n%s", s.screen())
	}
}

func safetyQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func safetyHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// programPID finds medpath among the descendants of the pane's shell.
func (s *safetyTerm) programPID() int {
	s.t.Helper()
	deadline := time.Now().Add(safetyTimeout)
	for {
		queue := []string{s.format("#{pane_pid}")}
		for len(queue) > 0 {
			pid := queue[0]
			queue = queue[1:]
			out, _ := exec.Command("pgrep", "-P", pid).Output()
			for _, c := range strings.Fields(string(out)) {
				args, _ := exec.Command("ps", "-o", "args=", "-p", c).Output()
				if strings.HasPrefix(strings.TrimSpace(string(args)), s.bin) {
					n, err := strconv.Atoi(c)
					if err == nil {
						return n
					}
				}
				queue = append(queue, c)
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("cannot find the medpath process under the pane's shell")
		}
		time.Sleep(safetyPoll)
	}
}

// safetyAlive reports whether process pid exists.
func safetyAlive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}

// safetyAnswersFile writes a complete answers file (the template `medpath
// questions` prints: every question with its default) and returns its path.
func safetyAnswersFile(t *testing.T, bin string) string {
	t.Helper()
	out, err := exec.Command(bin, "questions").Output()
	if err != nil {
		t.Fatalf("medpath questions: %v", err)
	}
	p := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(p, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// safetyStep is a key press followed by what the screen must show after it.
type safetyStep struct {
	keys []string
	want string
}

func (s *safetyTerm) walk(steps []safetyStep) {
	s.t.Helper()
	for _, st := range steps {
		if len(st.keys) > 0 {
			s.keys(st.keys...)
		}
		s.waitFor(st.want)
	}
}

// The screens, reached from the start. Without answers the welcome screen
// offers "Start the questions" (with sessions on, that item carries a name
// field that takes letters, so the FAQ is reached with down and enter, not
// f), then "Read questions people ask first"; with a complete --answers file
// it offers "Continue: review your N answers" first.
var (
	safetyWelcome = []safetyStep{{want: "Start the questions"}}
	safetyReview  = []safetyStep{{want: "Continue: review your"}, {[]string{"Enter"}, "Review your answers"}}
	safetyResults = append(append([]safetyStep{}, safetyReview...), safetyStep{[]string{"r"}, "Your results"})
)

// TestSafetyE2E builds medpath once and runs the subtests CtrlC (one per
// screen), SIGTERM, Panic and Resize, each in its own tmux server.
func TestSafetyE2E(t *testing.T) {
	tmux := safetyNeedTmux(t)
	bin := safetyBuild(t)
	answers := safetyAnswersFile(t, bin)

	// Ctrl+C on every screen exits 130 and leaves the terminal as it was.
	t.Run("CtrlC", func(t *testing.T) {
		cases := []struct {
			name    string
			answers bool // start with the complete answers file
			steps   []safetyStep
		}{
			{"welcome", false, safetyWelcome},
			{"question", false, append(append([]safetyStep{}, safetyWelcome...), safetyStep{[]string{"Enter"}, "Question 1 of"})},
			{"review", true, safetyReview},
			{"results", true, safetyResults},
			{"compare", true, append(append([]safetyStep{}, safetyResults...), safetyStep{[]string{"c"}, "Technician or technologist?"})},
			{"learn", false, append(append([]safetyStep{}, safetyWelcome...), safetyStep{[]string{"Down", "Enter"}, "Questions people ask"})},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				var args []string
				if c.answers {
					args = []string{"--answers", answers}
				}
				s := safetyStart(t, tmux, bin, nil, args...)
				s.walk(c.steps)
				s.keys("C-c")
				text := s.mustExit(safetyExitCode)
				if !strings.Contains(text, "medpath: cancelled.") {
					t.Errorf("no cancel message on stderr:\n%s", text)
				}
			})
		}
	})

	// SIGTERM (kill, a closing terminal emulator's manager, systemd) ends the
	// program with the terminal restored.
	t.Run("SIGTERM", func(t *testing.T) {
		s := safetyStart(t, tmux, bin, nil)
		s.walk(append(append([]safetyStep{}, safetyWelcome...), safetyStep{[]string{"Enter"}, "Question 1 of"}))
		pid := s.programPID()
		if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
			t.Fatalf("kill -TERM %d: %v", pid, err)
		}
		text := s.mustExit(safetyExitCode)
		if !strings.Contains(text, "medpath: cancelled.") {
			t.Errorf("no cancel message on stderr after SIGTERM:\n%s", text)
		}
	})

	// A panic inside the program (MEDPATH_TEST_PANIC=1 makes F12 panic) exits 1
	// with the terminal restored and says where the session was saved.
	t.Run("Panic", func(t *testing.T) {
		// A binary built before the hook existed cannot panic on demand.
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("MEDPATH_TEST_PANIC")) {
			t.Skip("panic hook MEDPATH_TEST_PANIC not present")
		}
		s := safetyStart(t, tmux, bin, []string{"MEDPATH_TEST_PANIC=1"})
		s.walk(append(append([]safetyStep{}, safetyWelcome...),
			safetyStep{[]string{"Enter"}, "Question 1 of"},
			safetyStep{[]string{"Enter"}, "Question 2 of"}, // the first answer saves the session
		))
		sessions := filepath.Join(s.dataDir, "medpath", "sessions")
		var saved []string
		for deadline := time.Now().Add(safetyTimeout); ; time.Sleep(safetyPoll) {
			if saved, _ = filepath.Glob(filepath.Join(sessions, "*.yaml")); len(saved) > 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no session file in %s after answering a question", sessions)
			}
		}
		s.keys("F12")
		code, text, ok := s.waitExit(safetyTimeout)
		if !ok {
			t.Fatalf("F12 with MEDPATH_TEST_PANIC=1 did not end medpath within %v; the screen shows:\n%s", safetyTimeout, s.screen())
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
	})

	// Resizing down to 1x1 and back neither crashes nor wedges the program.
	t.Run("Resize", func(t *testing.T) {
		s := safetyStart(t, tmux, bin, nil, "--answers", answers)
		s.walk(safetyResults)
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
				return z.ok(scr) || !safetyAlive(pid)
			})
			if s.ended() || !safetyAlive(pid) {
				t.Fatalf("medpath ended at %dx%d:\n%s", z.w, z.h, s.history())
			}
		}
		// q quits at once (the answers are the --answers file's); should a
		// quit question come up, yes answers it.
		s.keys("q")
		s.waitUntil("medpath to quit or ask to", func(scr string) bool {
			return strings.Contains(scr, safetyDoneTag) || strings.Contains(scr, "Quit without")
		})
		if !s.ended() && strings.Contains(s.screen(), "Quit without") {
			s.keys("y")
		}
		s.mustExit(0)
	})
}
