package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
	"medpath/internal/session"
)

// welcomeScreen says what medpath does and how long it takes, promises that
// nothing leaves the computer, and offers to start (or to continue with
// answers given with --answers).
//
// With sessions on, the item that starts a new session carries a name field
// (a student's first name or an id, optional): while the cursor is on it,
// letters type into the field, so q and ? are letters there too; enter
// starts. Under the menu are the saved sessions, newest first, a window of
// them at a time; enter on one continues it.
type welcomeScreen struct {
	c       *common
	keys    keyMap
	typing  keyMap // the keys while the name field has the cursor
	answers int    // how many answers the student already has
	total   int    // how many questions they would see
	items   []welcomeItem
	cursor  int

	sessions bool            // sessions are on: starting new asks for a name
	switches bool            // other sessions can be started or continued (no --session FILE)
	current  string          // the label of the session in progress, when it has one
	saved    []session.Info  // saved sessions to continue, newest first
	now      time.Time       // for "today" and "yesterday" in their dates
	name     textinput.Model // the name field

	width  int
	height int
}

// welcomeItem is one entry of the welcome menu.
type welcomeItem struct {
	label   string
	choose  func(s welcomeScreen) transition
	named   bool          // carries the name field
	session *session.Info // a saved session to continue
}

// maxSessionRows is how many saved sessions the welcome shows at a time.
const maxSessionRows = 8

// newWelcomeScreen builds the welcome screen for the starting answers.
func newWelcomeScreen(c *common) welcomeScreen {
	s := welcomeScreen{c: c, keys: c.keys, typing: c.keys}
	s.keys.enable(&s.keys.Move, &s.keys.Up, &s.keys.Down, &s.keys.Choose, &s.keys.Learn)
	t := &s.typing
	t.enable(&t.Move, &t.Up, &t.Down, &t.Choose)
	// Letters are typed into the field, so only the arrows move.
	t.Up.SetKeys("up")
	t.Down.SetKeys("down")
	t.Choose.SetHelp("enter", "start")
	t.Move.SetHelp("↓", "more choices")
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 40
	in.KeyMap.Paste.SetEnabled(false) // no clipboard IO from a key; a paste still arrives
	in.SetStyles(c.st.Input)          // before Focus: the styles switch the cursor's blinking off
	in.Focus()
	s.name = in
	return s.setAnswers(nil)
}

// setSessions turns the session items on: on adds the name field, switches
// the new-session item and the saved sessions (off with --session FILE).
func (s welcomeScreen) setSessions(on, switches bool) welcomeScreen {
	s.sessions, s.switches = on, on && switches
	return s.rebuild()
}

// setSaved lists saved sessions (newest first) and when now is, for their dates.
func (s welcomeScreen) setSaved(list []session.Info, now time.Time) welcomeScreen {
	s.saved, s.now = list, now
	return s.rebuild()
}

// setCurrent names the session in progress.
func (s welcomeScreen) setCurrent(label string) welcomeScreen {
	s.current = label
	return s
}

// clearName empties the name field, for the next new session.
func (s welcomeScreen) clearName() welcomeScreen {
	s.name.SetValue("")
	return s
}

// setAnswers updates the menu for the answers the student has.
func (s welcomeScreen) setAnswers(a advisor.Answers) welcomeScreen {
	s.answers = len(a)
	s.total = len(s.c.eng.Visible(a))
	return s.rebuild()
}

// rebuild makes the menu items; the cursor stays on the same row number
// unless the menu changed shape (answers came or went), then it goes to the top.
func (s welcomeScreen) rebuild() welcomeScreen {
	first := ""
	if len(s.items) > 0 {
		first = s.items[0].label
	}
	s.items = s.items[:0:0]
	learn := welcomeItem{label: "Read questions people ask first", choose: func(welcomeScreen) transition { return showScreen{to: stateLearn} }}
	again := func(welcomeScreen) transition { return startQuestions{} }
	named := func(s welcomeScreen) transition { return startSession{label: strings.TrimSpace(s.name.Value())} }
	if s.answers > 0 {
		s.items = append(s.items,
			welcomeItem{label: fmt.Sprintf("Continue: review your %d answers", s.answers), choose: func(welcomeScreen) transition { return showScreen{to: stateReview} }},
			welcomeItem{label: "Go through the questions again (answers are kept)", choose: again},
		)
		if s.switches {
			s.items = append(s.items, welcomeItem{label: "Start a new session for another student", named: true, choose: named})
		}
	} else {
		start := welcomeItem{label: "Start the questions", choose: again}
		if s.sessions {
			start.named, start.choose = true, named
		}
		s.items = append(s.items, start)
	}
	s.items = append(s.items, learn)
	if s.switches {
		for i := range s.saved {
			info := &s.saved[i]
			s.items = append(s.items, welcomeItem{label: sessionLine(*info, s.now), session: info,
				choose: func(welcomeScreen) transition { return openSession{path: info.Path} }})
		}
	}
	if first != "" && s.items[0].label != first {
		s.cursor = 0
	}
	s.cursor = min(max(s.cursor, 0), len(s.items)-1)
	return s
}

