package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// questionScreen asks one question at a time. Everything it shows comes from
// the engine's questions; it only knows how to draw each kind:
//
//   - choice and yesno: a list with a ">" cursor and (•) on the answer
//   - scale: the same list, numbered, with the end labels; digits pick
//   - multi: a list of [x] boxes that space ticks
//   - number: a text field checked as it is typed
//
// After each answer it asks the engine which questions are visible, so
// follow-ups appear and disappear as answers change. It works in two modes:
// the questionnaire (enter moves on, esc goes back, past the ends it hands
// over to the review or the welcome) and a change started from the review
// (it asks that question, then any follow-up it revealed, then returns).
// A what-if change from the results is a change too, whose answers are
// reported only at the end, as hypothetical, and never saved.
type questionScreen struct {
	eng     *advisor.Engine
	st      *Styles
	keys    keyMap
	answers advisor.Answers
	visible []*advisor.Question
	idx     int

	cursor  int             // list row under ">"
	picked  map[string]bool // ticked options of a multi question
	input   textinput.Model // the number field
	drafts  map[string]string
	touched bool   // the student changed ticks or typed since the question opened
	err     string // shown as "! ..." under the input; blocks moving on
	explain bool   // show the question's help

	edit    bool            // a change started from the review
	whatIf  bool            // the change is a what-if from the results
	pending map[string]bool // follow-ups a change revealed, still to ask

	width, height int
}

// newQuestionScreen builds the questionnaire screen.
func newQuestionScreen(eng *advisor.Engine, st *Styles, keys keyMap) questionScreen {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 12
	// No clipboard reads from a key (a command doing IO); a terminal paste
	// still arrives as a paste message.
	in.KeyMap.Paste.SetEnabled(false)
	in.SetStyles(st.Input)
	return questionScreen{eng: eng, st: st, keys: keys, input: in, drafts: map[string]string{}, answers: advisor.Answers{}}
}

// open shows the question with id (or the first one when id is "", or the
// last one when id is lastQuestion) for the answers. In edit mode enter
// returns to the review instead of moving on.
func (s questionScreen) open(a advisor.Answers, id string, edit bool) (questionScreen, tea.Cmd) {
	s.answers = a.Clone()
	s.visible = s.eng.Visible(s.answers)
	s.idx = 0
	switch {
	case id == lastQuestion:
		s.idx = max(len(s.visible)-1, 0)
	case id != "":
		if i := s.indexOf(id); i >= 0 {
			s.idx = i
		}
	}
	s.edit, s.whatIf = edit, false
	s.pending = map[string]bool{}
	return s.load()
}

// openWhatIf shows question id for a what-if change of answers a.
func (s questionScreen) openWhatIf(a advisor.Answers, id string) (questionScreen, tea.Cmd) {
	s, cmd := s.open(a, id, true)
	s.whatIf = true
	return s, cmd
}

// changed reports the answers while a change goes on; a what-if reports
// nothing until it ends, so the real answers never see it.
func (s questionScreen) changed() tea.Cmd {
	if s.whatIf {
		return nil
	}
	return answered(s.answers)
}

// finish ends a change: back to the review, or the what-if's answers.
func (s questionScreen) finish() tea.Cmd {
	if s.whatIf {
		return whatIfEdited(s.answers)
	}
	return editDone(s.answers)
}

// lastQuestion asks open for the last visible question.
const lastQuestion = "\x00last"

func (s questionScreen) setStyles(st *Styles) questionScreen {
	s.st = st
	s.input.SetStyles(st.Input)
	return s
}

func (s questionScreen) setSize(w, h int) questionScreen {
	s.width, s.height = w, h
	return s
}

// current returns the question on screen, or nil when there is none.
func (s questionScreen) current() *advisor.Question {
	if s.idx < 0 || s.idx >= len(s.visible) {
		return nil
	}
	return s.visible[s.idx]
}

func (s questionScreen) indexOf(id string) int {
	return slices.IndexFunc(s.visible, func(q *advisor.Question) bool { return q.ID == id })
}

