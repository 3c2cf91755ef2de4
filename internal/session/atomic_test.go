package session_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"medpath/internal/session"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte("old and longer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := session.WriteFile(p, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new\n" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\\n\" mode 0600", b, st.Mode().Perm())
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Errorf("the folder holds %v; want only f.txt", n)
	}
}

func TestWriteFileUnwritable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := session.WriteFile(filepath.Join(blocker, "x"), []byte("y"))
	if !errors.Is(err, syscall.ENOTDIR) {
		t.Fatalf("err = %v; want a not-a-directory error", err)
	}
	if b, _ := os.ReadFile(blocker); string(b) != "keep me" {
		t.Error("a failed write touched an existing file")
	}
}

func TestAtomicFileAbortKeepsTheOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := session.CreateAtomic(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("half a fil"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old\n" {
		t.Errorf("before Commit the final name holds %q", b)
	}
	f.Abort()
	f.Abort() // twice is harmless
	if b, _ := os.ReadFile(p); string(b) != "old\n" {
		t.Errorf("after Abort the final name holds %q", b)
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Errorf("the folder holds %v after Abort; want only out.csv", n)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

func TestAtomicFileCommitThenAbort(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	f, err := session.CreateAtomic(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("a,b\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // deferred by callers: a no-op after Commit
	b, err := os.ReadFile(p)
	st, _ := os.Stat(p)
	if err != nil || string(b) != "a,b\n" || st.Mode().Perm() != 0o600 {
		t.Errorf("after Commit: %q mode %v (%v)", b, st.Mode().Perm(), err)
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Errorf("the folder holds %v; want only out.csv", n)
	}
}
