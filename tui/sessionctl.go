package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// sessionCtl keeps the session file in step with the answers. With sessions
// on, every change of the visible answers asks for a save (what-if answers
// are not changes until kept); the file is written by a command, never in
// Update, through a store shared by every copy of the model and by Run, so
// that after a crash or a signal Run still writes the newest answers and
// says where they are (internal/session). It also lists the saved sessions
// for the welcome, and starts and continues sessions. The root holds one
// and hands it the session messages.
type sessionCtl struct {
	on     bool            // sessions are on
	fixed  bool            // --session FILE: no other session can be started or continued
	dir    string          // the folder of saved sessions
	path   string          // the file: --session, a continued session, or made by the first save
	label  string          // the session's name (a student's name or an id)
	gen    int             // counts sessions, so a late save of one never lands in another
	asked  advisor.Answers // the visible answers last asked to be saved (or loaded)
	failed bool            // the last save failed: quitting would lose the answers
	list   []session.Info  // the saved sessions found in dir
	store  *session.Store
	clock  func() time.Time
}

// newSessionCtl returns the controller for the options, starting from the
// visible answers v.
func newSessionCtl(eng *advisor.Engine, o Options, v advisor.Answers) sessionCtl {
	clock := o.Now
	if clock == nil {
		clock = time.Now
	}
	return sessionCtl{
		on: o.SessionDir != "" || o.SessionPath != "", fixed: o.SessionPath != "",
		dir: o.SessionDir, path: o.SessionPath, asked: v, store: session.NewStore(eng), clock: clock,
	}
}

// now is the time by the controller's clock.
func (c sessionCtl) now() time.Time { return c.clock() }

// switches reports whether other sessions can be started or continued.
func (c sessionCtl) switches() bool { return c.on && !c.fixed }

// holds reports whether the session holds the answers, or will once the
// save asked for is written: quitting loses nothing.
func (c sessionCtl) holds() bool { return c.on && !c.failed }

// listing returns the command that lists the saved sessions, when other
// sessions can be continued.
func (c sessionCtl) listing() tea.Cmd {
	if !c.switches() || c.dir == "" {
		return nil
	}
	return listSessions(c.dir)
}

// save asks for the visible answers v to be saved when they differ from the
// last ones asked for, and returns the command that writes them (the first
// save of a new session makes its file).
func (c *sessionCtl) save(v advisor.Answers) tea.Cmd {
	if !c.on || v.Equal(c.asked) {
		return nil
	}
	c.asked = v
	c.store.Want(session.Request{Gen: c.gen, Path: c.path, Dir: c.dir, Label: c.label, Answers: v, At: c.now()})
	return saveSession(c.store)
}

// open makes the session in path, named label and holding the visible
// answers v (just read from the file), the current one.
func (c *sessionCtl) open(path, label string, v advisor.Answers) {
	c.gen++
	c.path, c.label, c.asked, c.failed = path, label, v, false
	c.store.Use(c.gen, path, v)
}

// begin starts a new session named label. With --session FILE it only names
// the session in that file and fresh is false; otherwise the session is a
// new one, with no answers and no file until the first save, and list lists
// the saved sessions again (the last student's is one of them now).
func (c *sessionCtl) begin(label string) (fresh bool, list tea.Cmd) {
	c.label = label
	if c.fixed {
		return false, nil
	}
	c.gen++
	c.path, c.asked, c.failed = "", advisor.Answers{}, false
	c.store.Use(c.gen, "", nil)
	return true, c.listing()
}

// update takes the end of a listing or of a save, and returns the status
// line to show: st, the one on show, unless the message changes it.
func (c sessionCtl) update(msg tea.Msg, st status) (sessionCtl, status) {
	switch msg := msg.(type) {
	case sessionsListedMsg:
		c.list = msg.list
		if msg.err != nil {
			st = problem("! could not list the saved sessions: " + msg.err.Error())
		}
	case sessionSavedMsg:
		if msg.gen != c.gen {
			return c, st // a save of an earlier session
		}
		if msg.err != nil {
			c.failed = true
			st := problem("! could not save the session: " + msg.err.Error())
			st.sticky = true
			return c, st
		}
		if c.failed && st.err {
			st = status{} // the failure is over
		}
		c.path, c.failed = msg.path, false
	}
	return c, st
}

// continuing is the status line after the session in path, named label, was
// opened.
func (c sessionCtl) continuing(path, label string) status {
	if label == "" {
		label = "the session"
	}
	return note(fmt.Sprintf("Continuing %s, saved %s.", label, c.savedDate(path)))
}

// others are the saved sessions listed, less the one in progress.
func (c sessionCtl) others() []session.Info {
	var out []session.Info
	for _, s := range c.list {
		if c.path == "" || s.Path != c.path {
			out = append(out, s)
		}
	}
	return out
}

// savedDate is when the listed session in path was saved, for people.
func (c sessionCtl) savedDate(path string) string {
	for _, s := range c.list {
		if s.Path == path {
			return sessionDate(s.Saved, c.now())
		}
	}
	return "earlier"
}

// finish writes the save still owed, if any, and returns the file holding
// the newest answers or why they could not be written. Run calls it once
// the program has ended, however it ended.
func (c sessionCtl) finish() (string, error) {
	if !c.on {
		return "", nil
	}
	_, _, _, _ = c.store.Flush()
	return c.store.Result()
}