// load sets the cursor, ticks or text of the current question from its
// answer, its unfinished draft, or its default, and switches on its keys.
func (s questionScreen) load() (questionScreen, tea.Cmd) {
	s.err, s.touched, s.cursor = "", false, 0
	s.input.Blur()
	q := s.current()
	k := &s.keys
	k.enable(&k.Next, &k.Back, &k.Explain)
	def := defaultKeys()
	k.Home, k.End = def.Home, def.End
	if q == nil {
		return s, nil
	}
	v, _ := s.answers.Value(q)
	var cmd tea.Cmd
	switch q.Kind {
	case advisor.KindChoice:
		s.cursor = max(slices.IndexFunc(q.Options, func(o advisor.Option) bool { return o.Value == v }), 0)
		k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Home, &k.End)
		if len(q.Options) > 9 {
			// Letters jump to options here, so g and G are letters too.
			k.Home.SetKeys("home")
			k.Home.SetHelp("home", "first")
			k.End.SetKeys("end")
			k.End.SetHelp("end", "last")
			k.Jump.SetEnabled(true)
			k.PageUp.SetEnabled(true)
			k.PageDown.SetEnabled(true)
		}
	case advisor.KindYesNo:
		if b, _ := v.(bool); !b {
			s.cursor = 1
		}
		k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Yes, &k.No)
	case advisor.KindScale:
		n, _ := v.(int)
		lo, hi := q.Bounds()
		s.cursor = min(max(n-lo, 0), hi-lo)
		k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Rate)
		var digits []string
		for i := lo; i <= hi && i <= 9; i++ {
			if i >= 1 {
				digits = append(digits, strconv.Itoa(i))
			}
		}
		if len(digits) == 0 {
			k.Rate.SetEnabled(false)
		} else {
			k.Rate.SetKeys(digits...)
			k.Rate.SetHelp(digits[0]+"-"+digits[len(digits)-1], "rate")
		}
	case advisor.KindMulti:
		s.picked = map[string]bool{}
		l, _ := v.([]string)
		for _, x := range l {
			s.picked[x] = true
		}
		k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Toggle, &k.Home, &k.End)
	case advisor.KindNumber:
		// An answer is shown for editing; an unanswered question shows its
		// default greyed out, and enter on the empty field takes it.
		text, draft := s.drafts[q.ID]
		if _, answered := s.answers[q.ID]; answered && !draft {
			text = advisor.FormatNumber(v)
		}
		s.input.SetValue(text)
		s.input.CursorEnd()
		cmd = s.input.Focus()
		if draft {
			_, s.err = s.parseNumber(q)
		}
	}
	return s, cmd
}

// rows is the number of list rows of the current question.
func (s questionScreen) rows(q *advisor.Question) int {
	switch q.Kind {
	case advisor.KindChoice, advisor.KindMulti:
		return len(q.Options)
	case advisor.KindYesNo:
		return 2
	case advisor.KindScale:
		lo, hi := q.Bounds()
		return hi - lo + 1
	}
	return 0
}

func (s questionScreen) update(msg tea.Msg) (questionScreen, tea.Cmd) {
	q := s.current()
	if q == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.Back) {
			return s, questionsBack(s.answers)
		}
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if q.Kind == advisor.KindNumber {
			return s.typed(q, msg)
		}
		return s, nil
	}
	n := s.rows(q)
	switch {
	case key.Matches(k, s.keys.Next):
		v, ok := s.value(q)
		if !ok {
			return s, nil
		}
		return s.advance(q, v)
	case key.Matches(k, s.keys.Back):
		return s.back(q)
	case key.Matches(k, s.keys.Explain):
		s.explain = !s.explain
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, n-1)
	case key.Matches(k, s.keys.PageUp):
		s.cursor = max(s.cursor-s.listHeight(q), 0)
	case key.Matches(k, s.keys.PageDown):
		s.cursor = min(s.cursor+s.listHeight(q), n-1)
	case key.Matches(k, s.keys.Home):
		s.cursor = 0
	case key.Matches(k, s.keys.End):
		s.cursor = max(n-1, 0)
	case key.Matches(k, s.keys.Toggle):
		o := q.Options[s.cursor].Value
		s.picked[o] = !s.picked[o]
		s.touched = true
	case key.Matches(k, s.keys.Yes):
		return s.advance(q, true)
	case key.Matches(k, s.keys.No):
		return s.advance(q, false)
	case key.Matches(k, s.keys.Rate):
		d, _ := strconv.Atoi(k.String())
		lo, _ := q.Bounds()
		s.cursor = d - lo
		return s.advance(q, d)
	case key.Matches(k, s.keys.Jump):
		s.cursor = s.jump(q, k.String())
	case q.Kind == advisor.KindNumber:
		return s.typed(q, msg)
	}
	return s, nil
}

