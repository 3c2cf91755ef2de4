package tui

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// TestSessionCtl drives the session controller on its own: a save is asked
// for only when the visible answers change, a late save of an earlier
// session is ignored, a failed save is a problem until a save works, and a
// new session starts without a file.
func TestSessionCtl(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	c := newSessionCtl(e, Options{SessionDir: dir, Now: func() time.Time { return sessNow }}, advisor.Answers{})
	if !c.on || c.fixed || !c.switches() || !c.holds() || c.listing() == nil {
		t.Fatalf("a session folder: on %v, fixed %v, switches %v, holds %v", c.on, c.fixed, c.switches(), c.holds())
	}
	if c.save(advisor.Answers{}) != nil {
		t.Error("a save was asked for answers that did not change")
	}
	a := advisor.Answers{"education": "associate"}
	cmd := c.save(a)
	if cmd == nil || c.save(a) != nil {
		t.Fatal("a change asks for one save, and only one")
	}
	saved, ok := cmd().(sessionSavedMsg)
	if !ok || saved.err != nil || filepath.Dir(saved.path) != dir {
		t.Fatalf("the save command: %#v", saved)
	}

	st := note("something on show")
	var got status
	c, got = c.update(sessionSavedMsg{gen: c.gen - 1, err: errors.New("old")}, st)
	if got != st || c.failed {
		t.Errorf("a save of an earlier session changed the status to %+v", got)
	}
	c, got = c.update(sessionSavedMsg{gen: c.gen, err: errors.New("disk full")}, st)
	if !got.err || !c.failed || c.holds() {
		t.Errorf("a failed save: status %+v, failed %v", got, c.failed)
	}
	c, got = c.update(saved, got)
	if got != (status{}) || c.failed || c.path != saved.path {
		t.Errorf("a save after a failure: status %+v, failed %v, path %q", got, c.failed, c.path)
	}
	if p, err := c.finish(); p != saved.path || err != nil {
		t.Errorf("finish: %q %v", p, err)
	}

	c, got = c.update(sessionsListedMsg{list: []session.Info{{Path: saved.path}, {Path: "other.yaml", Saved: sessNow}}}, status{})
	if len(c.others()) != 1 || c.others()[0].Path != "other.yaml" || got != (status{}) {
		t.Errorf("others %v (the one in progress left out), status %+v", c.others(), got)
	}
	if s := c.continuing("other.yaml", ""); s.text != "Continuing the session, saved today 15:00." {
		t.Errorf("continuing: %q", s.text)
	}

	gen := c.gen
	fresh, list := c.begin("Lee")
	if !fresh || list == nil || c.path != "" || c.label != "Lee" || c.gen != gen+1 {
		t.Errorf("a new session: fresh %v, path %q, label %q, gen %d", fresh, c.path, c.label, c.gen)
	}

	fixed := newSessionCtl(e, Options{SessionPath: filepath.Join(dir, "s.yaml")}, nil)
	if fresh, list := fixed.begin("Ann"); fresh || list != nil || fixed.switches() || fixed.label != "Ann" {
		t.Errorf("--session FILE: a new session only names it (fresh %v, label %q)", fresh, fixed.label)
	}
	off := newSessionCtl(e, Options{}, nil)
	if off.save(a) != nil || off.holds() || off.listing() != nil {
		t.Error("sessions off: nothing is saved or listed")
	}
	if p, err := off.finish(); p != "" || err != nil {
		t.Errorf("sessions off, finish: %q %v", p, err)
	}
}