func (s *welcomeScreen) setSize(w, h int) {
	s.width, s.height = w, h
	s.name.SetWidth(max(w-len(nameLead)-1, 1))
}

// isTyping reports whether keys go to the name field.
func (s welcomeScreen) isTyping() bool {
	return s.cursor < len(s.items) && s.items[s.cursor].named
}

// activeKeys are the keys that work where the cursor is.
func (s welcomeScreen) activeKeys() keyMap {
	if s.isTyping() {
		return s.typing
	}
	return s.keys
}

func (s welcomeScreen) update(msg tea.Msg) (welcomeScreen, tea.Cmd, transition) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if _, paste := msg.(tea.PasteMsg); paste && s.isTyping() {
			var cmd tea.Cmd
			s.name, cmd = s.name.Update(msg)
			return s, cmd, nil
		}
		return s, nil, nil
	}
	keys := s.activeKeys()
	switch {
	case key.Matches(k, keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, keys.Down):
		s.cursor = min(s.cursor+1, len(s.items)-1)
	case key.Matches(k, keys.Choose):
		return s, nil, s.items[s.cursor].choose(s)
	case key.Matches(k, keys.Learn):
		return s, nil, showScreen{to: stateLearn}
	case s.isTyping():
		var cmd tea.Cmd
		s.name, cmd = s.name.Update(msg)
		return s, cmd, nil
	}
	return s, nil, nil
}

// nameLead is written before the name field.
const nameLead = "    Name or id (optional): "

func (s welcomeScreen) view() string {
	w, st := s.width, s.c.st
	right := "career advisor"
	if s.current != "" {
		right = "session: " + s.current
	}
	title := []string{
		spread(st.Title.Render("medpath"), st.Subtle.Render(trunc(right, max(w-9, 1))), w),
		rule(st, w),
	}
	intro := para(fmt.Sprintf("Answer a few questions about your education, timeline, budget and "+
		"interests. medpath ranks %d healthcare paths at the technician and technologist "+
		"levels for you, and shows for each the steps, time and cost to a first job, the "+
		"certifications, and what it pays, with sources.", len(s.c.eng.Paths())), w, st.Text)
	privacy := "Nothing you type leaves this computer. You decide whether to save a report."
	if s.sessions {
		privacy = "Nothing you type leaves this computer. Answers are saved on it as you go, to continue later."
	}
	facts := append(
		hang("• ", fmt.Sprintf("About %d questions, under 10 minutes. Rough answers are fine; you can go back and change any of them.", s.total), w, st.Marker, st.Text),
		hang("• ", privacy, w, st.Marker, st.Text)...)
	short := append(
		hang("• ", fmt.Sprintf("%d questions, under 10 minutes.", s.total), w, st.Marker, st.Text),
		hang("• ", "Nothing you type leaves this computer.", w, st.Marker, st.Text)...)
	var parts []string
	for _, sec := range s.c.eng.Sections() {
		parts = append(parts, sec.Title)
	}
	sections := hang("Parts: ", strings.Join(parts, " · "), w, st.Subtle, st.Subtle)
	keysLine := hang("Keys: ", "↑/↓ move · enter choose · esc back · ? help · q quit", w, st.Subtle, st.Subtle)
	if s.sessions {
		keysLine = hang("Keys: ", "↑/↓ move · enter choose · esc back · ? help · q quit (ctrl+c while typing a name)", w, st.Subtle, st.Subtle)
	}

	compact := false
	menu := s.menuLines(compact)
	nSaved := s.savedCount()
	rows := min(nSaved, maxSessionRows)

	// Drop the optional blocks, least useful first, until the menu fits;
	// the short facts stand in for the long ones on small terminals, and
	// fewer saved sessions show at a time.
	blocks := [][]string{title, intro, facts, sections, keysLine, nil}
	count := func() int {
		n := len(menu) + savedLines(nSaved, rows)
		for _, b := range blocks {
			if len(b) > 0 {
				n += len(b) + 1
			}
		}
		return n
	}
	steps := []func(){
		func() { blocks[3] = nil },
		func() { blocks[4] = nil },
		func() { blocks[1] = nil },
		func() { blocks[2], blocks[5] = nil, short },
		func() { rows = min(rows, 3) },
		func() { blocks[5] = nil },
		func() { rows = min(rows, 1) },
		func() { compact = true; menu = s.menuLines(compact) },
		func() { blocks[0] = nil },
	}
	for _, step := range steps {
		if count() <= s.height {
			break
		}
		step()
	}
	// Room left over after a drop goes back to the saved sessions.
	for rows < min(nSaved, maxSessionRows) && count()+1 <= s.height {
		rows++
	}
	var out []string
	for _, b := range blocks {
		if len(b) > 0 {
			out = append(out, b...)
			out = append(out, "")
		}
	}
	out = append(out, menu...)
	return strings.Join(append(out, s.savedBlock(rows)...), "\n")
}