// typed passes a key to the number field and checks the new text at once.
func (s questionScreen) typed(q *advisor.Question, msg tea.Msg) (questionScreen, tea.Cmd) {
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before {
		s.touched = true
		s.drafts[q.ID] = s.input.Value()
		s.err = ""
		if strings.TrimSpace(s.input.Value()) != "" {
			_, s.err = s.parseNumber(q)
		}
	}
	return s, cmd
}

// jump moves to the next option after the cursor whose label starts with
// letter, wrapping around; the cursor stays when none does.
func (s questionScreen) jump(q *advisor.Question, letter string) int {
	letter = strings.ToLower(letter)
	for i := 1; i <= len(q.Options); i++ {
		j := (s.cursor + i) % len(q.Options)
		if strings.HasPrefix(strings.ToLower(q.Options[j].Label), letter) {
			return j
		}
	}
	return s.cursor
}

// value returns the answer the screen holds for q; for a number that does
// not parse or is out of bounds it sets the error and reports false.
func (s *questionScreen) value(q *advisor.Question) (any, bool) {
	switch q.Kind {
	case advisor.KindChoice:
		return q.Options[s.cursor].Value, true
	case advisor.KindYesNo:
		return s.cursor == 0, true
	case advisor.KindScale:
		lo, _ := q.Bounds()
		return lo + s.cursor, true
	case advisor.KindMulti:
		out := []string{}
		for _, o := range q.Options {
			if s.picked[o.Value] {
				out = append(out, o.Value)
			}
		}
		return out, true
	case advisor.KindNumber:
		n, msg := s.parseNumber(q)
		if msg != "" {
			s.err = msg
			return nil, false
		}
		return n, true
	}
	return nil, false
}

// parseNumber reads the number field with the engine's one number reader
// (advisor.Question.ParseNumber: "2,000", "$2,000", 3.5 where decimals are
// allowed); an empty field takes the default.
func (s questionScreen) parseNumber(q *advisor.Question) (any, string) {
	if strings.TrimSpace(s.input.Value()) == "" {
		if d := q.DefaultValue(); d != nil {
			return d, ""
		}
		return nil, "type " + q.NumberRule()
	}
	return q.ParseNumber(s.input.Value())
}

// advance records v for q, asks the engine what is visible now, and moves to
// the next question (or hands over to the review).
func (s questionScreen) advance(q *advisor.Question, v any) (questionScreen, tea.Cmd) {
	before := map[string]bool{}
	for _, x := range s.visible {
		before[x.ID] = true
	}
	s.answers[q.ID] = v
	delete(s.drafts, q.ID)
	s.visible = s.eng.Visible(s.answers)
	i := s.indexOf(q.ID)
	if i < 0 { // the answer hid its own question: continue where it stood
		i = min(s.idx, len(s.visible)) - 1
	}
	if s.edit {
		for _, x := range s.visible {
			if _, ok := s.answers[x.ID]; !ok && !before[x.ID] {
				s.pending[x.ID] = true
			}
		}
		for j := i + 1; j < len(s.visible); j++ {
			if id := s.visible[j].ID; s.pending[id] {
				delete(s.pending, id)
				s.idx = j
				var cmd tea.Cmd
				s, cmd = s.load()
				return s, tea.Batch(cmd, s.changed())
			}
		}
		return s, s.finish()
	}
	if i+1 >= len(s.visible) {
		return s, questionsDone(s.answers)
	}
	s.idx = i + 1
	var cmd tea.Cmd
	s, cmd = s.load()
	return s, tea.Batch(cmd, answered(s.answers))
}

