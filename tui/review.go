package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// reviewScreen lists every visible answer on one screen, grouped by section.
// Enter on an answer opens its question for a change (the question screen
// returns here afterwards); the last row, or r, shows the results.
//
// The what-if picker is the same list in another mode: enter on an answer
// opens it for a hypothetical change, answers already changed in the
// what-if say so, and the last row (or esc) goes back to the results.
type reviewScreen struct {
	c      *common
	keys   keyMap
	rows   []reviewRow
	cursor int // a row index; len(rows) is the "See my results" row
	width  int
	height int

	whatIf bool            // the what-if picker
	real   advisor.Answers // the real answers, to mark what-if changes
}

// reviewRow is one answer as the review shows it.
type reviewRow struct {
	q       *advisor.Question
	section string
	value   string
	assumed bool // not answered: the default is used
	changed bool // what-if: differs from the real answer
}

// newReviewScreen builds the review screen.
func newReviewScreen(c *common) reviewScreen {
	s := reviewScreen{c: c, keys: c.keys}
	k := &s.keys
	k.enable(&k.Move, &k.Up, &k.Down, &k.Change, &k.Results, &k.Back, &k.Home, &k.End, &k.PageUp, &k.PageDown)
	k.Back.SetHelp("esc", "last question")
	return s
}

// newWhatIfPicker builds the review list as the what-if picker.
func newWhatIfPicker(c *common) reviewScreen {
	s := newReviewScreen(c)
	s.whatIf = true
	k := &s.keys
	k.Results.SetEnabled(false)
	k.Change.SetHelp("enter", "try a change")
	k.Back.SetKeys("esc")
	k.Back.SetHelp("esc", "back to results")
	return s
}

// setWhatIf shows the what-if answers a, marking those that differ from
// the real answers, with the cursor on the first row.
func (s reviewScreen) setWhatIf(a, real advisor.Answers) reviewScreen {
	s.real = real
	s.cursor = 0
	s.rows = nil
	return s.setAnswers(a)
}

// setAnswers rebuilds the rows for the answers; the cursor stays on the same
// question when it is still visible.
func (s reviewScreen) setAnswers(a advisor.Answers) reviewScreen {
	var at string
	if s.cursor < len(s.rows) {
		at = s.rows[s.cursor].q.ID
	}
	s.rows = s.rows[:0:0]
	for _, q := range s.c.eng.Visible(a) {
		v, ok := a.Value(q)
		section := q.Section.ID
		if sec := s.c.eng.Section(section); sec != nil {
			section = sec.Title
		}
		row := reviewRow{q: q, section: section, value: q.AnswerText(v), assumed: !ok}
		if s.whatIf {
			rv, _ := s.real.Value(q)
			row.changed = q.AnswerText(rv) != row.value
		}
		s.rows = append(s.rows, row)
	}
	if at != "" {
		for i, r := range s.rows {
			if r.q.ID == at {
				s.cursor = i
			}
		}
	}
	s.cursor = min(s.cursor, len(s.rows))
	return s
}

// onResults puts the cursor on the "See my results" row.
func (s reviewScreen) onResults() reviewScreen {
	s.cursor = len(s.rows)
	return s
}

func (s *reviewScreen) setSize(w, h int) {
	s.width, s.height = w, h
}

func (s reviewScreen) update(msg tea.Msg) (reviewScreen, tea.Cmd, transition) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil, nil
	}
	page := max(s.height/3, 1)
	switch {
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, len(s.rows))
	case key.Matches(k, s.keys.PageUp):
		s.cursor = max(s.cursor-page, 0)
	case key.Matches(k, s.keys.PageDown):
		s.cursor = min(s.cursor+page, len(s.rows))
	case key.Matches(k, s.keys.Home):
		s.cursor = 0
	case key.Matches(k, s.keys.End):
		s.cursor = len(s.rows)
	case key.Matches(k, s.keys.Change) && s.whatIf:
		if s.cursor < len(s.rows) {
			return s, nil, whatIfPick{id: s.rows[s.cursor].q.ID}
		}
		return s, nil, whatIfBack{}
	case key.Matches(k, s.keys.Back) && s.whatIf:
		return s, nil, whatIfBack{}
	case key.Matches(k, s.keys.Change):
		if s.cursor < len(s.rows) {
			return s, nil, editAnswer{id: s.rows[s.cursor].q.ID}
		}
		return s, nil, showScreen{to: stateResult}
	case key.Matches(k, s.keys.Results):
		return s, nil, showScreen{to: stateResult}
	case key.Matches(k, s.keys.Back):
		return s, nil, showScreen{to: stateQuestion}
	}
	return s, nil, nil
}

