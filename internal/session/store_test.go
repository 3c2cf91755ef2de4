package session_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

var storeNow = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

func TestStoreNewestWins(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	s := session.NewStore(e)
	at := storeNow
	s.Want(session.Request{Gen: 0, Dir: dir, Label: "x", Answers: advisor.Answers{"budget": 1}, At: at})
	s.Want(session.Request{Gen: 0, Dir: dir, Label: "x", Answers: advisor.Answers{"budget": 2}, At: at})
	_, p, a, err := s.Flush()
	if err != nil || a["budget"] != 2 {
		t.Fatalf("flush: %v %v", a, err)
	}
	// Nothing owed: a second flush writes nothing and reports the file.
	if _, p2, _, err := s.Flush(); p2 != p || err != nil {
		t.Fatalf("second flush: %q %v", p2, err)
	}
	if r, err := s.Result(); r != p || err != nil {
		t.Fatalf("result: %q %v", r, err)
	}
	// A new session with the same label in the same second gets its own file.
	s.Use(1, "", nil)
	s.Want(session.Request{Gen: 1, Dir: dir, Label: "x", Answers: advisor.Answers{"budget": 3}, At: at})
	_, p3, _, err := s.Flush()
	if err != nil || p3 == p || !strings.HasSuffix(p3, "-2.yaml") {
		t.Fatalf("second session: %q (first %q) %v", p3, p, err)
	}
	if _, a, _ := session.Load(e, p); a["budget"] != 2 {
		t.Errorf("the first session was overwritten: %v", a)
	}
}

// TestStoreFailedSaveIsOwed: a save that fails stays asked for; Result says
// why, and the next Flush, once the folder can be written, writes it.
func TestStoreFailedSaveIsOwed(t *testing.T) {
	e := engine(t)
	root := t.TempDir()
	blocker := filepath.Join(root, "sessions")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := session.NewStore(e)
	s.Want(session.Request{Dir: blocker, Label: "ann", Answers: advisor.Answers{"budget": 7}, At: storeNow})
	if _, _, _, err := s.Flush(); err == nil {
		t.Fatal("a save under a file succeeded")
	}
	if p, err := s.Result(); p != "" || err == nil || !strings.Contains(err.Error(), "cannot save the session") {
		t.Fatalf("result after a failed save: %q %v", p, err)
	}
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	_, p, a, err := s.Flush()
	if err != nil || a["budget"] != 7 || filepath.Dir(p) != blocker {
		t.Fatalf("retry: %q %v %v", p, a, err)
	}
	if r, err := s.Result(); r != p || err != nil {
		t.Fatalf("result after the retry: %q %v", r, err)
	}
}

// TestStoreConcurrentFlush: flushes from several goroutines, with saves
// asked for in between, end with the newest answers in the file.
func TestStoreConcurrentFlush(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "s.yaml")
	s := session.NewStore(e)
	var wg sync.WaitGroup
	for i := 1; i <= 20; i++ {
		s.Want(session.Request{Path: path, Answers: advisor.Answers{"budget": i}, At: storeNow})
		wg.Go(func() { _, _, _, _ = s.Flush() })
	}
	wg.Wait()
	_, _, _, _ = s.Flush()
	if _, a, err := session.Load(e, path); err != nil || a["budget"] != 20 {
		t.Fatalf("the file holds %v (%v), want the newest answers", a, err)
	}
}
