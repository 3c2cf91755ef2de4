package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// yesNoField asks yes or no: a two-row list, and y or n answers at once.
type yesNoField struct {
	listField
	answer bool // the answer when the question opened (or its default)
}

func newYesNoField(q *advisor.Question, v any) yesNoField {
	b, _ := v.(bool)
	f := yesNoField{listField: listField{q: q, n: 2}, answer: b}
	if !b {
		f.cursor = 1
	}
	return f
}

func (f yesNoField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Yes, &k.No)
}

func (f yesNoField) update(msg tea.Msg, k keyMap, page int) (field, tea.Cmd, any) {
	var moved bool
	if f.listField, moved = f.move(msg, k, page); moved {
		return f, nil, nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(m, k.Yes):
			return f, nil, true
		case key.Matches(m, k.No):
			return f, nil, false
		}
	}
	return f, nil, nil
}

func (f yesNoField) value() (field, any, bool) { return f, f.cursor == 0, true }
func (f yesNoField) touched() bool             { return false }
func (f yesNoField) option() *advisor.Option   { return nil }

func (f yesNoField) view(st *Styles, w, h int) []string {
	rows := []listRow{{"Yes", f.answer}, {"No", !f.answer}}
	return listLines(st, rows, f.cursor, false, w, h)
}

func (f yesNoField) howTo() string { return "Type y for yes or n for no" }

func (f yesNoField) parse(line string) (any, string) {
	switch strings.ToLower(line) {
	case "y", "yes", "true":
		return true, ""
	case "n", "no", "false":
		return false, ""
	}
	return nil, fmt.Sprintf("%s is not yes or no. %s.", accEcho(line), f.howTo())
}
