package e2e

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Regression tests for ../shared/review/reliability.md, one or more per
// defect, named after its id, on the real binary (the review attacked the
// binary). Each runs the review's steps, or the same attack in the test's
// temporary folder, under a memory limit and a deadline, and fails on the
// commit the review attacked (MEDPATH_E2E_BIN=old-binary go test ./e2e shows
// it). docs/RELIABILITY.md lists them.

// answersA is the review's a.yaml.
const answersA = "education: associate\n"

// refused checks that r is a refusal with a clear message: exit want,
// stderr naming the problem with each of wants, quickly and in little
// memory, with no Go runtime crash.
func refused(t *testing.T, r runResult, want int, wants ...string) {
	t.Helper()
	ok := r.code == want && !r.killed
	for _, w := range wants {
		ok = ok && strings.Contains(r.stderr, w)
	}
	if !ok {
		t.Errorf("want exit %d and %q; got %v", want, wants, r)
	}
	quick(t, r)
}

// quick checks that r ended within 5 s and the memory limit, without a Go
// runtime crash or an escape code on stderr.
func quick(t *testing.T, r runResult) {
	t.Helper()
	if r.killed || r.took > 5*time.Second {
		t.Errorf("took %v (killed: %v); the limit is 5 s\n%v", r.took, r.killed, r)
	}
	if r.rssMiB >= memLimitMiB {
		t.Errorf("peak memory %d MiB; the limit is %d MiB", r.rssMiB, memLimitMiB)
	}
	if strings.Contains(r.stderr, "fatal error:") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("the Go runtime crashed:\n%.400s", r.stderr)
	}
	if strings.ContainsAny(r.stderr, "\x1b\a") {
		t.Errorf("stderr carries escape codes: %.200q", r.stderr)
	}
}

// TestS1RunawayConditions: the review's two overlays (a 12^10-step
// condition and a 2^40-byte string) are refused at load by validate and
// report, in a moment and little memory, naming the file and the rule.
func TestS1RunawayConditions(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	for _, ov := range []string{evilCPU(t, dir), evilMem(t, dir)} {
		for _, args := range [][]string{{"validate", "--data", ov}, {"report", "--data", ov, "--answers", a}} {
			refused(t, runBin(t, runOpts{}, args...), 1, "x.yaml:3:")
		}
	}
}

// TestS2CancelWhileComputing: the advisor ends within a second of SIGTERM
// with the terminal restored, even while a screen computes: with the
// review's overlay (refused at load now; the old binary froze on the
// results and ignored every signal), and with a screen stuck for ever (the
// MEDPATH_TEST_HANG hook stops the screens once the results are drawn).
func TestS2CancelWhileComputing(t *testing.T) {
	t.Run("attack overlay", func(t *testing.T) {
		dir := t.TempDir()
		s := start(t, options{}, "--data", evilCPU(t, dir), "--answers", answersFile(t))
		s.waitUntil("the advisor, or its refusal", func(scr string) bool {
			return strings.Contains(scr, doneLine) || strings.Contains(scr, "Continue: review your")
		})
		if !s.ended() {
			s.keys("Enter")
			s.waitFor("Review your answers")
			s.keys("r")
			time.Sleep(300 * time.Millisecond) // computing the results
			cancelWithin(t, s, time.Second)
			return
		}
		if code, text, _ := s.waitExit(timeout); code != 1 || !strings.Contains(text, "the data has problems") {
			t.Errorf("exit %d:\n%s", code, text)
		}
	})
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run("stuck screen "+sig.String(), func(t *testing.T) {
			b, _ := os.ReadFile(binary(t))
			if !bytes.Contains(b, []byte("MEDPATH_TEST_HANG")) {
				t.Skip("this binary has no MEDPATH_TEST_HANG hook")
			}
			s := start(t, options{env: []string{"MEDPATH_TEST_HANG=Your results"}}, "--answers", answersFile(t))
			s.walk(review)
			s.keys("r")
			time.Sleep(300 * time.Millisecond) // the screens are stuck now
			pid := s.programPID()
			begin := time.Now()
			syscall.Kill(pid, sig)
			code, text, ok := s.waitExit(3 * time.Second)
			if !ok {
				t.Fatalf("medpath did not end within 3 s of %v:\n%s", sig, s.screen())
			}
			if d := time.Since(begin); d > time.Second+300*time.Millisecond { // the wrapper's stty and polling add a little
				t.Errorf("ended %v after %v; the limit is 1 s", d, sig)
			}
			if code != cancelled || !strings.Contains(text, "medpath: cancelled") {
				t.Errorf("exit %d, want %d and a cancel message:\n%s", code, cancelled, text)
			}
			s.checkRestored(text)
		})
	}
}

