package session_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

func TestRenameKeepsAnswersAndTime(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "maria-20261124-141000.yaml")
	at := time.Date(2026, 11, 24, 14, 10, 0, 0, time.UTC)
	a := advisor.Answers{"education": "associate", "timeline_months": 24}
	if err := session.Save(e, path, "Maria", a, at); err != nil {
		t.Fatal(err)
	}
	if err := session.Rename(path, "Maria Lopez\x1b[31m"); err != nil {
		t.Fatal(err)
	}
	label, got, err := session.Load(e, path)
	if err != nil || !strings.HasPrefix(label, "Maria Lopez") || strings.ContainsRune(label, 0x1b) || !reflect.DeepEqual(got, a) {
		t.Fatalf("after rename: %q %v %v", label, got, err)
	}
	list, _ := session.List(dir)
	if len(list) != 1 || !list[0].Saved.Equal(at) || list[0].Label != label {
		t.Fatalf("list after rename: %+v", list)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
}

func TestDeleteOnlySessions(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "lee.yaml")
	if err := session.Save(e, path, "Lee", advisor.Answers{"education": "bachelor"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.yaml")
	os.WriteFile(other, []byte("education: bachelor\n"), 0o600)
	if err := session.Delete(other); !errors.Is(err, session.ErrNotSession) {
		t.Errorf("deleting a file that is not a session: %v", err)
	}
	if err := session.Rename(other, "x"); !errors.Is(err, session.ErrNotSession) {
		t.Errorf("renaming a file that is not a session: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("the other file is gone")
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(path, link); err == nil {
		if err := session.Delete(link); !errors.Is(err, session.ErrNotSession) {
			t.Errorf("deleting through a link: %v", err)
		}
	}
	if err := session.Delete(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the session is still there")
	}
	if err := session.Delete(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("deleting it again: %v", err)
	}
}
