package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// questionScreen asks one question at a time. Everything it shows comes from
// the engine's questions: the section, the progress, the prompt and its
// help, and under them the question's field, which knows its kind (a list
// of options, boxes to tick, yes or no, a scale, a number; field.go).
//
// After each answer it asks the engine which questions are visible, so
// follow-ups appear and disappear as answers change. It works in two modes:
// the questionnaire (enter moves on, esc goes back, past the ends it hands
// over to the review or the welcome) and a change started from the review
// (it asks that question, then any follow-up it revealed, then returns).
// A what-if change from the results is a change too, whose answers are
// reported only at the end, as hypothetical, and never saved.
type questionScreen struct {
	c       *common
	keys    keyMap
	answers advisor.Answers
	visible []*advisor.Question
	idx     int

	count   questionCount     // how many questions can be asked (pacing.go)
	field   field             // the input of the question on screen (field.go)
	drafts  map[string]string // number fields' unfinished text, by question id
	explain bool              // show the question's help

	edit    bool            // a change started from the review
	whatIf  bool            // the change is a what-if from the results
	pending map[string]bool // follow-ups a change revealed, still to ask
	editID  string          // the question the change started on
	origin  advisor.Answers // the answers before the change: esc on a follow-up goes back to them

	width, height int
}

// newQuestionScreen builds the questionnaire screen.
func newQuestionScreen(c *common) questionScreen {
	return questionScreen{c: c, keys: c.keys, drafts: map[string]string{}, answers: advisor.Answers{}}
}

// open shows the question with id (or the first one when id is "", or the
// last one when id is lastQuestion) for the answers. In edit mode enter
// returns to the review instead of moving on.
func (s questionScreen) open(a advisor.Answers, id string, edit bool) (questionScreen, tea.Cmd) {
	s.answers = a.Clone()
	s.visible = s.c.eng.Visible(s.answers)
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
	s.editID, s.origin = "", nil
	if q := s.current(); edit && q != nil {
		s.editID, s.origin = q.ID, a.Clone()
	}
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
func (s questionScreen) changed() transition {
	if s.whatIf {
		return nil
	}
	return answered{answers: s.answers}
}

// finish ends a change: back to the review, or the what-if's answers.
func (s questionScreen) finish() transition {
	if s.whatIf {
		return whatIfTried{answers: s.answers}
	}
	return editDone{answers: s.answers}
}

// lastQuestion asks open for the last visible question.
const lastQuestion = "\x00last"

func (s *questionScreen) setSize(w, h int) {
	s.width, s.height = w, h
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

// load makes the field of the current question, from its answer, its
// unfinished draft or its default, and switches on its keys.
func (s questionScreen) load() (questionScreen, tea.Cmd) {
	q := s.current()
	if q == nil {
		s.field, s.keys = nil, questionKeys(s.c.keys, nil)
		return s, nil
	}
	var cmd tea.Cmd
	s.field, cmd = newField(q, s.answers, s.drafts, s.c.st)
	s.keys = questionKeys(s.c.keys, s.field)
	if !s.edit {
		s.count = s.c.count(s.answers, q.ID)
	}
	return s, cmd
}

// questionKeys are the keys of a question with field f, from the defaults
// def: enter, esc and ?, the field's own, and home and end, which every
// kind keeps (they move nothing in a number; see numberField.update).
func questionKeys(def keyMap, f field) keyMap {
	k := def
	k.enable(&k.Next, &k.Back, &k.Explain)
	k.Home, k.End = def.Home, def.End
	if f != nil {
		f.keys(&k)
	}
	return k
}

func (s questionScreen) update(msg tea.Msg) (questionScreen, tea.Cmd, transition) {
	q := s.current()
	if q == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.Back) {
			return s, nil, questionsBack{answers: s.answers}
		}
		return s, nil, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !s.fieldTakes(k) {
		switch {
		case key.Matches(k, s.keys.Next):
			if c, ok := s.field.(confirmer); ok {
				var sure bool
				if s.field, sure = c.confirm(); !sure {
					return s, nil, nil
				}
			}
			var v any
			var ok bool
			if s.field, v, ok = s.field.value(); !ok {
				return s, nil, nil
			}
			return s.advance(q, v)
		case key.Matches(k, s.keys.Back):
			return s.back(q)
		case key.Matches(k, s.keys.Explain):
			s.explain = !s.explain
			return s, nil, nil
		}
	}
	var cmd tea.Cmd
	var done any
	s.field, cmd, done = s.field.update(msg, s.keys, s.listHeight(q))
	if done != nil {
		s, more, t := s.advance(q, done)
		return s, tea.Batch(cmd, more), t
	}
	return s, cmd, nil
}

// fieldTakes reports whether the field takes key k before the screen.
func (s questionScreen) fieldTakes(k tea.KeyPressMsg) bool {
	t, ok := s.field.(keyTaker)
	return ok && t.takes(k)
}

// typing reports whether the field on screen takes letters as text (a
// number, a list being filtered): q and ? are typed there, not quit and help.
func (s questionScreen) typing() bool {
	t, ok := s.field.(typer)
	return ok && t.typing()
}

// advance records v for q, asks the engine what is visible now, and moves to
// the next question (or hands over to the review).
func (s questionScreen) advance(q *advisor.Question, v any) (questionScreen, tea.Cmd, transition) {
	before := map[string]bool{}
	for _, x := range s.visible {
		before[x.ID] = true
	}
	s.answers = s.answers.Clone()
	s.answers[q.ID] = v
	delete(s.drafts, q.ID)
	s.visible = s.c.eng.Visible(s.answers)
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
				return s, cmd, s.changed()
			}
		}
		return s, nil, s.finish()
	}
	if i+1 >= len(s.visible) {
		return s, nil, questionsDone{answers: s.answers}
	}
	s.idx = i + 1
	var cmd tea.Cmd
	s, cmd = s.load()
	return s, cmd, answered{answers: s.answers}
}

