package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// scaleField rates on a numbered scale: the list of numbers with their
// labels (the ends', or every point's when the question names each), and a
// digit answers at once. A skippable scale (an activity of the interest
// inventory) has one more row at the end, "0  Skip: ...", and 0 or s skips
// at once: the answer is then 0.
type scaleField struct {
	listField
	lo     int
	skip   bool // the question may be skipped: the last row is the skip
	answer any  // the answer when the question opened (or its default)
}

func newScaleField(q *advisor.Question, v any) scaleField {
	lo, hi := q.Bounds()
	n, _ := v.(int)
	f := scaleField{listField: listField{q: q, cursor: min(max(n-lo, 0), hi-lo), n: hi - lo + 1}, lo: lo, answer: v}
	if q.Skip != "" {
		f.skip = true
		f.n++
		if n == 0 { // skipped before, or not answered yet (the skip is the default)
			f.cursor = f.n - 1
		}
	}
	return f
}

func (f scaleField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Rate)
	k.Skip.SetEnabled(f.skip)
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
	m, ok := msg.(tea.KeyPressMsg)
	switch {
	case ok && key.Matches(m, k.Rate):
		d, _ := strconv.Atoi(m.String())
		f.cursor = d - f.lo
		return f, nil, d
	case ok && f.skip && key.Matches(m, k.Skip):
		f.cursor = f.n - 1
		return f, nil, 0
	}
	return f, nil, nil
}

func (f scaleField) value() (field, any, bool) {
	if f.skip && f.cursor == f.n-1 {
		return f, 0, true
	}
	return f, f.lo + f.cursor, true
}
func (f scaleField) touched() bool           { return false }
func (f scaleField) option() *advisor.Option { return nil }

func (f scaleField) view(st *Styles, w, h int) []string {
	_, hi := f.q.Bounds()
	var rows []listRow
	for i := f.lo; i <= hi; i++ {
		label := strconv.Itoa(i)
		if l := f.q.ScaleLabel(float64(i)); l != "" {
			label += "  " + l
		}
		rows = append(rows, listRow{label, f.answer == i})
	}
	if f.skip {
		rows = append(rows, listRow{"0  " + f.q.Skip, f.answer == 0})
	}
	return listLines(st, rows, f.cursor, false, w, h)
}

// howTo lists the points with their labels when the question names each
// ("1 = Dislike a lot, 2 = Dislike, ..."), else the ends', and the skip.
func (f scaleField) howTo() string {
	lo, hi := f.q.Bounds()
	s := fmt.Sprintf("Type a number from %d to %d", lo, hi)
	var pts []string
	for i := lo; i <= hi; i++ {
		if l := f.q.ScaleLabel(float64(i)); l != "" {
			pts = append(pts, fmt.Sprintf("%d = %s", i, accPlain(l)))
		}
	}
	switch len(pts) {
	case 0:
	case 2: // the ends
		s += ", where " + pts[0] + " and " + pts[1]
	default:
		s += ", where " + strings.Join(pts, ", ")
	}
	if f.skip {
		s += fmt.Sprintf("; or s (or 0) to skip (%s)", accPlain(skipWords(f.q)))
	}
	return s
}

// skipWords is the skip's label without its "Skip: " lead, for a sentence:
// "I can't picture this one".
func skipWords(q *advisor.Question) string {
	w := strings.TrimSpace(q.Skip)
	if i := strings.Index(w, ":"); i >= 0 && strings.EqualFold(strings.TrimSpace(w[:i]), "skip") {
		w = strings.TrimSpace(w[i+1:])
	}
	return w
}

func (f scaleField) parse(line string) (any, string) { return f.q.ParseNumber(line) }