// cancelWithin sends SIGTERM to the program in s and checks that it ends
// within d, exit 130, terminal restored.
func cancelWithin(t *testing.T, s *terminal, d time.Duration) {
	t.Helper()
	pid := s.programPID()
	begin := time.Now()
	syscall.Kill(pid, syscall.SIGTERM)
	code, text, ok := s.waitExit(d + 2*time.Second)
	if !ok {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Fatalf("medpath did not end within %v of SIGTERM", d+2*time.Second)
	}
	if took := time.Since(begin); took > d+300*time.Millisecond {
		t.Errorf("ended %v after SIGTERM; the limit is %v", took, d)
	}
	if code != cancelled {
		t.Errorf("exit %d, want %d:\n%s", code, cancelled, text)
	}
	s.checkRestored(text)
}

// specialOutputs makes, in dir, every kind of path batch --out must not
// replace: a FIFO, a folder, a symbolic link to a file and one to
// /proc/self/fd/1 (the review's sand/stdout), and as root a device node
// with /dev/null's numbers (the review's sand/null).
func specialOutputs(t *testing.T, dir string) map[string]string {
	m := map[string]string{
		"a FIFO":   mkfifo(t, dir, "fifo"),
		"a folder": filepath.Join(dir, "folder"),
	}
	os.Mkdir(m["a folder"], 0o700)
	target := write(t, dir, "target.csv", "keep me\n")
	for name, to := range map[string]string{"link": target, "stdout": "/proc/self/fd/1"} {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		m["a symbolic link ("+name+")"] = p
	}
	if os.Geteuid() == 0 {
		m["a character device"] = mknod(t, dir, "null", 3)
	} else {
		t.Log("not root: no device node (mknod needs root)")
	}
	return m
}

// TestS3OutputDevicesAndLinks: batch --out a device node, a FIFO, a folder
// or a symbolic link is refused before anything is written, and the node is
// left as it was.
func TestS3OutputDevicesAndLinks(t *testing.T) {
	dir := t.TempDir()
	s := write(t, dir, "s/a.yaml", answersA)
	s = filepath.Dir(s)
	for kind, p := range specialOutputs(t, filepath.Join(dir)) {
		t.Run(kind, func(t *testing.T) {
			before, _ := os.Lstat(p)
			r := runBin(t, runOpts{dir: dir}, "batch", s, "--out", p)
			refused(t, r, 2, "--out", p, "not a regular file")
			after, err := os.Lstat(p)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("the node changed: %v -> %v (%v)", before.Mode(), after, err)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "target.csv")); string(b) != "keep me\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
}

// TestS4Injection: escape sequences in overlay text are refused at load;
// CSV ids and file names with escapes reach stderr and the output plain;
// CSV cells that would run as spreadsheet formulas are neutralised.
func TestS4Injection(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	ov := lakeside(t, dir, "ov", "title: Medical Laboratory Technician (MLT), Lakeside example",
		`title: "MLT \e[2J\e[H\e]0;PWNED-TITLE\a\e[31mRED</td><script>alert(1)</script>"`)
	for _, f := range []string{"text", "markdown"} {
		r := runBin(t, runOpts{}, "report", "--data", ov, "--answers", a, "--format", f)
		refused(t, r, 1, "lakeside.yaml:14:12: a control character U+001B (ESC) is not allowed in text")
		if strings.ContainsAny(r.stdout, "\x1b\a") {
			t.Errorf("escape codes on stdout: %.200q", r.stdout)
		}
	}
	ids := write(t, dir, "ids.csv", "id,education\n\"\x1b]0;BATCHPWN\a\x1b[2Jx\",phd\n")
	refused(t, runBin(t, runOpts{}, "batch", ids), 1, "1 of 1 students could not be scored")
	write(t, dir, "d/\x1b]0;X\a.yaml", "education: phd\n")
	refused(t, runBin(t, runOpts{}, "batch", filepath.Join(dir, "d")), 1, "could not be scored")

	f := write(t, dir, "f.csv", "id,education\n\"=cmd|' /C calc'!A0\",associate\n@SUM(1),phd\n+1,associate\n-2,bachelor\n")
	out := filepath.Join(dir, "r.csv")
	runBin(t, runOpts{}, "batch", f, "--out", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.SplitN(b, []byte("\n\n"), 2)[0])).ReadAll()
	if err != nil || len(recs) != 5 {
		t.Fatalf("%v %q", err, b)
	}
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
}

