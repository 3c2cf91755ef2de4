package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The harness: one medpath binary for the whole run, and a terminal type
// that runs it once in a plain shell inside a private tmux server (tmux -L,
// no user configuration), through a wrapper script that, once medpath ends,
// records the tty settings and prints medpath's exit code.

const (
	timeout  = 10 * time.Second
	poll     = 50 * time.Millisecond
	marker   = "[e2e]" // prefix of the lines the wrapper prints
	version  = "e2e-test"
	doneLine = marker + " DONE"
)

var (
	seq    atomic.Int64
	exitRe = regexp.MustCompile(`\[e2e\] EXIT=(\d+)`)

	buildOnce sync.Once
	binDir    string // removed by TestMain
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary returns the medpath binary, built once per run from the module
// root with main.version set, or skips the test with -short.
// MEDPATH_E2E_BIN=/path/to/medpath runs the suite on that binary instead
// (an older build, to see a regression test fail where the defect was).
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests are skipped with -short")
	}
	if p := os.Getenv("MEDPATH_E2E_BIN"); p != "" {
		return p
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "medpath-e2e-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "medpath")
		cmd := exec.Command("go", "build", "-ldflags", "-X main.version="+version, "-o", binPath, "medpath")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// needTmux returns the tmux binary; without it the test is skipped, or
// fails in CI (CI set), which must run the end-to-end tests.
func needTmux(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests are skipped with -short")
	}
	p, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed, and CI must run the end-to-end tests: install tmux (apt-get install tmux)")
		}
		t.Skip("tmux is not installed; skipping the end-to-end tests (apt-get install tmux)")
	}
	return p
}

// terminal is one shell in a private tmux server, running medpath once.
type terminal struct {
	t       *testing.T
	tmux    string
	bin     string
	socket  string
	session string
	dir     string // the test's temporary folder
	dataDir string // XDG_DATA_HOME for the program: its sessions go here
	sttyOut string // where the wrapper writes `stty -a` after the program
}

// options of a run: environment variables ("NAME=value") and a file for
// medpath's stdout (none: the pane).
type options struct {
	env    []string
	stdout string
}

