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
// With sessions on, a name field (a student's first name or an id,
// optional) sits under the item that starts a new session. It is a stop of
// its own: tab or ↓ moves to it, and only there are letters typed into it
// (so q and ? are letters there, and quit and help everywhere else); enter
// there or on the item starts the session with that name. Going back from
// the first question of a session not yet answered shows its name in the
// field again, so enter keeps it.
//
// Under the menu are the saved sessions, newest first, a window of them at a
// time: enter continues one, r renames it, d deletes it (after y to a
// question), and / filters them by what is typed (a name, part of one, or a
// date as shown).
type welcomeScreen struct {
	c       *common
	keys    keyMap
	typing  keyMap        // the keys while the name field has the cursor
	answers int           // how many answers the student already has
	total   questionCount // how many questions they would see
	items   []welcomeItem
	cursor  int

	sessions bool            // sessions are on: starting new asks for a name
	switches bool            // other sessions can be started or continued (no --session FILE)
	current  string          // the label of the session in progress, when it has one
	saved    []session.Info  // saved sessions to continue, newest first
	now      time.Time       // for "today" and "yesterday" in their dates
	name     textinput.Model // the name field

	mode     welcomeMode     // what the keys do besides moving
	filter   string          // the saved sessions' filter (mode filtering)
	renaming textinput.Model // the new name of the session under the cursor (mode renaming)

	width  int
	height int
}

// welcomeMode is what the welcome's keys do.
type welcomeMode int

const (
	welcomeMenu     welcomeMode = iota // move, choose, type in the name field where the cursor is on it
	welcomeFilter                      // keys type the saved sessions' filter
	welcomeRenaming                    // keys type the new name of the session under the cursor
	welcomeDeleting                    // y deletes the session under the cursor, any other key keeps it
)

// welcomeItem is one entry of the welcome menu.
type welcomeItem struct {
	label   string
	choose  func(s welcomeScreen) transition
	field   bool          // the name field
	named   bool          // starts a session with the name in the field
	session *session.Info // a saved session to continue
}

// maxSessionRows is how many saved sessions the welcome shows at a time.
const maxSessionRows = 8

// newWelcomeScreen builds the welcome screen for the starting answers.
func newWelcomeScreen(c *common) welcomeScreen {
	s := welcomeScreen{c: c, keys: c.keys, typing: c.keys}
	s.keys.enable(&s.keys.Move, &s.keys.Up, &s.keys.Down, &s.keys.Choose, &s.keys.Learn)
	t := &s.typing
	t.enable(&t.Move, &t.Up, &t.Down, &t.Choose, &t.Focus)
	// Letters are typed into the field, so only the arrows move.
	t.Up.SetKeys("up")
	t.Down.SetKeys("down")
	t.Choose.SetHelp("enter", "start")
	t.Focus.SetKeys("tab", "shift+tab", "esc")
	t.Focus.SetHelp("esc/tab", "leave the name")
	s.name = newLineInput(c)
	s.renaming = newLineInput(c)
	return s.setAnswers(nil)
}

// newLineInput is a one-line text field of the welcome: a name.
func newLineInput(c *common) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 40
	in.KeyMap.Paste.SetEnabled(false) // no clipboard IO from a key; a paste still arrives
	in.SetStyles(c.st.Input)          // before Focus: the styles switch the cursor's blinking off
	in.Focus()
	return in
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
	if s.mode == welcomeRenaming || s.mode == welcomeDeleting {
		s.mode = welcomeMenu // the list changed under the question
	}
	return s.rebuild()
}

// setCurrent names the session in progress.
func (s welcomeScreen) setCurrent(label string) welcomeScreen {
	s.current = label
	return s
}

// setName puts label in the name field, for the next new session.
func (s welcomeScreen) setName(label string) welcomeScreen {
	s.name.SetValue(label)
	s.name.CursorEnd()
	return s
}