// back goes to the previous question, keeping what was ticked or typed: a
// valid number is saved, anything else stays as a draft for next time. In a
// change started from the review, esc gives the change up instead: on the
// question it started on nothing was changed yet; on a follow-up that the
// change revealed, esc undoes the change that opened it (D19), so the
// answers are as they were before it.
func (s questionScreen) back(q *advisor.Question) (questionScreen, tea.Cmd, transition) {
	if s.edit {
		delete(s.drafts, q.ID)
		if s.whatIf {
			return s, nil, whatIfCancel{}
		}
		if q.ID == s.editID || s.origin == nil {
			return s, nil, editDone{answers: s.answers}
		}
		undone := ""
		if first := s.c.eng.Question(s.editID); first != nil {
			v, _ := s.origin.Value(first)
			undone = fmt.Sprintf("Undid the change: %s is %s again.", first.Name(), first.AnswerText(v))
		}
		return s, nil, editDone{answers: s.origin, undone: undone}
	}
	if s.field.touched() {
		if _, v, ok := s.field.value(); ok {
			s.answers = s.answers.Clone()
			s.answers[q.ID] = v
			delete(s.drafts, q.ID)
		}
	}
	s.visible = s.c.eng.Visible(s.answers)
	i := s.indexOf(q.ID)
	if i < 0 {
		i = min(s.idx, len(s.visible))
	}
	if i <= 0 {
		return s, nil, questionsBack{answers: s.answers}
	}
	s.idx = i - 1
	var cmd tea.Cmd
	s, cmd = s.load()
	return s, cmd, answered{answers: s.answers}
}

// headLines are the lines above the input: section, progress, the section's
// introduction on its first question (when there is room), the prompt and,
// when asked for, the help.
func (s questionScreen) headLines(q *advisor.Question) []string {
	st, w := s.c.st, s.width
	n, total := s.idx+1, max(s.count.Total, s.idx+1)
	section := q.Section.ID
	sec := s.c.eng.Section(q.Section.ID)
	if sec != nil {
		section = sec.Title
	}
	right := fmt.Sprintf("Question %d of %s", n, s.count)
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
	if s.explain && !s.explainAlone(q) {
		lines = append(lines, "")
		lines = append(lines, s.helpLines(q)...)
	}
	return append(lines, "")
}

// explainAlone reports whether the explanation takes the field's place: when
// it and three rows of the field do not fit together (a small terminal), it
// shows alone until ? is pressed again, rather than pushing the options off
// the screen.
func (s questionScreen) explainAlone(q *advisor.Question) bool {
	if !s.explain {
		return false
	}
	s.explain = false
	head := len(s.headLines(q))
	return head+1+len(s.helpLines(q))+3+2 > s.height
}

// listHeight is how many list rows fit under the head, keeping room for the
// "more" markers and a cut label.
func (s questionScreen) listHeight(q *advisor.Question) int {
	return max(s.height-len(s.headLines(q))-3, 3)
}

func (s questionScreen) view() string {
	q := s.current()
	st := s.c.st
	if q == nil {
		return st.Subtle.Render("There are no questions to ask. Press esc to go back.")
	}
	if s.explainAlone(q) {
		// The explanation alone, above a line saying how to get the answers
		// back: the section, progress and prompt make room for it.
		hint := hang("", "Press "+s.keys.Explain.Help().Key+" again to see the answers.", s.width, st.Subtle, st.Subtle)
		help := s.helpLines(q)
		if room := s.height - len(hint) - 1; len(help) > room {
			help = append(help[:max(room-1, 0)], st.Subtle.Render(trunc(ansi.Strip(help[max(room-1, 0)])+"…", s.width)))
		}
		return strings.Join(append(append(help, ""), hint...), "\n")
	}
	lines := s.headLines(q)
	lines = append(lines, s.field.view(st, s.width, s.listHeight(q))...)
	return strings.Join(lines, "\n")
}

// helpLines are the question's help, and the help of the option under the
// cursor when it has one.
func (s questionScreen) helpLines(q *advisor.Question) []string {
	st, w := s.c.st, s.width
	text := q.Help
	if text == "" {
		text = "No extra help for this question."
	}
	lines := hang("? ", text, w, st.Marker, st.Subtle)
	if o := s.field.option(); o != nil && o.Help != "" {
		lines = append(lines, hang("  "+advisor.ShortLabel(o.Label)+": ", o.Help, w, st.Subtle, st.Subtle)...)
	}
	return lines
}

func (s questionScreen) helpKeys() []key.Binding {
	k := s.keys
	if s.edit {
		k.Next.SetHelp("enter", "save")
		k.Back.SetHelp("esc", "cancel")
		if q := s.current(); q != nil && q.ID != s.editID && !s.whatIf {
			k.Back.SetHelp("esc", "undo the change")
		}
	}
	if s.whatIf {
		k.Next.SetHelp("enter", "try it")
	}
	if s.field != nil {
		s.field.keys(&k) // the field's words come last (a multi's enter is "done")
	}
	// The toggle comes first, and the keys that answer at once (y/n, a
	// rating, the skip) right after enter, so they are never cut off the
	// help line of a narrow terminal.
	return []key.Binding{k.Toggle, k.Next, k.Yes, k.Rate, k.Skip, k.Back, k.Move, k.Filter, k.Explain, k.Jump, k.PageDown, k.PageUp, k.Home, k.End}
}