func (s reviewScreen) view() string {
	st, w := s.c.st, s.width
	assumed := 0
	for _, r := range s.rows {
		if r.assumed {
			assumed++
		}
	}
	right := fmt.Sprintf("%d answers", len(s.rows))
	if assumed > 0 {
		right = fmt.Sprintf("%d answers (%d defaults)", len(s.rows), assumed)
	}
	head := []string{
		spread(st.Title.Render("Review your answers"), st.Subtle.Render(right), w),
		rule(st, w),
	}
	if s.whatIf {
		head[0] = spread(st.Banner.Render(" WHAT-IF ")+" "+st.Title.Render("Change one answer"), st.Subtle.Render("not saved"), w)
	}

	// Each row is one line when wide enough (prompt | answer), two when narrow
	// (prompt, then the answer under it).
	twoLine := w < 60
	valueW := 12
	for _, r := range s.rows {
		n := len([]rune(r.value))
		if r.assumed {
			n += len(" (default)")
		}
		if r.changed {
			n += len("~  (what-if)")
		}
		valueW = max(valueW, n)
	}
	valueW = min(valueW, w*2/5)
	var lines []string
	cursorLine := 0
	section := ""
	for i, r := range s.rows {
		if r.section != section {
			if section != "" {
				lines = append(lines, "")
			}
			section = r.section
			lines = append(lines, st.Section.Render(trunc(section, w)))
		}
		if i == s.cursor {
			cursorLine = len(lines)
		}
		lead, style := "  ", st.Text
		if i == s.cursor {
			lead, style = "> ", st.Cursor
		}
		value := r.value
		if r.assumed {
			value += " (default)"
		}
		valueStyle := st.Text
		if r.assumed {
			valueStyle = st.Subtle
		}
		if r.changed {
			value, valueStyle = "~ "+value+" (what-if)", st.Warn
		}
		if twoLine {
			lines = append(lines, style.Render(trunc(lead+r.q.Prompt, w)))
			lines = append(lines, "    "+valueStyle.Render(trunc(value, w-4)))
			continue
		}
		promptW := w - valueW - 2
		prompt := padRight(trunc(lead+r.q.Prompt, promptW), promptW)
		lines = append(lines, style.Render(prompt)+"  "+valueStyle.Render(trunc(value, valueW)))
	}
	lines = append(lines, "")
	last := "See my results →"
	if s.whatIf {
		last = "← Back to the results"
	}
	if s.cursor == len(s.rows) {
		cursorLine = len(lines)
		lines = append(lines, st.Cursor.Render("> "+last))
	} else {
		lines = append(lines, st.Text.Render("  "+last))
	}

	h := max(s.height-len(head), 1)
	top := window(cursorLine, len(lines), h)
	end := min(top+h, len(lines))
	body := lines[top:end]
	if top > 0 && h >= 3 {
		body[0] = st.Subtle.Render(fmt.Sprintf("  ↑ %d more lines", top))
	}
	if end < len(lines) && h >= 3 {
		body[len(body)-1] = st.Subtle.Render(fmt.Sprintf("  ↓ %d more lines", len(lines)-end))
	}
	return strings.Join(append(head, body...), "\n")
}

func (s reviewScreen) helpKeys() []key.Binding {
	k := s.keys
	return []key.Binding{k.Change, k.Results, k.Move, k.Back, k.PageDown, k.PageUp, k.Home, k.End}
}