// TestS5LinksOutOfTheFolder: a symbolic link in an overlay or a batch
// folder to a file outside it is refused, and the file's contents appear
// nowhere (a secret file in the test's folder stands in for /etc/shadow).
func TestS5LinksOutOfTheFolder(t *testing.T) {
	dir := t.TempDir()
	secret := write(t, dir, "secret", "root:$6$SECRETHASH:19000:0:99999:7:::\n")
	for _, sub := range []string{"o", "b"} {
		os.Mkdir(filepath.Join(dir, sub), 0o700)
		if err := os.Symlink(secret, filepath.Join(dir, sub, "x.yaml")); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "r.csv")
	for _, args := range [][]string{{"validate", "--data", filepath.Join(dir, "o")}, {"batch", filepath.Join(dir, "b"), "--out", out}} {
		r := runBin(t, runOpts{}, args...)
		if r.code == 0 || strings.Contains(r.stderr+r.stdout, "SECRETHASH") {
			t.Errorf("medpath %v: %v", args, r)
		}
		quick(t, r)
	}
	if b, _ := os.ReadFile(out); bytes.Contains(b, []byte("SECRETHASH")) {
		t.Error("the secret is in the batch output")
	}
}

// TestS6AliasAmplification: the review's 209 KB file of 98 aliases is
// refused in a moment and little memory.
func TestS6AliasAmplification(t *testing.T) {
	r := runBin(t, runOpts{}, "validate", "--data", aliasOverlay(t, t.TempDir()))
	refused(t, r, 1, "x.yaml", "aliases expanded")
}

// TestS7BigOverlay: ten files of 1 MiB of one-character items (the review
// measured 8.6 GB and 99 s) are refused within the limits.
func TestS7BigOverlay(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{1, 10} {
		r := runBin(t, runOpts{}, "validate", "--data", bigOverlay(t, dir, n))
		if r.code != 1 || r.stderr == "" {
			t.Errorf("%d files: %v", n, r)
		}
		quick(t, r)
	}
}

// TestD1LeadingZeros: numbers with leading zeros are decimal in answers
// files and CSV cells alike: $10,000 and 12 months, never octal.
func TestD1LeadingZeros(t *testing.T) {
	dir := t.TempDir()
	o := write(t, dir, "o.yaml", "budget: 010000\ntimeline_months: 012\n")
	r := runBin(t, runOpts{}, "report", "--answers", o)
	if r.code != 0 || !strings.Contains(r.stdout, "against your $10,000") || !strings.Contains(r.stdout, "against your 12 months") {
		t.Errorf("report: %v", r)
	}
	pad := write(t, dir, "pad.csv", "id,education,budget,timeline_months\ndecimal,high_school,3000,12\nzero-padded,high_school,03000,012\n")
	r = runBin(t, runOpts{}, "batch", pad)
	lines := strings.Split(r.stdout, "\n")
	if r.code != 0 || len(lines) < 3 || strings.TrimPrefix(lines[1], "decimal") != strings.TrimPrefix(lines[2], "zero-padded") {
		t.Errorf("batch: the zero-padded row differs from the decimal one: %v", r)
	}
}

// TestD2OutputIsTheInput: batch c.csv --out c.csv is refused and the input
// kept, by name, through a link or a hard link.
func TestD2OutputIsTheInput(t *testing.T) {
	dir := t.TempDir()
	c := write(t, dir, "c.csv", "id,education\ns1,associate\n")
	os.Link(c, filepath.Join(dir, "hard.csv"))
	for _, out := range []string{c, "c.csv", "./c.csv", filepath.Join(dir, "hard.csv")} {
		r := runBin(t, runOpts{dir: dir}, "batch", "c.csv", "--out", out)
		refused(t, r, 2, "it is the input")
		if b, _ := os.ReadFile(c); string(b) != "id,education\ns1,associate\n" {
			t.Fatalf("--out %s replaced the input: %q", out, b)
		}
	}
}