// savedCount is how many saved sessions the menu lists.
func (s welcomeScreen) savedCount() int {
	n := 0
	for _, it := range s.items {
		if it.session != nil {
			n++
		}
	}
	return n
}

// savedLines is how many lines the saved sessions take with rows shown:
// a gap, the heading, the rows and a "more" line when some are hidden.
func savedLines(n, rows int) int {
	if n == 0 {
		return 0
	}
	if rows < n {
		return rows + 3
	}
	return rows + 2
}

// menuLines draws the menu items before the saved sessions, with the name
// field under the item that carries it (only while it has the cursor when
// compact).
func (s welcomeScreen) menuLines(compact bool) []string {
	st, w := s.c.st, s.width
	var out []string
	for i, it := range s.items {
		if it.session != nil {
			continue
		}
		if i == s.cursor {
			out = append(out, st.Cursor.Render(trunc("> "+it.label, w)))
		} else {
			out = append(out, st.Text.Render(trunc("  "+it.label, w)))
		}
		if !it.named || compact && i != s.cursor {
			continue
		}
		field := st.Subtle.Render("(none)")
		switch {
		case i == s.cursor:
			name := s.name
			name.SetStyles(st.Input) // the styles of the moment: the background may have changed
			field = name.View()
		case s.name.Value() != "":
			field = st.Text.Render(s.name.Value())
		}
		lead := nameLead
		if w < 44 {
			lead = "    Name (optional): "
		}
		out = append(out, trunc(st.Subtle.Render(lead)+field, w))
	}
	return out
}

// savedBlock draws the saved sessions: a window of rows of them around the
// cursor, with a line saying how many more there are above and below.
func (s welcomeScreen) savedBlock(rows int) []string {
	st, w := s.c.st, s.width
	first := -1 // item index of the first saved session
	for i, it := range s.items {
		if it.session != nil {
			first = i
			break
		}
	}
	if first < 0 || rows <= 0 {
		return nil
	}
	n := len(s.items) - first
	at := max(s.cursor-first, 0)
	if s.cursor < first {
		at = 0
	}
	top := window(at, n, rows)
	if s.cursor < first {
		top = 0
	}
	end := min(top+rows, n)
	out := []string{"", st.Section.Render(trunc(fmt.Sprintf("Continue a saved session (%d)", n), w))}
	for i := top; i < end; i++ {
		it := s.items[first+i]
		if first+i == s.cursor {
			out = append(out, st.Cursor.Render(trunc("> "+it.label, w)))
		} else {
			out = append(out, st.Text.Render(trunc("  "+it.label, w)))
		}
	}
	if end-top < n {
		var more []string
		if top > 0 {
			more = append(more, fmt.Sprintf("↑ %d more", top))
		}
		if end < n {
			more = append(more, fmt.Sprintf("↓ %d more", n-end))
		}
		out = append(out, st.Subtle.Render(trunc("  "+strings.Join(more, " · "), w)))
	}
	return out
}

// sessionLine is a saved session as the menu lists it: its label (or
// "(no name)") and when it was last saved.
func sessionLine(info session.Info, now time.Time) string {
	label := info.Label
	if label == "" {
		label = "(no name)"
	}
	return label + " · " + sessionDate(info.Saved, now)
}

// sessionDate writes t for people, in now's time zone: "today 14:05",
// "yesterday 09:30", or "24 Nov 2026 09:30".
func sessionDate(t, now time.Time) string {
	if t.IsZero() {
		return "date unknown"
	}
	if now.IsZero() {
		now = time.Now()
	}
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	y3, m3, d3 := now.AddDate(0, 0, -1).Date()
	switch {
	case y1 == y2 && m1 == m2 && d1 == d2:
		return "today " + t.Format("15:04")
	case y1 == y3 && m1 == m3 && d1 == d3:
		return "yesterday " + t.Format("15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}

func (s welcomeScreen) helpKeys() []key.Binding {
	k := s.activeKeys()
	choose := k.Choose
	if !s.isTyping() && s.cursor < len(s.items) && s.items[s.cursor].session != nil {
		choose.SetHelp("enter", "continue it")
	}
	return []key.Binding{k.Move, choose, k.Learn}
}
