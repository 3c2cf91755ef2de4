package tui

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// multiField ticks any number of options: [x] boxes that x or space ticks
// and unticks; enter is done.
//
// Enter with nothing ticked does not record "none" at once: the field asks
// "Nothing ticked: record none?" under the list, and enter (or y) records
// none, esc (or n) goes back to the list, and any other key goes back to
// the list and does its job (space ticks the highlighted option). It does
// not tick the highlighted option itself: the cursor rests on the first
// option, and a student who holds none would be recorded as holding it. A
// question already answered "none" takes enter at once.
type multiField struct {
	listField
	picked   map[string]bool // the ticked options, by value
	changed  bool            // ticks changed since the question opened
	recorded bool            // the question was answered "none" when it opened
	asking   bool            // asking whether nothing ticked means none
}

// noneQuestion is what the multi asks on enter with nothing ticked.
const noneQuestion = "Nothing ticked: record none? (enter/y = none, esc = back)"

func newMultiField(q *advisor.Question, v any, answered bool) multiField {
	picked := map[string]bool{}
	l, _ := v.([]string)
	for _, x := range l {
		picked[x] = true
	}
	return multiField{listField: listField{q: q, n: len(q.Options)}, picked: picked, recorded: answered && len(l) == 0}
}

func (f multiField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Toggle, &k.Home, &k.End)
	k.Toggle.SetKeys("x", "space")
	k.Toggle.SetHelp("x/space", "tick")
	k.Next.SetHelp("enter", "done")
	if f.asking {
		k.enable(&k.Next, &k.Back)
		k.Next.SetKeys("enter", "y", "Y")
		k.Next.SetHelp("enter/y", "record none")
		k.Back.SetKeys("esc", "n", "N")
		k.Back.SetHelp("esc/n", "back to the list")
	}
}

// takes reports whether the field takes k before the screen: every key
// while it asks about none.
func (f multiField) takes(tea.KeyPressMsg) bool { return f.asking }

// confirm is called on enter: with nothing ticked it starts asking
// whether that means none (sure is false) unless the answer was none already.
func (f multiField) confirm() (field, bool) {
	for _, on := range f.picked {
		if on {
			return f, true
		}
	}
	if f.recorded && !f.changed {
		return f, true
	}
	f.asking = true
	return f, false
}

func (f multiField) update(msg tea.Msg, k keyMap, page int) (field, tea.Cmd, any) {
	if m, ok := msg.(tea.KeyPressMsg); ok && f.asking {
		f.asking = false
		switch m.String() {
		case "enter", "y", "Y":
			return f, nil, []string{}
		case "esc", "n", "N":
			return f, nil, nil
		}
	}
	var moved bool
	if f.listField, moved = f.move(msg, k, page); moved {
		return f, nil, nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, k.Toggle) {
		o := f.q.Options[f.cursor].Value
		// A new map: the field is a value, and an older copy keeps its ticks.
		picked := make(map[string]bool, len(f.picked)+1)
		for x, on := range f.picked {
			picked[x] = on
		}
		picked[o] = !picked[o]
		f.picked, f.changed = picked, true
	}
	return f, nil, nil
}

// value lists the ticked options in the questionnaire's order.
func (f multiField) value() (field, any, bool) {
	out := []string{}
	for _, o := range f.q.Options {
		if f.picked[o.Value] {
			out = append(out, o.Value)
		}
	}
	return f, out, true
}

func (f multiField) touched() bool           { return f.changed }
func (f multiField) option() *advisor.Option { return f.optionAt() }

func (f multiField) view(st *Styles, w, h int) []string {
	rows := make([]listRow, len(f.q.Options))
	for i, o := range f.q.Options {
		rows[i] = listRow{o.Label, f.picked[o.Value]}
	}
	lines := listLines(st, rows, f.cursor, true, w, h)
	if f.asking {
		lines = append(lines, hang("! ", noneQuestion, w, st.Error, st.Prompt)...)
	}
	return lines
}

func (f multiField) howTo() string {
	return fmt.Sprintf("Type the numbers of all that apply (1 to %d), separated by commas or spaces, or none", len(f.q.Options))
}

// parse reads numbers, values or labels separated by commas, semicolons
// or spaces, or "none" or "0" for none.
func (f multiField) parse(line string) (any, string) {
	q := f.q
	tokens := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	if len(tokens) == 1 && (tokens[0] == "0" || strings.EqualFold(tokens[0], "none")) && q.OptionIndex(tokens[0]) < 0 {
		return []string{}, ""
	}
	picked := make([]bool, len(q.Options))
	for _, t := range tokens {
		i, ok := optionByInput(q, t)
		if !ok {
			return nil, fmt.Sprintf("%s is not one of the options. %s.", accEcho(t), f.howTo())
		}
		picked[i] = true
	}
	// questionnaire order, whatever order they were typed in
	out := []string{}
	for i, p := range picked {
		if p {
			out = append(out, q.Options[i].Value)
		}
	}
	return out, ""
}