// back goes to the previous question, keeping what was ticked or typed: a
// valid number is saved, anything else stays as a draft for next time. In a
// change started from the review, esc gives the change up instead.
func (s questionScreen) back(q *advisor.Question) (questionScreen, tea.Cmd) {
	if s.edit {
		delete(s.drafts, q.ID)
		if s.whatIf {
			return s, whatIfCancel()
		}
		return s, editDone(s.answers)
	}
	if s.touched {
		if v, ok := s.value(q); ok {
			s.answers[q.ID] = v
			delete(s.drafts, q.ID)
		}
	}
	s.visible = s.eng.Visible(s.answers)
	i := s.indexOf(q.ID)
	if i < 0 {
		i = min(s.idx, len(s.visible))
	}
	if i <= 0 {
		return s, questionsBack(s.answers)
	}
	s.idx = i - 1
	var cmd tea.Cmd
	s, cmd = s.load()
	return s, tea.Batch(cmd, answered(s.answers))
}

// headLines are the lines above the input: section, progress, the section's
// introduction on its first question (when there is room), the prompt and,
// when asked for, the help.
func (s questionScreen) headLines(q *advisor.Question) []string {
	st, w := s.st, s.width
	n, total := s.idx+1, len(s.visible)
	section := q.Section.ID
	sec := s.eng.Section(q.Section.ID)
	if sec != nil {
		section = sec.Title
	}
	right := fmt.Sprintf("Question %d of %d", n, total)
	if s.edit {
		right = "Changing an answer"
	}
	if s.whatIf {
		right = "WHAT-IF: not saved"
	}
	lines := []string{
		spread(st.Section.Render(section), st.Subtle.Render(right), w),
		progressBar(st, n, total, w),
	}
	if sec != nil && sec.Intro != "" && !s.edit && s.height >= 22 &&
		(s.idx == 0 || s.visible[s.idx-1].Section.ID != q.Section.ID) {
		lines = append(lines, "")
		lines = append(lines, para(sec.Intro, w, st.Subtle)...)
	}
	lines = append(lines, "")
	lines = append(lines, para(q.Prompt, w, st.Prompt)...)
	if s.explain {
		lines = append(lines, "")
		lines = append(lines, s.helpLines(q)...)
	}
	return append(lines, "")
}

// listHeight is how many list rows fit under the head, keeping room for the
// "more" markers and a cut label.
func (s questionScreen) listHeight(q *advisor.Question) int {
	return max(s.height-len(s.headLines(q))-3, 3)
}

func (s questionScreen) view() string {
	q := s.current()
	st, w := s.st, s.width
	if q == nil {
		return st.Subtle.Render("There are no questions to ask. Press esc to go back.")
	}
	lines := s.headLines(q)
	if q.Kind == advisor.KindNumber {
		field := s.input.View()
		def := q.DefaultValue()
		if def != nil && s.input.Value() == "" {
			// The default, greyed, under the cursor (textinput's own
			// placeholder shows one character when it has no width).
			ph := advisor.FormatNumber(def)
			field = st.Cursor.Render(s.input.Prompt) + st.Subtle.Reverse(true).Render(ph[:1]) + st.Subtle.Render(ph[1:])
		}
		if q.Unit != "" {
			field += "  " + st.Subtle.Render(q.Unit)
		}
		lines = append(lines, trunc(field, w))
		if q.Min != nil && q.Max != nil {
			hint := q.NumberRule()
			if def != nil && s.input.Value() == "" {
				hint += "; enter alone takes " + advisor.FormatNumber(def)
			}
			lines = append(lines, hang("  ", hint, w, st.Subtle, st.Subtle)...)
		}
	} else {
		lines = append(lines, s.listLines(q)...)
	}
	if s.err != "" {
		lines = append(lines, hang("! ", s.err, w, st.Error, st.Error)...)
	}
	return strings.Join(lines, "\n")
}