// setAnswers updates the menu for the answers the student has.
func (s welcomeScreen) setAnswers(a advisor.Answers) welcomeScreen {
	s.answers = len(a)
	s.total = s.c.count(a, "")
	return s.rebuild()
}

// rebuild makes the menu items; the cursor stays on the same row number
// unless the menu changed shape (answers came or went), then it goes to the
// top. While the saved sessions are filtered, only those that match are
// items, and the cursor goes to the first of them.
func (s welcomeScreen) rebuild() welcomeScreen {
	first := ""
	if len(s.items) > 0 {
		first = s.items[0].label
	}
	s.items = s.items[:0:0]
	learn := welcomeItem{label: "Read questions people ask first", choose: func(welcomeScreen) transition { return showScreen{to: stateLearn} }}
	again := func(welcomeScreen) transition { return startQuestions{} }
	named := func(s welcomeScreen) transition { return startSession{label: strings.TrimSpace(s.name.Value())} }
	nameField := welcomeItem{label: "name", field: true, choose: named}
	if s.answers > 0 {
		s.items = append(s.items,
			welcomeItem{label: fmt.Sprintf("Continue: review your %s", plural(s.answers, "answer", "answers")), choose: func(welcomeScreen) transition { return showScreen{to: stateReview} }},
			welcomeItem{label: "Go through the questions again (answers are kept)", choose: again},
		)
		if s.switches {
			s.items = append(s.items, welcomeItem{label: "Start a new session for another student", named: true, choose: named}, nameField)
		}
	} else {
		start := welcomeItem{label: "Start the questions", choose: again}
		if s.sessions {
			start.named, start.choose = true, named
		}
		s.items = append(s.items, start)
		if s.sessions {
			s.items = append(s.items, nameField)
		}
	}
	s.items = append(s.items, learn)
	firstSaved := len(s.items)
	if s.switches {
		for i := range s.saved {
			info := &s.saved[i]
			if s.mode == welcomeFilter && !sessionMatches(*info, s.filter, s.now) {
				continue
			}
			s.items = append(s.items, welcomeItem{label: sessionLine(*info, s.now), session: info,
				choose: func(welcomeScreen) transition { return openSession{path: info.Path} }})
		}
	}
	switch {
	case first != "" && s.items[0].label != first:
		s.cursor = 0
	case s.mode == welcomeFilter: // the best match
		s.cursor = min(firstSaved, len(s.items)-1)
	}
	s.cursor = min(max(s.cursor, 0), len(s.items)-1)
	return s
}

// sessionMatches reports whether a saved session matches a filter: its
// name, or its date as the list shows it, holds the filter's words (any
// case, in order).
func sessionMatches(info session.Info, filter string, now time.Time) bool {
	f := strings.ToLower(strings.Join(strings.Fields(filter), " "))
	label := info.Label
	if label == "" {
		label = "(no name)"
	}
	line := strings.ToLower(strings.Join(strings.Fields(label+" "+sessionDate(info.Saved, now)), " "))
	return strings.Contains(line, f)
}

// plural writes a count with its noun: "1 answer", "3 answers".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (s *welcomeScreen) setSize(w, h int) {
	s.width, s.height = w, h
	s.name.SetWidth(max(w-len(nameLead)-1, 1))
	s.renaming.SetWidth(max(w-len(renameLead)-1, 1))
}

// onField reports whether the cursor is on the name field.
func (s welcomeScreen) onField() bool {
	return s.cursor < len(s.items) && s.items[s.cursor].field
}

// onSession is the saved session under the cursor, or nil.
func (s welcomeScreen) onSession() *session.Info {
	if s.cursor < len(s.items) {
		return s.items[s.cursor].session
	}
	return nil
}

// isTyping reports whether the keys are text or an answer to a question
// (the name field, the filter, a new name, delete or not): q and ? are the
// screen's then, not quit and help.
func (s welcomeScreen) isTyping() bool {
	return s.mode != welcomeMenu || s.onField()
}