// TestD3LineSeparatorInALabel: a name typed with U+2029 (a paste from a
// PDF) cannot add an answer the student never gave: the session file holds
// the label on one comment line, and loads back with the answers given.
// An overlay label with a line break is refused at load.
func TestD3LineSeparatorInALabel(t *testing.T) {
	s := start(t, options{})
	s.walk(welcome)
	s.keys("-l", "Ana\u2029budget: 5")
	s.keys("Enter")
	s.waitFor("Question 1 of")
	s.keys("Enter") // answer one question: the session is saved
	s.waitFor("Question 2 of")
	sessions := filepath.Join(s.dataDir, "medpath", "sessions")
	var saved []string
	for deadline := time.Now().Add(timeout); len(saved) == 0; time.Sleep(poll) {
		saved, _ = filepath.Glob(filepath.Join(sessions, "*.yaml"))
		if time.Now().After(deadline) {
			t.Fatalf("no session file in %s", sessions)
		}
	}
	s.keys("C-c")
	s.mustExit(cancelled)
	b, _ := os.ReadFile(saved[0])
	r := runBin(t, runOpts{}, "report", "--answers", saved[0])
	if r.code != 0 || strings.Contains(r.stdout, "against your $5 ") || bytes.ContainsRune(b, '\u2029') {
		t.Errorf("the label broke its comment line:\n%s\n%v", b, r)
	}

	dir := t.TempDir()
	ov := write(t, dir, "ov/x.yaml", "questions:\n  - id: study_format\n    section: situation\n    kind: choice\n    prompt: How?\n    default: online\n    options:\n      - {value: in_person, label: \"In person\\nbudget: 1\"}\n      - {value: online, label: Online}\n")
	refused(t, runBin(t, runOpts{}, "validate", "--data", filepath.Dir(ov)), 1, "x.yaml:8:", "is one line")
}

// TestD4TwoAdvisorsOnOneSession: a second advisor on a session file the
// first has open says so and offers read-only, a new file or quit; in
// read-only mode it says so on the screen and the first advisor's answers
// are never overwritten. When the first ends, its lock goes with it.
func TestD4TwoAdvisorsOnOneSession(t *testing.T) {
	shared := filepath.Join(t.TempDir(), "s.yaml")
	a := start(t, options{}, "--session", shared)
	a.walk(append(append([]step{}, welcome...), step{[]string{"Enter"}, "Question 1 of"}))
	a.keys("Enter") // the first answer: the session is saved
	a.waitFor("Question 2 of")
	waitFile(t, shared)
	before, _ := os.ReadFile(shared)

	b := start(t, options{}, "--session", shared)
	b.waitFor("Read-only, new file or quit?")
	b.keys("r", "Enter")
	b.waitFor("Read-only:")
	b.keys("Enter") // continue: the review of the file's answers
	b.waitFor("Review your answers")
	b.keys("Enter") // change the first answer
	scr := b.waitUntil("the first question", func(scr string) bool { return !strings.Contains(scr, "Review your answers") })
	b.keys("Down", "Enter") // another answer
	b.waitUntil("the answer taken", func(s string) bool { return s != scr })
	time.Sleep(300 * time.Millisecond) // a save, if there were one, happens now
	b.keys("C-c")
	b.mustExit(cancelled)
	if after, _ := os.ReadFile(shared); !bytes.Equal(before, after) {
		t.Errorf("the read-only advisor wrote the file:\n%s\nwas\n%s", after, before)
	}

	a.keys("C-c")
	a.mustExit(cancelled)
	lock := filepath.Join(filepath.Dir(shared), ".s.yaml.lock")
	if _, err := os.Stat(lock); err == nil {
		t.Error("the lock file is left after the advisor ended")
	}
}

// waitFile waits until p exists.
func waitFile(t *testing.T, p string) {
	t.Helper()
	for deadline := time.Now().Add(timeout); ; time.Sleep(poll) {
		if _, err := os.Stat(p); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s was never written", p)
		}
	}
}