// helpLines are the question's help, and the help of the option under the
// cursor when it has one.
func (s questionScreen) helpLines(q *advisor.Question) []string {
	st, w := s.st, s.width
	text := q.Help
	if text == "" {
		text = "No extra help for this question."
	}
	lines := hang("? ", text, w, st.Marker, st.Subtle)
	if q.Kind.HasOptions() && s.cursor < len(q.Options) {
		if o := q.Options[s.cursor]; o.Help != "" {
			lines = append(lines, hang("  "+advisor.ShortLabel(o.Label)+": ", o.Help, w, st.Subtle, st.Subtle)...)
		}
	}
	return lines
}

// listLines draws the options, a window of them when the list is long, with
// "↑ n more" / "↓ n more" where rows are hidden.
func (s questionScreen) listLines(q *advisor.Question) []string {
	st, w := s.st, s.width
	type row struct {
		label  string
		chosen bool
	}
	var rows []row
	v, _ := s.answers.Value(q)
	switch q.Kind {
	case advisor.KindChoice:
		for _, o := range q.Options {
			rows = append(rows, row{o.Label, o.Value == v})
		}
	case advisor.KindMulti:
		for _, o := range q.Options {
			rows = append(rows, row{o.Label, s.picked[o.Value]})
		}
	case advisor.KindYesNo:
		b, _ := v.(bool)
		rows = []row{{"Yes", b}, {"No", !b}}
	case advisor.KindScale:
		lo, hi := q.Bounds()
		for i := lo; i <= hi; i++ {
			label := strconv.Itoa(i)
			if l := q.ScaleLabel(float64(i)); l != "" {
				label += "  " + l
			}
			rows = append(rows, row{label, v == i})
		}
	}
	h := s.listHeight(q)
	top := window(s.cursor, len(rows), h)
	end := min(top+h, len(rows))
	var out []string
	if top > 0 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("  ↑ %d more", top)))
	}
	cut := false
	for i := top; i < end; i++ {
		r := rows[i]
		mark := "( ) "
		if q.Kind == advisor.KindMulti {
			mark = "[ ] "
			if r.chosen {
				mark = "[x] "
			}
		} else if r.chosen {
			mark = "(•) "
		}
		lead, markStyle := "  ", st.Subtle
		if i == s.cursor {
			lead = "> "
		}
		if r.chosen {
			markStyle = st.Marker
		}
		label := trunc(r.label, w-len(lead)-4)
		if i == s.cursor {
			cut = label != r.label
			out = append(out, st.Cursor.Render(lead)+markStyle.Render(mark)+st.Cursor.Render(label))
		} else {
			out = append(out, lead+markStyle.Render(mark)+st.Text.Render(label))
		}
	}
	if end < len(rows) {
		out = append(out, st.Subtle.Render(fmt.Sprintf("  ↓ %d more", len(rows)-end)))
	}
	if cut { // the label under the cursor was cut: show it whole
		out = append(out, hang("  ", rows[s.cursor].label, w, st.Subtle, st.Subtle)...)
	}
	return out
}

func (s questionScreen) helpKeys() []key.Binding {
	k := s.keys
	next := k.Next
	back := k.Back
	if s.edit {
		next.SetHelp("enter", "save")
		back.SetHelp("esc", "cancel")
	}
	if s.whatIf {
		next.SetHelp("enter", "try it")
	}
	if q := s.current(); q != nil && q.Kind == advisor.KindMulti {
		next.SetHelp("enter", "done")
	}
	return []key.Binding{next, back, k.Move, k.Toggle, k.Yes, k.Rate, k.Explain, k.Jump, k.PageDown, k.PageUp, k.Home, k.End}
}