// activeKeys are the keys that work where the cursor is.
func (s welcomeScreen) activeKeys() keyMap {
	if s.onField() {
		return s.typing
	}
	k := s.keys
	k.Focus.SetEnabled(s.sessions && s.fieldIndex() >= 0)
	k.Filter.SetEnabled(s.switches && len(s.saved) > 0)
	on := s.onSession() != nil
	k.Rename.SetEnabled(on)
	k.Delete.SetEnabled(on)
	if on {
		k.Choose.SetHelp("enter", "continue it")
	}
	return k
}

// fieldIndex is the item index of the name field, or -1.
func (s welcomeScreen) fieldIndex() int {
	for i, it := range s.items {
		if it.field {
			return i
		}
	}
	return -1
}

func (s welcomeScreen) update(msg tea.Msg) (welcomeScreen, tea.Cmd, transition) {
	switch s.mode {
	case welcomeFilter:
		return s.filterUpdate(msg)
	case welcomeRenaming:
		return s.renameUpdate(msg)
	case welcomeDeleting:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			s.mode = welcomeMenu
			if info := s.onSession(); info != nil && (k.String() == "y" || k.String() == "Y") {
				return s, nil, deleteSession{path: info.Path, label: info.Label}
			}
		}
		return s, nil, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if _, paste := msg.(tea.PasteMsg); paste && s.onField() {
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
	case key.Matches(k, keys.Focus):
		if s.onField() {
			s.cursor = max(s.cursor-1, 0) // back to the item it belongs to
		} else if i := s.fieldIndex(); i >= 0 {
			s.cursor = i
		}
	case key.Matches(k, keys.Learn):
		return s, nil, showScreen{to: stateLearn}
	case key.Matches(k, keys.Filter):
		s.mode, s.filter = welcomeFilter, ""
		return s.rebuild(), nil, nil
	case key.Matches(k, keys.Rename):
		info := s.onSession()
		s.mode = welcomeRenaming
		s.renaming.SetValue(info.Label)
		s.renaming.CursorEnd()
	case key.Matches(k, keys.Delete):
		s.mode = welcomeDeleting
	case s.onField():
		var cmd tea.Cmd
		s.name, cmd = s.name.Update(msg)
		return s, cmd, nil
	}
	return s, nil, nil
}

// filterUpdate handles a key while the saved sessions are filtered: text
// narrows them, ↑/↓ move among them, enter continues the one under the
// cursor, esc (or backspace on an empty filter) shows them all again.
func (s welcomeScreen) filterUpdate(msg tea.Msg) (welcomeScreen, tea.Cmd, transition) {
	if paste, ok := msg.(tea.PasteMsg); ok {
		s.filter += oneLineText(paste.Content)
		return s.rebuild(), nil, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil, nil
	}
	switch k.String() {
	case "esc":
		return s.closeFilter(), nil, nil
	case "enter":
		if info := s.onSession(); info != nil {
			return s, nil, openSession{path: info.Path}
		}
	case "up":
		if s.cursor > 0 && s.items[s.cursor-1].session != nil {
			s.cursor--
		}
	case "down":
		s.cursor = min(s.cursor+1, len(s.items)-1)
	case "backspace":
		if s.filter == "" {
			return s.closeFilter(), nil, nil
		}
		r := []rune(s.filter)
		s.filter = string(r[:len(r)-1])
		return s.rebuild(), nil, nil
	case "ctrl+u":
		s.filter = ""
		return s.rebuild(), nil, nil
	default:
		if k.Text != "" && len([]rune(s.filter)) < 40 {
			s.filter += oneLineText(k.Text)
			return s.rebuild(), nil, nil
		}
	}
	return s, nil, nil
}

