package session_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

func TestSessionSaveLoadList(t *testing.T) {
	e := engine(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	a := advisor.Answers{"education": "associate", "lab_work": 4, "certifications_held": []string{"pbt-ascp"}}
	p1 := session.NewPath(dir, "Maria José", now)
	if !strings.HasSuffix(p1, "maria-josé-20261124-093000.yaml") {
		t.Errorf("path %s", p1)
	}
	if err := session.Save(e, p1, "Maria José", a, now); err != nil {
		t.Fatal(err)
	}
	p2 := session.NewPath(dir, "", now.Add(time.Hour))
	if err := session.Save(e, p2, "", advisor.Answers{}, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p1)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("session mode %v %v", st.Mode(), err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", st.Mode())
	}
	label, back, err := session.Load(e, p1)
	if err != nil || label != "Maria José" || !reflect.DeepEqual(back, a) {
		t.Fatalf("load: %q %v %v", label, back, err)
	}
	list, err := session.List(dir)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %v %v", list, err)
	}
	if list[0].Path != p2 || list[1].Label != "Maria José" || !list[1].Saved.Equal(now) {
		t.Errorf("want newest first with labels and times: %+v", list)
	}
	// a session file is an ordinary answers file
	b, _ := os.ReadFile(p1)
	if _, err := e.ParseAnswers(p1, b); err != nil {
		t.Errorf("a session should load as answers: %v", err)
	}
	if l, err := session.List(filepath.Join(dir, "missing")); err != nil || l != nil {
		t.Errorf("a missing folder is no sessions: %v %v", l, err)
	}
}

func TestSessionUnwritableFolder(t *testing.T) {
	e := engine(t)
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, []byte("x"), 0o600)
	err := session.Save(e, filepath.Join(blocker, "s.yaml"), "x", advisor.Answers{}, time.Now())
	if err == nil || !strings.Contains(err.Error(), "cannot save the session in") {
		t.Fatalf("want a clear error, got %v", err)
	}
}

// TestSessionSaveSurvivesKill kills a process that saves a session in a tight
// loop, at a different moment each time, and checks that the file is always
// whole: the old answers or the new, never truncated or empty.
func TestSessionSaveSurvivesKill(t *testing.T) {
	if os.Getenv("MEDPATH_SAVE_LOOP") != "" {
		saveLoop(t, os.Getenv("MEDPATH_SAVE_LOOP"))
		return
	}
	e := engine(t)
	path := filepath.Join(t.TempDir(), "s.yaml")
	for i := range 25 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSessionSaveSurvivesKill$")
		cmd.Env = append(os.Environ(), "MEDPATH_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+i*7) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		b, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue // killed before the first save finished: nothing half-written either
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := e.ParseAnswers(path, b)
		if err != nil || len(a) != 3 {
			t.Fatalf("round %d: the session is damaged (%d bytes): %v\n%s", i, len(b), err, b)
		}
	}
}

func saveLoop(t *testing.T, path string) {
	e := engine(t)
	for n := 0; ; n++ {
		a := advisor.Answers{"budget": n % 100000, "education": "bachelor", "lab_work": 1 + n%5}
		if err := session.Save(e, path, "loop", a, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
}