// start opens an 80x24 tmux session running a plain shell, with HOME and
// XDG_DATA_HOME in temporary folders, and runs medpath with args in it.
func start(t *testing.T, o options, args ...string) *terminal {
	t.Helper()
	tmux := needTmux(t)
	bin := binary(t)
	dir := t.TempDir()
	name := fmt.Sprintf("medpath-e2e-%d-%d", os.Getpid(), seq.Add(1))
	s := &terminal{
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
	quoted := []string{quote(bin)}
	for _, a := range args {
		quoted = append(quoted, quote(a))
	}
	if o.stdout != "" {
		quoted = append(quoted, ">", quote(o.stdout))
	}
	// The markers are built at run time, so the command line the shell
	// echoes never matches them.
	script := strings.Join([]string{
		strings.Join(quoted, " "),
		"code=$?",
		"stty -a > " + quote(s.sttyOut) + " 2>&1",
		`m='` + marker + `'`,
		`if grep -Eq '(^|[ ;])-echo([ ;]|$)' ` + quote(s.sttyOut) + `; then e=off; else e=on; fi`,
		`printf '\n%s EXIT=%s\n%s ECHO=%s\n%s DONE\n' "$m" "$code" "$m" "$e" "$m"`,
		"",
	}, "\n")
	scriptPath := filepath.Join(dir, "run.sh")
	if err := os.WriteFile(scriptPath, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	shell := "sh"
	if p, err := exec.LookPath("bash"); err == nil {
		shell = quote(p) + " --norc --noprofile"
	}
	newArgs := []string{"new-session", "-d", "-s", s.session, "-x", "80", "-y", "24",
		"-e", "HOME=" + home, "-e", "XDG_DATA_HOME=" + s.dataDir,
		// Nothing from the caller's environment switches modes or hooks on.
		"-e", "ACCESSIBLE=", "-e", "MEDPATH_TEST_PANIC="}
	for _, e := range o.env {
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
	s.must("send-keys", "-t", s.session, "-l", "sh "+quote(scriptPath))
	s.must("send-keys", "-t", s.session, "Enter")
	return s
}

// cmd is a tmux command on the private server, with no user configuration.
func (s *terminal) cmd(args ...string) *exec.Cmd {
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

func (s *terminal) must(args ...string) string {
	s.t.Helper()
	out, err := s.cmd(args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is what the pane shows now.
func (s *terminal) screen() string {
	out, _ := s.cmd("capture-pane", "-p", "-t", s.session).Output()
	return string(out)
}

// history is the pane's whole normal-screen history plus the screen, with
// wrapped lines joined, so long paths read as one line.
func (s *terminal) history() string {
	out, _ := s.cmd("capture-pane", "-p", "-J", "-S", "-", "-t", s.session).Output()
	return string(out)
}

// format evaluates a tmux format such as #{alternate_on} for the pane.
func (s *terminal) format(f string) string {
	s.t.Helper()
	return strings.TrimSpace(s.must("display-message", "-p", "-t", s.session, f))
}

// keys presses tmux keys ("Enter", "C-c", "F12"), or types text after "-l".
func (s *terminal) keys(keys ...string) {
	s.t.Helper()
	s.must(append([]string{"send-keys", "-t", s.session}, keys...)...)
}

// waitFor polls the screen until it shows want and returns it.
func (s *terminal) waitFor(want string) string {
	s.t.Helper()
	return s.waitUntil("the screen to show "+strconv.Quote(want), func(scr string) bool {
		return strings.Contains(scr, want)
	})
}

// waitUntil polls the screen until ok holds, failing after the timeout.
func (s *terminal) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var scr string
	for {
		if scr = s.screen(); ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %v for %s; the screen shows:\n%s", timeout, what, scr)
		}
		time.Sleep(poll)
	}
}

// ended reports whether the wrapper has printed its last line.
func (s *terminal) ended() bool {
	return strings.Contains(s.history(), doneLine)
}

// waitExit waits up to d for medpath to end and returns its exit code and
// the pane's history; ok is false if it did not end in time.
func (s *terminal) waitExit(d time.Duration) (code int, text string, ok bool) {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		text = s.history()
		if strings.Contains(text, doneLine) {
			m := exitRe.FindStringSubmatch(text)
			if m == nil {
				s.t.Fatalf("the wrapper ended but printed no exit code:\n%s", text)
			}
			code, _ = strconv.Atoi(m[1])
			return code, text, true
		}
		if time.Now().After(deadline) {
			return 0, text, false
		}
		time.Sleep(poll)
	}
}

// mustExit waits for medpath to end with want and the terminal restored, and
// returns the pane's history.
func (s *terminal) mustExit(want int) string {
	s.t.Helper()
	code, text, ok := s.waitExit(timeout)
	if !ok {
		s.t.Fatalf("medpath did not end within %v; the screen shows:\n%s", timeout, s.screen())
	}
	if code != want {
		s.t.Errorf("exit code %d, want %d; the pane shows:\n%s", code, want, text)
	}
	s.checkRestored(text)
	return text
}

// checkRestored checks the terminal medpath left behind: normal screen,
// cursor shown, tty in cooked mode with echo, exit line visible.
func (s *terminal) checkRestored(text string) {
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
		if !slices.Contains(flags, f) || slices.Contains(flags, "-"+f) {
			raw = append(raw, "-"+f)
		}
	}
	if len(raw) > 0 {
		s.t.Errorf("terminal not restored: the tty is left in raw mode (%s); stty -a after medpath:\n%s", strings.Join(raw, " "), b)
	}
	if !strings.Contains(text, marker+" ECHO=on") {
		s.t.Errorf("the pane does not show echo on after medpath:\n%s", text)
	}
	// The exit line must be on the screen the shell is left on.
	if !exitRe.MatchString(s.screen()) {
		s.t.Errorf("the exit line is not visible on the screen:\n%s", s.screen())
	}
}

// programPID finds medpath among the descendants of the pane's shell.
func (s *terminal) programPID() int {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		queue := []string{s.format("#{pane_pid}")}
		for len(queue) > 0 {
			pid := queue[0]
			queue = queue[1:]
			out, _ := exec.Command("pgrep", "-P", pid).Output()
			for _, c := range strings.Fields(string(out)) {
				args, _ := exec.Command("ps", "-o", "args=", "-p", c).Output()
				if strings.HasPrefix(strings.TrimSpace(string(args)), s.bin) {
					if n, err := strconv.Atoi(c); err == nil {
						return n
					}
				}
				queue = append(queue, c)
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("cannot find the medpath process under the pane's shell")
		}
		time.Sleep(poll)
	}
}

// step is key presses followed by what the screen must show after them.
type step struct {
	keys []string
	want string
}

func (s *terminal) walk(steps []step) {
	s.t.Helper()
	for _, st := range steps {
		if len(st.keys) > 0 {
			s.keys(st.keys...)
		}
		s.waitFor(st.want)
	}
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// alive reports whether process pid exists.
func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}

// answersFile writes a complete answers file (the template `medpath
// questions` prints: every question with its default) and returns its path.
func answersFile(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(binary(t), "questions").Output()
	if err != nil {
		t.Fatalf("medpath questions: %v", err)
	}
	p := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(p, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