// closeFilter shows every saved session again, the cursor on the one it
// was on.
func (s welcomeScreen) closeFilter() welcomeScreen {
	on := s.onSession()
	s.mode, s.filter = welcomeMenu, ""
	s = s.rebuild()
	for i, it := range s.items {
		if on != nil && it.session != nil && it.session.Path == on.Path {
			s.cursor = i
		}
	}
	return s
}

// renameUpdate handles a key while the session under the cursor is being
// renamed: enter saves the name, esc gives it up.
func (s welcomeScreen) renameUpdate(msg tea.Msg) (welcomeScreen, tea.Cmd, transition) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			s.mode = welcomeMenu
			return s, nil, nil
		case "enter":
			s.mode = welcomeMenu
			if info := s.onSession(); info != nil {
				label := strings.TrimSpace(s.renaming.Value())
				if label != info.Label {
					return s, nil, renameSession{path: info.Path, label: label}
				}
			}
			return s, nil, nil
		}
	}
	var cmd tea.Cmd
	s.renaming, cmd = s.renaming.Update(msg)
	return s, cmd, nil
}

// nameLead is written before the name field, renameLead before a new name.
const (
	nameLead   = "    Name or id (optional): "
	renameLead = "> New name: "
)

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
	qs := s.total.questions()
	facts := hang("• ", qs.sentence()+" Under 10 minutes; rough answers are fine, and you can go back and change any of them.", w, st.Marker, st.Text)
	short := hang("• ", qs.String()+" questions, under 10 minutes.", w, st.Marker, st.Text)
	if act := s.total.activities(); act != "" {
		facts = append(facts, hang("• ", advisor.Capitalize(act)+", which you can skip at its first question.", w, st.Marker, st.Text)...)
		short = append(short, hang("• ", fmt.Sprintf("Optional: %d activities to rate.", s.total.Items), w, st.Marker, st.Text)...)
	}
	facts = append(facts, hang("• ", privacy, w, st.Marker, st.Text)...)
	short = append(short, hang("• ", "Nothing you type leaves this computer.", w, st.Marker, st.Text)...)
	var parts []string
	for _, sec := range s.c.eng.Sections() {
		parts = append(parts, sec.Title)
	}
	sections := hang("Parts: ", strings.Join(parts, " · "), w, st.Subtle, st.Subtle)
	keysLine := hang("Keys: ", "↑/↓ move · enter choose · esc back · ? help · q quit", w, st.Subtle, st.Subtle)
	if s.sessions {
		keysLine = hang("Keys: ", "↑/↓ move · enter choose · tab to the name field (letters type there) · ? help · q quit", w, st.Subtle, st.Subtle)
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
		n := len(menu) + s.savedLines(nSaved, rows)
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
// a gap, the heading, the filter's line when it is open, the rows and a
// "more" line when some are hidden.
func (s welcomeScreen) savedLines(n, rows int) int {
	if !s.switches || len(s.saved) == 0 {
		return 0
	}
	if s.mode == welcomeFilter {
		if n == 0 {
			return 4
		}
		rows = max(rows, 1)
		if rows < n {
			return rows + 4
		}
		return rows + 3
	}
	if n == 0 {
		return 0
	}
	if rows < n {
		return rows + 3
	}
	return rows + 2
}

// menuLines draws the menu items before the saved sessions, with the name
// field under the item that carries it (only while it or its item has the
// cursor when compact).
func (s welcomeScreen) menuLines(compact bool) []string {
	st, w := s.c.st, s.width
	var out []string
	for i, it := range s.items {
		switch {
		case it.session != nil:
			continue
		case it.field:
			if compact && i != s.cursor && i-1 != s.cursor {
				continue
			}
			out = append(out, s.fieldLine(i == s.cursor))
		case i == s.cursor:
			out = append(out, st.Cursor.Render(trunc("> "+it.label, w)))
		default:
			out = append(out, st.Text.Render(trunc("  "+it.label, w)))
		}
	}
	return out
}

// fieldLine draws the name field: the text with a cursor while it has the
// focus, else the name typed or "(none)".
func (s welcomeScreen) fieldLine(focused bool) string {
	st, w := s.c.st, s.width
	lead := nameLead
	if w < 44 {
		lead = "    Name (optional): "
	}
	if focused {
		name := s.name
		name.SetStyles(st.Input) // the styles of the moment: the background may have changed
		return trunc(st.Cursor.Render("  > "+strings.TrimPrefix(lead, "    "))+name.View(), w)
	}
	field := st.Subtle.Render("(none)")
	if v := s.name.Value(); v != "" {
		field = st.Text.Render(v)
	}
	return trunc(st.Subtle.Render(lead)+field, w)
}

// savedBlock draws the saved sessions: a window of rows of them around the
// cursor, with a line saying how many more there are above and below; the
// filter's line when it is open; the new name or the question to delete in
// place of the session under the cursor.
func (s welcomeScreen) savedBlock(rows int) []string {
	st, w := s.c.st, s.width
	first := s.firstSaved()
	if !s.switches || len(s.saved) == 0 || rows <= 0 && s.mode != welcomeFilter {
		return nil
	}
	n := len(s.items) - first
	head := fmt.Sprintf("Continue a saved session (%d)", n)
	out := []string{""}
	if s.mode == welcomeFilter {
		head = fmt.Sprintf("Continue a saved session: %d of %d match", n, len(s.saved))
		out = append(out, st.Section.Render(trunc(head, w)),
			trunc(st.Cursor.Render("/ ")+st.Text.Render(s.filter)+st.Subtle.Reverse(true).Render(" "), w))
		if n == 0 {
			return append(out, st.Subtle.Render(trunc("  None match; backspace to change it, esc for all.", w)))
		}
		rows = max(rows, 1)
	} else {
		out = append(out, st.Section.Render(trunc(head, w)))
	}
	at := max(s.cursor-first, 0)
	top := window(at, n, rows)
	if s.cursor < first {
		top = 0
	}
	end := min(top+rows, n)
	for i := top; i < end; i++ {
		it := s.items[first+i]
		switch {
		case first+i != s.cursor:
			out = append(out, st.Text.Render(trunc("  "+it.label, w)))
		case s.mode == welcomeRenaming:
			in := s.renaming
			in.SetStyles(st.Input)
			out = append(out, trunc(st.Cursor.Render(renameLead)+in.View(), w))
		case s.mode == welcomeDeleting:
			out = append(out, st.Error.Render(trunc("> Delete "+it.label+"? y/n", w)))
		default:
			out = append(out, st.Cursor.Render(trunc("> "+it.label, w)))
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

// firstSaved is the item index of the first saved session (len(items) when
// none is listed).
func (s welcomeScreen) firstSaved() int {
	for i, it := range s.items {
		if it.session != nil {
			return i
		}
	}
	return len(s.items)
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
	k := s.c.keys
	switch s.mode {
	case welcomeFilter:
		k.enable(&k.Choose, &k.Back, &k.Move)
		k.Choose.SetHelp("enter", "continue it")
		k.Back.SetHelp("esc", "show all")
		k.Move.SetHelp("↑/↓", "move")
		return []key.Binding{k.Choose, k.Back, k.Move}
	case welcomeRenaming:
		k.enable(&k.Choose, &k.Back)
		k.Choose.SetHelp("enter", "save the name")
		k.Back.SetHelp("esc", "cancel")
		return []key.Binding{k.Choose, k.Back}
	case welcomeDeleting:
		k.enable(&k.Yes, &k.No)
		k.Yes.SetHelp("y", "delete it")
		k.No.SetHelp("n", "keep it")
		return []key.Binding{k.Yes, k.No}
	}
	a := s.activeKeys()
	if s.onField() {
		return []key.Binding{a.Choose, a.Focus, a.Move}
	}
	return []key.Binding{a.Move, a.Choose, a.Rename, a.Delete, a.Focus, a.Filter, a.Learn}
}