// TestD5ExportsDoNotCollide: two exports into one folder keep both; each
// file names the date.
func TestD5ExportsDoNotCollide(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "exports")
	for range 2 {
		r := runBin(t, runOpts{stdin: strings.NewReader(strings.Repeat("\n", 60))}, "--accessible", "--out", out)
		if r.code != 0 {
			t.Fatalf("export: %v", r)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("two exports left %v; want four files", names)
	}
}

// TestD6FullOrClosedStdout: every command that prints exits 1 when stdout
// is full (a device node with /dev/full's numbers, in the test's folder) or
// closed.
func TestD6FullOrClosedStdout(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	b := write(t, dir, "b.yaml", "education: bachelor\n")
	cmds := [][]string{{"compare", a, b}, {"questions"}, {"validate"}, {"--help"}, {"report", "--answers", a}, {"batch", filepath.Dir(a)}}
	// A closed pipe (a reader that went away) ends medpath with SIGPIPE, as
	// any Unix tool; never exit 0. (A closed fd 1 cannot be tested: the Go
	// runtime opens /dev/null in its place at start-up.)
	t.Run("closed pipe", func(t *testing.T) {
		for _, args := range cmds {
			rd, wr, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			rd.Close()
			r := runBin(t, runOpts{stdout: wr}, args...)
			wr.Close()
			if r.code == 0 {
				t.Errorf("medpath %v | closed: %v", args, r)
			}
		}
	})
	t.Run("full", func(t *testing.T) {
		full := mknod(t, dir, "full", 7)
		for _, args := range cmds {
			f, err := os.OpenFile(full, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			r := runBin(t, runOpts{stdout: f}, args...)
			f.Close()
			if r.code != 1 || !strings.Contains(r.stderr, "no space left on device") {
				t.Errorf("medpath %v > full: %v", args, r)
			}
		}
	})
}

// TestD7InterruptedBatch: a batch --out stopped by SIGTERM exits 130 and
// leaves neither the output nor a temporary file.
func TestD7InterruptedBatch(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("id,education,budget,timeline_months,lab_work\n")
	for i := range 400_000 {
		fmt.Fprintf(&b, "s%d,associate,%d,%d,%d\n", i, i%20000, 1+i%48, 1+i%5)
	}
	m1 := write(t, dir, "m1.csv", b.String())
	bin := binary(t)
	cmd := execCommand(t, bin, "batch", m1, "--out", "out.csv", "--jobs", "1")
	cmd.Dir = dir
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the temporary file exists, then stop the batch.
	for deadline := time.Now().Add(timeout); ; time.Sleep(10 * time.Millisecond) {
		if tmp, _ := filepath.Glob(filepath.Join(dir, ".out.csv.tmp-*")); len(tmp) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the batch never started writing")
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != cancelled || !strings.Contains(errOut.String(), "out.csv was not written") {
		t.Errorf("exit %d (%v): %s", code, err, errOut.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".out.csv") || e.Name() == "out.csv" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestH1SessionFromADevice: --session, --answers, a batch CSV and compare's
// inputs that are a FIFO, a folder or (as root) /dev/zero's device are
// refused at once.
func TestH1SessionFromADevice(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	fifo := mkfifo(t, dir, "fifo.yaml")
	inputs := map[string]string{"a FIFO": fifo}
	if os.Geteuid() == 0 {
		inputs["a character device"] = mknod(t, dir, "zero", 5)
	} else {
		t.Log("not root: no device node (mknod needs root)")
	}
	for kind, p := range inputs {
		for _, args := range [][]string{
			{"--session", p, "--accessible"}, {"report", "--answers", p}, {"batch", p}, {"compare", p, a}, {"compare", a, p},
		} {
			r := runBin(t, runOpts{timeout: 5 * time.Second}, args...)
			refused(t, r, 2, p, kind)
		}
	}
	// A folder where a file is expected.
	refused(t, runBin(t, runOpts{}, "--session", dir, "--accessible"), 2, dir, "a folder")
}

// TestH2HugeCSV: a CSV with a 100 MB value, one with a 50 MB header line,
// and /dev/zero's device (as root) are refused within the limits, and
// stderr stays short.
func TestH2HugeCSV(t *testing.T) {
	dir := t.TempDir()
	g := bigLine(t, dir, "g.csv", "id,education\ns1,", 'a', 100<<20, "\n")
	r := runBin(t, runOpts{}, "batch", g, "--out", filepath.Join(dir, "g.out"))
	refused(t, r, 2, "g.csv: row 1 is longer than 64 KiB")
	h := bigLine(t, dir, "h.csv", "", 'x', 50<<20, "")
	refused(t, runBin(t, runOpts{}, "batch", h), 2, "h.csv: the header row is longer than 1 MiB")
	// Four student files of 1 MiB of unknown keys: short messages.
	for i := range 4 {
		write(t, dir, fmt.Sprintf("b7/s%d.yaml", i), unknownKeys())
	}
	out := filepath.Join(dir, "b7.csv")
	r = runBin(t, runOpts{}, "batch", filepath.Join(dir, "b7"), "--out", out)
	quick(t, r)
	st, _ := os.Stat(out)
	if r.code != 1 || len(r.stderr) > 4096 || st == nil || st.Size() > 64<<10 {
		t.Errorf("stderr %d bytes, output %v: %v", len(r.stderr), st, r)
	}
	if os.Geteuid() == 0 {
		refused(t, runBin(t, runOpts{}, "batch", mknod(t, dir, "zero", 5)), 2, "a character device")
	}
}

// TestH3FIFOsInFolders: a FIFO named *.yaml in a batch folder, an overlay
// folder or the sessions folder never makes medpath wait.
func TestH3FIFOsInFolders(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/ok.yaml", answersA)
	mkfifo(t, filepath.Join(dir, "b"), "x.yaml")
	os.Mkdir(filepath.Join(dir, "o"), 0o700)
	mkfifo(t, filepath.Join(dir, "o"), "x.yaml")
	for _, args := range [][]string{{"batch", filepath.Join(dir, "b")}, {"validate", "--data", filepath.Join(dir, "o")}} {
		r := runBin(t, runOpts{timeout: 5 * time.Second}, args...)
		if r.code == 0 || r.killed {
			t.Errorf("medpath %v: %v", args, r)
		}
		quick(t, r)
	}
	// The sessions folder: the FIFO is skipped and the session after it
	// listed (the list is read in name order).
	s := start(t, options{})
	sessions := filepath.Join(s.dataDir, "medpath", "sessions")
	os.MkdirAll(sessions, 0o700)
	// (made after start: the wrapper script runs medpath a moment later)
	mkfifo(t, sessions, "a-stuck.yaml")
	write(t, sessions, "zed.yaml", "# medpath session\n# label: Zed Zimmer\n# saved: 2026-11-24T21:15:00Z\neducation: associate\n")
	s.walk(welcome)
	s.waitFor("Zed Zimmer")
	s.keys("C-c")
	s.mustExit(cancelled)
}

// TestU1SignalsOutsideTheAdvisor: SIGTERM to the accessible mode or to a
// report waiting on stdin ends it with exit 130 and a one-line message.
func TestU1SignalsOutsideTheAdvisor(t *testing.T) {
	bin := binary(t)
	for _, args := range [][]string{{"--accessible"}, {"report", "--answers", "-"}} {
		cmd := execCommand(t, bin, args...)
		in, _ := cmd.StdinPipe() // kept open: the program waits for input
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		begin := time.Now()
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("medpath %v did not end after SIGTERM", args)
		}
		in.Close()
		code := cmd.ProcessState.ExitCode()
		lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
		if code != cancelled || len(lines) != 1 || !strings.HasPrefix(lines[0], "medpath") || !strings.Contains(lines[0], "cancelled") {
			t.Errorf("medpath %v: exit %d, stderr %q", args, code, errOut.String())
		}
		if d := time.Since(begin); d > time.Second {
			t.Errorf("medpath %v took %v to end", args, d)
		}
	}
}

// TestU3Encodings, TestU4Numbers, TestU6Documents: answers files the review
// found explained badly.
func TestU3Encodings(t *testing.T) {
	dir := t.TempDir()
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "nul.yaml", "education: assoc\x00iate\n")), 2, "nul.yaml:1:17: not valid UTF-8 text: a NUL byte")
	u16 := new(bytes.Buffer)
	for _, r := range "education: associate\n" {
		u16.WriteByte(byte(r))
		u16.WriteByte(0)
	}
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "u16.yaml", u16.String())), 2, "looks like UTF-16", "save it as UTF-8")
}

