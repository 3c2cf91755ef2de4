package tui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// scaleField rates on a numbered scale: the list of numbers with the end
// labels, and a digit answers at once.
type scaleField struct {
	listField
	lo     int
	answer any // the answer when the question opened (or its default)
}

func newScaleField(q *advisor.Question, v any) scaleField {
	lo, hi := q.Bounds()
	n, _ := v.(int)
	return scaleField{listField: listField{q: q, cursor: min(max(n-lo, 0), hi-lo), n: hi - lo + 1}, lo: lo, answer: v}
}

func (f scaleField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Rate)
	_, hi := f.q.Bounds()
	var digits []string
	for i := f.lo; i <= hi && i <= 9; i++ {
		if i >= 1 {
			digits = append(digits, strconv.Itoa(i))
		}
	}
	if len(digits) == 0 {
		k.Rate.SetEnabled(false)
		return
	}
	k.Rate.SetKeys(digits...)
	k.Rate.SetHelp(digits[0]+"-"+digits[len(digits)-1], "rate")
}

func (f scaleField) update(msg tea.Msg, k keyMap, page int) (field, tea.Cmd, any) {
	var moved bool
	if f.listField, moved = f.move(msg, k, page); moved {
		return f, nil, nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, k.Rate) {
		d, _ := strconv.Atoi(m.String())
		f.cursor = d - f.lo
		return f, nil, d
	}
	return f, nil, nil
}

func (f scaleField) value() (field, any, bool) { return f, f.lo + f.cursor, true }
func (f scaleField) touched() bool             { return false }
func (f scaleField) option() *advisor.Option   { return nil }

func (f scaleField) view(st *Styles, w, h int) []string {
	var rows []listRow
	for i := f.lo; i < f.lo+f.n; i++ {
		label := strconv.Itoa(i)
		if l := f.q.ScaleLabel(float64(i)); l != "" {
			label += "  " + l
		}
		rows = append(rows, listRow{label, f.answer == i})
	}
	return listLines(st, rows, f.cursor, false, w, h)
}

func (f scaleField) howTo() string {
	lo, hi := f.q.Bounds()
	s := fmt.Sprintf("Type a number from %d to %d", lo, hi)
	if len(f.q.ScaleLabels) == 2 {
		s += fmt.Sprintf(", where %d = %s and %d = %s", lo, accPlain(f.q.ScaleLabels[0]), hi, accPlain(f.q.ScaleLabels[1]))
	}
	return s
}

func (f scaleField) parse(line string) (any, string) { return f.q.ParseNumber(line) }
