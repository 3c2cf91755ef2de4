package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// numberField reads a number in a text field, checked as it is typed with
// the engine's one number reader ([advisor.Question.ParseNumber]: "2,000",
// "$2,000", 3.5 where decimals are allowed). An answer is shown for
// editing; an unanswered question shows its default greyed out, and enter
// on the empty field takes it. Text that is not a valid answer yet is kept
// as a draft for when the question opens again.
type numberField struct {
	q       *advisor.Question
	input   textinput.Model
	drafts  map[string]string // shared with the question screen; nil for none
	changed bool              // typed since the question opened
	err     string            // shown as "! ..." under the field; blocks moving on
}

func newNumberField(q *advisor.Question, v any, answered bool, drafts map[string]string, st *Styles) (numberField, tea.Cmd) {
	in := textinput.New()
	if st != nil {
		in.SetStyles(st.Input) // before Focus: the styles switch the cursor's blinking off
	}
	in.Prompt = "> "
	in.CharLimit = 12
	// No clipboard reads from a key (a command doing IO); a terminal paste
	// still arrives as a paste message.
	in.KeyMap.Paste.SetEnabled(false)
	text, draft := drafts[q.ID]
	if answered && !draft {
		text = advisor.FormatNumber(v)
	}
	in.SetValue(text)
	in.CursorEnd()
	cmd := in.Focus()
	f := numberField{q: q, input: in, drafts: drafts}
	if draft {
		_, f.err = f.read()
	}
	return f, cmd
}

// keys leaves on what the question screen switched on: enter, esc, the
// explanation and home and end, which the screen gives every question (they
// move nothing here; see update). Letters are text in the field, so ? and h
// are typed, not the explanation: f1 explains instead.
func (f numberField) keys(k *keyMap) {
	k.Explain.SetKeys("f1")
	k.Explain.SetHelp("f1", "explain")
}

// takes reports that printable keys are the field's text (q, ? and h too);
// enter, esc and the other keys are the screen's.
func (f numberField) takes(k tea.KeyPressMsg) bool { return k.Text != "" }

// typing reports that the field takes letters as text.
func (f numberField) typing() bool { return true }

func (f numberField) update(msg tea.Msg, k keyMap, _ int) (field, tea.Cmd, any) {
	if m, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(m, k.Home) || key.Matches(m, k.End)) {
		return f, nil, nil // the list keys of every question: never typed into the field
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if text := f.input.Value(); text != before {
		f.changed = true
		if f.drafts != nil {
			f.drafts[f.q.ID] = text
		}
		f.err = ""
		if strings.TrimSpace(text) != "" {
			_, f.err = f.read()
		}
	}
	return f, cmd, nil
}

// read reads the field; an empty field takes the default.
func (f numberField) read() (any, string) {
	if strings.TrimSpace(f.input.Value()) == "" {
		if d := f.q.DefaultValue(); d != nil {
			return d, ""
		}
		return nil, "type " + f.q.NumberRule()
	}
	return f.q.ParseNumber(f.input.Value())
}

func (f numberField) value() (field, any, bool) {
	v, problem := f.read()
	if problem != "" {
		f.err = problem
		return f, nil, false
	}
	return f, v, true
}

func (f numberField) touched() bool           { return f.changed }
func (f numberField) option() *advisor.Option { return nil }

func (f numberField) view(st *Styles, w, _ int) []string {
	q := f.q
	in := f.input
	in.SetStyles(st.Input) // the styles of the moment: the background may have changed
	text := in.View()
	def := q.DefaultValue()
	if def != nil && in.Value() == "" {
		// The default, greyed, under the cursor (textinput's own
		// placeholder shows one character when it has no width).
		ph := advisor.FormatNumber(def)
		text = st.Cursor.Render(in.Prompt) + st.Subtle.Reverse(true).Render(ph[:1]) + st.Subtle.Render(ph[1:])
	}
	if q.Unit != "" {
		text += "  " + st.Subtle.Render(q.Unit)
	}
	lines := []string{trunc(text, w)}
	if q.Min != nil && q.Max != nil {
		hint := q.NumberRule()
		if def != nil && in.Value() == "" {
			hint += "; enter alone takes " + advisor.FormatNumber(def)
		}
		lines = append(lines, hang("  ", hint, w, st.Subtle, st.Subtle)...)
	}
	if f.err != "" {
		lines = append(lines, hang("! ", f.err, w, st.Error, st.Error)...)
	}
	return lines
}

func (f numberField) howTo() string {
	s := "Type " + f.q.NumberRule()
	if f.q.Unit != "" {
		s += ", in " + accPlain(f.q.Unit)
	}
	return s
}

func (f numberField) parse(line string) (any, string) { return f.q.ParseNumber(line) }