func TestU4Numbers(t *testing.T) {
	dir := t.TempDir()
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "big.yaml", "budget: 9223372036854775808\n")), 2, "big.yaml:1:9: budget: 9223372036854775808 is out of bounds")
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "ck.yaml", "? [a, b]\n: 1\n")), 2, "ck.yaml:1:3: a key must be plain text, not a list")
}

func TestU6Documents(t *testing.T) {
	dir := t.TempDir()
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "two.yaml", "education: associate\n---\nbudget: 5\n")), 2, "two.yaml:3:1: a second YAML document")
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, dir, "dup.yaml", "state:\nstate: TX\n")), 2, `dup.yaml:2:1: "state" is answered twice`)
}

// TestU5CompareStdinTwice: compare - - says stdin can be read only once.
func TestU5CompareStdinTwice(t *testing.T) {
	refused(t, runBin(t, runOpts{stdin: strings.NewReader(answersA)}, "compare", "-", "-"), 2, "stdin can be read only once")
}

// TestU7OtherYAMLNames: an overlay's .yml and .YAML files are read, and a
// subfolder is reported, never silently skipped.
func TestU7OtherYAMLNames(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "o/x.yml", "rules:\n  - {id: r, when: budjet > 1, score: {mlt: 1}, because: b}\n")
	refused(t, runBin(t, runOpts{}, "validate", "--data", filepath.Join(dir, "o")), 1, "x.yml", `unknown variable "budjet"`)
	write(t, dir, "p/X.YAML", "rules:\n  - {id: r, when: budjet > 1, score: {mlt: 1}, because: b}\n")
	refused(t, runBin(t, runOpts{}, "validate", "--data", filepath.Join(dir, "p")), 1, "X.YAML")
	write(t, dir, "q/sub/x.yaml", "rules: []\n")
	write(t, dir, "q/ok.yaml", "rules: []\n")
	r := runBin(t, runOpts{}, "validate", "--data", filepath.Join(dir, "q"))
	if r.code == 0 && !strings.Contains(r.stdout+r.stderr, "sub") {
		t.Errorf("a subfolder was skipped silently: %v", r)
	}
}

