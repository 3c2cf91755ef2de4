//go:build unix

package session_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// special makes a file of each kind that is not a regular file inside dir:
// a FIFO, a folder, a symbolic link to a regular file, a dangling link, and
// (as root only) a character device with the numbers of /dev/null. It never
// touches anything outside dir.
func special(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	m["FIFO"] = fifo
	folder := filepath.Join(dir, "folder.yaml")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	m["folder"] = folder
	target := filepath.Join(dir, "target.yaml")
	if err := os.WriteFile(target, []byte("education: associate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	m["symbolic link"] = link
	if os.Geteuid() == 0 {
		dev := filepath.Join(dir, "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
			t.Fatalf("mknod in the temporary folder: %v", err)
		}
		m["character device"] = dev
	} else {
		t.Log("not root: no device node test (mknod needs root)")
	}
	return m
}

// mkdev is makedev(major, minor) for Linux's device numbers.
func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor)
}

// TestH1SessionReadsAreBounded: a session or answers file that is a FIFO, a
// folder or a device is refused at once, and a regular file over 1 MiB is
// refused after reading just over 1 MiB.
func TestH1SessionReadsAreBounded(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	for kind, p := range special(t, dir) {
		if kind == "symbolic link" {
			continue // a link to a regular file reads it
		}
		done := make(chan error, 1)
		go func() { _, _, err := session.Load(e, p); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, session.ErrNotRegular) && !strings.Contains(err.Error(), "is a directory") {
				t.Errorf("%s: %v; want a not-a-regular-file error", kind, err)
			}
			if err != nil && !strings.Contains(err.Error(), p) {
				t.Errorf("%s: the error does not name the path: %v", kind, err)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: Load did not return", kind)
		}
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("#", 2<<20)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := session.Load(e, big); err == nil || !strings.Contains(err.Error(), "over 1 MiB") {
		t.Errorf("a 2 MiB session: %v", err)
	}
	if os.Geteuid() == 0 {
		zero := filepath.Join(dir, "zero")
		if err := syscall.Mknod(zero, syscall.S_IFCHR|0o444, int(mkdev(1, 5))); err != nil {
			t.Fatal(err)
		}
		if _, err := session.ReadRegular(zero); !errors.Is(err, session.ErrNotRegular) {
			t.Errorf("a zero device: %v", err)
		}
	}
}

// TestS3OutputsAreNeverReplaced: an atomic write to a device, a FIFO, a
// folder or a symbolic link is refused before anything is created, and the
// node is left as it was.
func TestS3OutputsAreNeverReplaced(t *testing.T) {
	dir := t.TempDir()
	for kind, p := range special(t, dir) {
		before, _ := os.Lstat(p)
		err := session.WriteFile(p, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), kind) {
			t.Errorf("%s: %v; want an error naming %s and saying it is %s", kind, err, p, kind)
		}
		after, _ := os.Lstat(p)
		if after == nil || after.Mode() != before.Mode() {
			t.Errorf("%s: the node changed from %v to %v", kind, before.Mode(), after)
		}
	}
	for _, name := range entries(t, dir) {
		if strings.Contains(name, ".tmp-") {
			t.Errorf("a temporary file was left: %s", name)
		}
	}
}

// TestD2OutputIsNotAnInput: CheckOutput refuses a path that is one of the
// inputs, by name or through a link.
func TestD2OutputIsNotAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.csv")
	if err := os.WriteFile(in, []byte("id,education\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, dir + "/./c.csv", hard} {
		if err := session.CheckOutput(out, in); err == nil || !strings.Contains(err.Error(), "it is the input") {
			t.Errorf("CheckOutput(%s, %s) = %v", out, in, err)
		}
	}
	if err := session.CheckOutput(filepath.Join(dir, "new.csv"), in); err != nil {
		t.Errorf("a new file: %v", err)
	}
}

