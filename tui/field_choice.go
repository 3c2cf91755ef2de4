package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// choiceField picks one option from a list: a ">" cursor, and (•) on the
// answer. In a long list (more than nine options) a letter jumps to the next
// option starting with it.
type choiceField struct {
	listField
	answer any // the answer when the question opened (or its default)
}

func newChoiceField(q *advisor.Question, v any) choiceField {
	i := max(slices.IndexFunc(q.Options, func(o advisor.Option) bool { return o.Value == v }), 0)
	return choiceField{listField: listField{q: q, cursor: i, n: len(q.Options)}, answer: v}
}

// long reports whether letters jump to options.
func (f choiceField) long() bool { return len(f.q.Options) > 9 }

func (f choiceField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Home, &k.End)
	if f.long() {
		// Letters jump to options here, so g and G are letters too.
		k.Home.SetKeys("home")
		k.Home.SetHelp("home", "first")
		k.End.SetKeys("end")
		k.End.SetHelp("end", "last")
		k.Jump.SetEnabled(true)
		k.PageUp.SetEnabled(true)
		k.PageDown.SetEnabled(true)
	}
}

func (f choiceField) update(msg tea.Msg, k keyMap, page int) (field, tea.Cmd, any) {
	var moved bool
	if f.listField, moved = f.move(msg, k, page); moved {
		return f, nil, nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, k.Jump) {
		f.cursor = f.jump(m.String())
	}
	return f, nil, nil
}

// jump returns the next option after the cursor whose label starts with
// letter, wrapping around; the cursor stays when none does.
func (f choiceField) jump(letter string) int {
	letter = strings.ToLower(letter)
	opts := f.q.Options
	for i := 1; i <= len(opts); i++ {
		j := (f.cursor + i) % len(opts)
		if strings.HasPrefix(strings.ToLower(opts[j].Label), letter) {
			return j
		}
	}
	return f.cursor
}

func (f choiceField) value() (field, any, bool) { return f, f.q.Options[f.cursor].Value, true }
func (f choiceField) touched() bool             { return false }
func (f choiceField) option() *advisor.Option   { return f.optionAt() }

func (f choiceField) view(st *Styles, w, h int) []string {
	rows := make([]listRow, len(f.q.Options))
	for i, o := range f.q.Options {
		rows[i] = listRow{o.Label, o.Value == f.answer}
	}
	return listLines(st, rows, f.cursor, false, w, h)
}

func (f choiceField) howTo() string {
	return fmt.Sprintf("Type a number from 1 to %d", len(f.q.Options))
}

func (f choiceField) parse(line string) (any, string) {
	if i, ok := optionByInput(f.q, line); ok {
		return f.q.Options[i].Value, ""
	}
	return nil, fmt.Sprintf("%s is not one of the options. %s, or type the option's name.", accEcho(line), f.howTo())
}