// TestU8ReservedQuestionID: an overlay question named licensing_states is
// refused for the right reason.
func TestU8ReservedQuestionID(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "o/x.yaml", "questions:\n  - {id: licensing_states, section: situation, kind: yesno, prompt: p}\n")
	r := runBin(t, runOpts{}, "validate", "--data", filepath.Join(dir, "o"))
	refused(t, r, 1, "licensing_states")
	if strings.Contains(r.stderr, "an id is lower-case letters, digits and _") {
		t.Errorf("the wrong reason: %s", r.stderr)
	}
}

// TestU9IgnoredFlags: a flag or an argument a command does not take is an
// error, never silently ignored.
func TestU9IgnoredFlags(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	refused(t, runBin(t, runOpts{dir: dir}, "report", "--answers", a, "--out", "x.md"), 2, "report takes no --out")
	refused(t, runBin(t, runOpts{}, "validate", "extra-arg"), 2, `unexpected argument "extra-arg"`)
	refused(t, runBin(t, runOpts{}, "batch", dir, "--session", "s.yaml"), 2, "batch takes no --session")
}

// TestU10HugeFigures: a step cost of 2^62 is refused at load, not summed
// into a negative total that fits every budget.
func TestU10HugeFigures(t *testing.T) {
	ov := lakeside(t, t.TempDir(), "o", "cost: [11400, 12900]", "cost: [11400, 4611686018427387904]")
	refused(t, runBin(t, runOpts{}, "validate", "--data", ov), 1, "is out of bounds")
}

// TestU11ArgumentAfterDashDash: report -- --answers a.yaml does not suggest
// --answers --answers.
func TestU11ArgumentAfterDashDash(t *testing.T) {
	r := runBin(t, runOpts{}, "report", "--", "--answers", "a.yaml")
	refused(t, r, 2, "put the flags before --")
	if strings.Contains(r.stderr, "--answers --answers") {
		t.Errorf("suggests --answers --answers: %s", r.stderr)
	}
}