// TestU12SessionThroughALink: Resolve gives the target of a link, so a
// session saved through it updates the target and leaves the link a link.
func TestU12SessionThroughALink(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "real.yaml")
	if err := session.Save(e, target, "Ana", advisor.Answers{"education": "associate"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	if got := session.Resolve(link); got != target {
		t.Fatalf("Resolve(%s) = %s, want %s", link, got, target)
	}
	if err := session.Save(e, session.Resolve(link), "Ana", advisor.Answers{"education": "bachelor"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if _, a, _ := session.Load(e, target); a["education"] != "bachelor" {
		t.Errorf("the target holds %v", a)
	}
	// Saving to the link itself is refused, never a replacement.
	if err := session.Save(e, link, "Ana", advisor.Answers{}, time.Now()); err == nil {
		t.Error("a save over a link succeeded")
	}
	// A dangling link resolves to where it points.
	dangling := filepath.Join(dir, "new-link.yaml")
	os.Symlink("later.yaml", dangling)
	if got := session.Resolve(dangling); got != filepath.Join(dir, "later.yaml") {
		t.Errorf("Resolve(dangling) = %s", got)
	}
}

// TestH3SessionListSkipsSpecialFiles: a FIFO named *.yaml in the sessions
// folder is skipped at once, not waited on.
func TestH3SessionListSkipsSpecialFiles(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	special(t, dir)
	if err := session.Save(e, filepath.Join(dir, "ok.yaml"), "OK", advisor.Answers{}, time.Now()); err != nil {
		t.Fatal(err)
	}
	done := make(chan []session.Info, 1)
	go func() { l, _ := session.List(dir); done <- l }()
	select {
	case l := <-done:
		var labels []string
		for _, i := range l {
			labels = append(labels, i.Label)
			if strings.Contains(i.Path, "fifo") || strings.Contains(i.Path, "folder") {
				t.Errorf("listed %s", i.Path)
			}
		}
		if !slices.Contains(labels, "OK") {
			t.Errorf("labels %v", labels)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("List waited on a FIFO")
	}
}

// TestU13LabelsArePlain: a label planted in a session file with escape
// sequences, a line separator or an RTL override is read back plain, and a
// label saved with them writes one comment line.
func TestU13LabelsArePlain(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	planted := filepath.Join(dir, "planted.yaml")
	if err := os.WriteFile(planted, []byte("# medpath session\n# label: \x1b[5;31mAna\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \u202Egnp.exe\n# saved: 2026-11-24T21:15:00Z\neducation: associate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, _ := session.List(dir)
	if len(l) != 1 || l[0].Label != "Analink gnp.exe" {
		t.Errorf("listed label %q", l)
	}
	p := filepath.Join(dir, "s.yaml")
	if err := session.Save(e, p, "Ana\u2029budget: 5", advisor.Answers{"education": "associate"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	label, a, err := session.Load(e, p)
	if err != nil || label != "Ana budget: 5" || len(a) != 1 {
		t.Errorf("load: %q %v %v", label, a, err)
	}
}

// TestD4Lock: a second lock on one session file fails with a LockedError
// naming the pid; a lock left by a process that has ended is taken over; a
// release removes the lock file.
func TestD4Lock(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.yaml")
	l, err := session.Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	lockFile := filepath.Join(dir, ".s.yaml.lock")
	b, err := os.ReadFile(lockFile)
	if err != nil || !strings.Contains(string(b), fmt.Sprintf("pid: %d\n", os.Getpid())) {
		t.Fatalf("lock file: %q %v", b, err)
	}
	if again, err := session.Acquire(p); err != nil || again != l {
		t.Errorf("this process's own lock: %v", err)
	}
	l.Release()
	l.Release()
	if _, err := os.Stat(lockFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is left after Release: %v", err)
	}

	// A lock of a live process (this test's parent shell stands in: a
	// process that runs and is not this one).
	host, _ := os.Hostname()
	live := os.Getppid()
	if err := os.WriteFile(lockFile, fmt.Appendf(nil, "medpath session lock\npid: %d\nstart: \nhost: %s\nsince: 2026-11-30T10:00:00Z\n", live, host), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = session.Acquire(p)
	var le *session.LockedError
	if !errors.As(err, &le) || le.PID != live || !strings.Contains(err.Error(), "is open in another medpath (pid ") {
		t.Fatalf("a live lock: %v", err)
	}

	// A lock of a process that has ended is stale: taken over.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	os.WriteFile(lockFile, fmt.Appendf(nil, "medpath session lock\npid: %d\nstart: 1\nhost: %s\nsince: 2026-11-30T10:00:00Z\n", dead, host), 0o600)
	l, err = session.Acquire(p)
	if err != nil {
		t.Fatalf("a stale lock was not taken over: %v", err)
	}
	l.Release()

	// A pid that runs but started at another time is another program: stale.
	os.WriteFile(lockFile, fmt.Appendf(nil, "medpath session lock\npid: %d\nstart: 1\nhost: %s\nsince: 2026-11-30T10:00:00Z\n", live, host), 0o600)
	if l, err = session.Acquire(p); err != nil {
		t.Fatalf("a lock of a reused pid was not taken over: %v", err)
	}
	l.Release()

	// A lock from another host cannot be checked: it holds.
	os.WriteFile(lockFile, []byte("medpath session lock\npid: 1\nstart: 1\nhost: elsewhere.example\nsince: 2026-11-30T10:00:00Z\n"), 0o600)
	if _, err = session.Acquire(p); !errors.As(err, &le) || !strings.Contains(err.Error(), "on elsewhere.example") {
		t.Fatalf("another host's lock: %v", err)
	}
	os.Remove(lockFile)
}

// TestD4LockAcrossProcesses: a lock held by another running process (a
// helper copy of this test binary) is refused; once that process is killed
// with SIGKILL, which leaves its lock file, the lock is taken over.
func TestD4LockAcrossProcesses(t *testing.T) {
	if p := os.Getenv("MEDPATH_HOLD_LOCK"); p != "" {
		if _, err := session.Acquire(p); err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		fmt.Println("LOCKED")
		time.Sleep(time.Minute)
		return
	}
	p := filepath.Join(t.TempDir(), "s.yaml")
	cmd := exec.Command(os.Args[0], "-test.run=^TestD4LockAcrossProcesses$")
	cmd.Env = append(os.Environ(), "MEDPATH_HOLD_LOCK="+p)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "LOCKED") {
		t.Fatalf("the helper did not lock: %q", buf[:n])
	}
	_, err := session.Acquire(p)
	var le *session.LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("want a LockedError for pid %d, got %v", cmd.Process.Pid, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := session.Acquire(p)
	if err != nil {
		t.Fatalf("the lock of a killed process was not taken over: %v", err)
	}
	l.Release()
}

// TestD4StoreDoesNotSaveOverAnotherAdvisor: a store asked to save to a
// session file another advisor holds fails with the LockedError and leaves
// the file as the other advisor wrote it; Cleanup releases the store's locks.
func TestD4StoreDoesNotSaveOverAnotherAdvisor(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "s.yaml")
	if err := session.Save(e, p, "B", advisor.Answers{"education": "none"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	lockFile := filepath.Join(dir, ".s.yaml.lock")
	os.WriteFile(lockFile, fmt.Appendf(nil, "medpath session lock\npid: %d\nstart: \nhost: %s\nsince: 2026-11-30T10:00:00Z\n", os.Getppid(), host), 0o600)
	s := session.NewStore(e)
	s.Use(0, p, nil)
	s.Want(session.Request{Path: p, Label: "A", Answers: advisor.Answers{"education": "bachelor"}, At: time.Now()})
	_, _, _, err := s.Flush()
	var le *session.LockedError
	if !errors.As(err, &le) {
		t.Fatalf("a save to a locked file: %v", err)
	}
	if _, a, _ := session.Load(e, p); a["education"] != "none" {
		t.Errorf("the other advisor's answers were overwritten: %v", a)
	}
	os.Remove(lockFile)

	// Free now: the store locks it, saves, and Cleanup lets it go.
	if _, _, _, err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if !session.Holds(p) {
		t.Error("the store saved without holding the lock")
	}
	// A new session file made by the store is locked too.
	s2 := session.NewStore(e)
	s2.Want(session.Request{Gen: 0, Dir: dir, Label: "new", Answers: advisor.Answers{"budget": 1}, At: time.Now()})
	_, np, _, err := s2.Flush()
	if err != nil || !session.Holds(np) {
		t.Fatalf("new file %s: %v, held %v", np, err, session.Holds(np))
	}
	session.Cleanup()
	if session.Holds(p) || session.Holds(np) {
		t.Error("Cleanup left a lock")
	}
	for _, n := range entries(t, dir) {
		if strings.HasSuffix(n, ".lock") {
			t.Errorf("lock file %s left after Cleanup", n)
		}
	}
}

// TestD7CleanupRemovesTemporaryFiles: an atomic file neither committed nor
// aborted (a command stopped by a signal) is removed by Cleanup.
func TestD7CleanupRemovesTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	f, err := session.CreateAtomic(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	if n := entries(t, dir); len(n) != 1 {
		t.Fatalf("folder %v", n)
	}
	session.Cleanup()
	if n := entries(t, dir); len(n) != 0 {
		t.Errorf("Cleanup left %v", n)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Cleanup succeeded")
	}
}
