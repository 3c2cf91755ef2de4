package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Helpers for the reliability tests: running the binary with a memory limit
// and a deadline, and the attack inputs of ../shared/review/reliability.md,
// built in the test's temporary folder. Nothing here touches a file outside
// that folder; device nodes are made there with mknod, as root only.

// memLimitMiB is the memory every attack run is held to (RLIMIT_DATA, which
// Go's heap counts against; RLIMIT_AS cannot be used: the Go runtime
// reserves more address space than that at start-up).
const memLimitMiB = 512

// runOpts are the conditions of one run of the binary.
type runOpts struct {
	dir     string        // the working folder; "" is a new temporary one
	stdin   io.Reader     // nil: empty
	env     []string      // added to a clean environment
	timeout time.Duration // the process is killed after it; 0 is 15 s
	memMiB  int           // RLIMIT_DATA in MiB; 0 is memLimitMiB, -1 none
	stdout  *os.File      // stdout; nil captures it
}

// runResult is how one run ended.
type runResult struct {
	code           int // exit code; -1 when a signal ended the process
	stdout, stderr string
	took           time.Duration
	rssMiB         int64 // peak resident memory
	killed         bool  // the deadline passed
}

func (r runResult) String() string {
	return fmt.Sprintf("exit %d after %v, %d MiB peak%s\nstderr: %.600q\nstdout: %.300q",
		r.code, r.took.Round(time.Millisecond), r.rssMiB, map[bool]string{true: ", KILLED at the deadline"}[r.killed], r.stderr, r.stdout)
}

// runBin runs the medpath binary with args under o.
func runBin(t *testing.T, o runOpts, args ...string) runResult {
	t.Helper()
	bin := binary(t)
	if o.dir == "" {
		o.dir = t.TempDir()
	}
	if o.timeout == 0 {
		o.timeout = 15 * time.Second
	}
	if o.memMiB == 0 {
		o.memMiB = memLimitMiB
	}
	script := `exec "$@"`
	if o.memMiB > 0 {
		script = `ulimit -d ` + strconv.Itoa(o.memMiB*1024) + ` && ` + script
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", script, "sh", bin}, args...)...)
	cmd.Dir = o.dir
	home := t.TempDir()
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"TERM=xterm", "ACCESSIBLE=", "MEDPATH_TEST_PANIC=", "LANG=C.UTF-8"}, o.env...)
	cmd.Stdin = o.stdin
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if o.stdout != nil {
		cmd.Stdout = o.stdout
	}
	start := time.Now()
	err := cmd.Run()
	r := runResult{took: time.Since(start), stdout: out.String(), stderr: errOut.String(), killed: ctx.Err() != nil}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("run %v: %v", args, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssMiB = ru.Maxrss / 1024 // KiB on Linux
	}
	return r
}

// write writes body to dir/name (folders made) and returns the path.
func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// mknod makes a character device node dir/name with the numbers of a Linux
// memory device (1,3 null; 1,5 zero; 1,7 full), as root; otherwise it skips
// the test with a message. It is made inside the test's folder only.
func mknod(t *testing.T, dir, name string, minor uint32) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("not root: device nodes cannot be made (mknod needs root); run as root to test devices")
	}
	p := filepath.Join(dir, name)
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(1<<8|minor)); err != nil {
		t.Fatalf("mknod %s: %v", p, err)
	}
	return p
}

// mkfifo makes a FIFO dir/name.
func mkfifo(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatalf("mkfifo %s: %v", p, err)
	}
	return p
}

// The overlays of the review.

// evilCPU is S1's first overlay: all() nested ten deep over the twelve
// licensing states (12^10 steps).
func evilCPU(t *testing.T, dir string) string {
	cond := strings.Repeat("all(licensing_states, ", 10) + "true" + strings.Repeat(")", 10)
	write(t, dir, "evil-cpu/x.yaml", "rules:\n  - id: evil\n    when: '"+cond+"'\n    score: {mlt: 1}\n    because: test\n")
	return filepath.Join(dir, "evil-cpu")
}

// evilMem is S1's second overlay: a string doubled forty times with let.
func evilMem(t *testing.T, dir string) string {
	parts := []string{`let v0 = "xxxxxxxxxxxxxxxx"`}
	for i := 1; i <= 40; i++ {
		parts = append(parts, fmt.Sprintf("let v%d = v%d + v%d", i, i-1, i-1))
	}
	write(t, dir, "evil-mem/x.yaml", "rules:\n  - id: evil\n    when: '"+strings.Join(parts, "; ")+"; len(v40) > 0'\n    score: {mlt: 1}\n    because: test\n")
	return filepath.Join(dir, "evil-mem")
}

// aliasOverlay is S6's: 98 aliases reaching 2,401 copies of a mapping of
// 20,000 keys.
func aliasOverlay(t *testing.T, dir string) string {
	var o strings.Builder
	o.WriteString("{")
	for i := range 20000 {
		if i > 0 {
			o.WriteString(", ")
		}
		fmt.Fprintf(&o, "k%d: 1", i)
	}
	o.WriteString("}")
	refs := func(a string) string { return strings.TrimSuffix(strings.Repeat(a+", ", 49), ", ") }
	write(t, dir, "alias/x.yaml", "x1: &o "+o.String()+"\nx2: &q {id: qq, options: ["+refs("*o")+"]}\nquestions: ["+refs("*q")+"]\n")
	return filepath.Join(dir, "alias")
}

// bigOverlay is S7's: files files of 1 MiB of one-character items where a
// list of mappings is expected.
func bigOverlay(t *testing.T, dir string, files int) string {
	n := (1048576 - 10) / 2
	body := "faq: [" + strings.TrimSuffix(strings.Repeat("a,", n-2), ",") + "]\n"
	for i := range files {
		write(t, dir, fmt.Sprintf("big%d/x%d.yaml", files, i), body)
	}
	return filepath.Join(dir, fmt.Sprintf("big%d", files))
}

// lakeside is the example overlay with old replaced by new.
func lakeside(t *testing.T, dir, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "counselor", "lakeside.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("lakeside.yaml has no %q", old)
	}
	write(t, dir, name+"/lakeside.yaml", strings.Replace(string(b), old, new, 1))
	return filepath.Join(dir, name)
}

// unknownKeys is about 1 MiB of unknown keys (U15, B7).
func unknownKeys() string {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20-32; i++ {
		fmt.Fprintf(&b, "unknown_key_%06d_with_a_long_name_to_fill_the_file: 1\n", i)
	}
	return b.String()
}

// bigLine writes dir/name: head, then n bytes of c, then tail, without
// holding it all in memory.
func bigLine(t *testing.T, dir, name, head string, c byte, n int, tail string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(head)
	chunk := bytes.Repeat([]byte{c}, 1<<20)
	for left := n; left > 0; left -= len(chunk) {
		if _, err := f.Write(chunk[:min(left, len(chunk))]); err != nil {
			t.Fatal(err)
		}
	}
	f.WriteString(tail)
	return p
}

// execCommand is the binary with args in a clean environment (its own HOME),
// for tests that send it signals.
func execCommand(t *testing.T, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	home := t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"TERM=xterm", "ACCESSIBLE=", "MEDPATH_TEST_PANIC=", "LANG=C.UTF-8"}
	return cmd
}