// TestU12SessionThroughALink: --session through a symbolic link updates
// the link's target and leaves the link a link.
func TestU12SessionThroughALink(t *testing.T) {
	dir := t.TempDir()
	target := write(t, dir, "real.yaml", "# medpath session\n# label: Ana\neducation: associate\n")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	r := runBin(t, runOpts{stdin: strings.NewReader(strings.Repeat("\n", 60))}, "--accessible", "--session", link)
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st.Mode(), err)
	}
	b, _ := os.ReadFile(target)
	if !strings.Contains(string(b), "# saved:") || !strings.Contains(string(b), "budget:") {
		t.Errorf("the target was not updated:\n%s", b)
	}
}

// TestU13PlantedSessionLabel: a session file planted in the sessions folder
// with SGR blink, an OSC 8 link and an RTL override in its label is listed
// on the welcome screen as plain text.
func TestU13PlantedSessionLabel(t *testing.T) {
	s := start(t, options{})
	sessions := filepath.Join(s.dataDir, "medpath", "sessions")
	write(t, sessions, "planted.yaml", "# medpath session\n# label: \x1b[5;31mAna\x1b]8;;http://evil.example\x1b\\Lee\x1b]8;;\x1b\\ \u202Efdp.exe\n# saved: 2026-11-24T21:15:00Z\neducation: associate\n")
	s.walk(welcome)
	scr := s.waitFor("fdp.exe")
	if strings.ContainsRune(scr, '\u202E') || !strings.Contains(scr, "AnaLee fdp.exe") {
		t.Errorf("the label is not plain:\n%s", scr)
	}
	styled := s.must("capture-pane", "-p", "-e", "-t", s.session)
	for _, l := range strings.Split(styled, "\n") {
		if strings.Contains(l, "fdp.exe") && (strings.Contains(l, "\x1b[5m") || strings.Contains(l, ";5m") || strings.Contains(l, "\x1b[5;")) {
			t.Errorf("the label blinks: %q", l)
		}
	}
	s.keys("C-c")
	s.mustExit(cancelled)
}

// TestU14Fractions: a fraction within float rounding of a whole number is
// not taken for that number.
func TestU14Fractions(t *testing.T) {
	refused(t, runBin(t, runOpts{}, "report", "--answers", write(t, t.TempDir(), "f.yaml", "budget: 4999.9999999999999999\n")), 2, "budget: expected a whole number")
}

// TestU15ProblemsCapped: 1 MiB of unknown keys, and 10,000 unknown CSV
// columns, give a short list.
func TestU15ProblemsCapped(t *testing.T) {
	dir := t.TempDir()
	var few strings.Builder
	for i := range 900 {
		fmt.Fprintf(&few, "unknown_%d: 1\n", i)
	}
	for body, want := range map[string]string{few.String(): "... and 850 more problems in this file", unknownKeys(): "a mapping of"} {
		r := runBin(t, runOpts{}, "report", "--answers", write(t, dir, "keys.yaml", body))
		refused(t, r, 2, want)
		if n := strings.Count(r.stderr, "\n"); n > 60 {
			t.Errorf("%d lines of problems", n)
		}
	}
	cols := make([]string, 10000)
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d", i)
	}
	r := runBin(t, runOpts{}, "batch", write(t, dir, "c5.csv", strings.Join(cols, ",")+"\n"))
	refused(t, r, 2, "c5.csv:1:")
	if n := strings.Count(r.stderr, "\n"); n > 60 {
		t.Errorf("%d lines for 10,000 columns", n)
	}
}

// TestU16UnwritableFoldersFirst: in accessible mode an unwritable --out or
// --session folder is found before the first question.
func TestU16UnwritableFoldersFirst(t *testing.T) {
	dir := t.TempDir()
	blocker := write(t, dir, "file", "x")
	for _, flag := range []string{"--out", "--session"} {
		r := runBin(t, runOpts{stdin: strings.NewReader(strings.Repeat("\n", 60))}, "--accessible", flag, filepath.Join(blocker, "sub"))
		refused(t, r, 1, "cannot save to folder")
		if strings.Contains(r.stdout, "Question 1") {
			t.Errorf("%s: the questions came first:\n%.300s", flag, r.stdout)
		}
	}
}
