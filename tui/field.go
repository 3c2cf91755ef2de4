package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// A field is one question's input, one type per kind of question (as huh's
// field_*.go): a list of options with a cursor (choice), the same list with
// boxes to tick (multi), yes and no (yesno), a numbered scale (scale) and a
// text field for a number (number). The question screen asks every
// question through one, whether in the questionnaire, in a change started
// from the review or in a what-if change picked from the results, and the
// accessible line mode asks through the same kinds (howTo, parse).
//
// Fields are values: update returns the field changed.
type field interface {
	// keys switches on the keys the field uses, with Next, Back and
	// Explain, and sets their help. The question screen calls it when the
	// question opens, and again for the help so that its words come last.
	keys(k *keyMap)
	// update handles a message the screen did not use: moving, ticking,
	// typing. A key that answers at once (y, n, a rating) returns the answer
	// as done; done is nil otherwise. page is how many rows a page key moves.
	update(msg tea.Msg, k keyMap, page int) (f field, cmd tea.Cmd, done any)
	// value is the answer the field holds. A field that holds none (a number
	// that does not parse or is out of bounds) returns itself showing why,
	// and ok false.
	value() (f field, v any, ok bool)
	// touched reports whether the student ticked or typed since the
	// question opened, so that going back keeps it.
	touched() bool
	// view draws the field in w columns, a list in at most h rows.
	view(st *Styles, w, h int) []string
	// option is the option under the cursor, for its help; nil when none.
	option() *advisor.Option

	// howTo says, in the accessible mode, what may be typed.
	howTo() string
	// parse reads a non-blank line typed in the accessible mode into an
	// answer, or says what is wrong and what is allowed. Bounds are left to
	// [advisor.Engine.Check].
	parse(line string) (any, string)
}

// A field may take some keys before the question screen sees them, and may
// ask before it gives an answer; these optional interfaces say so.
type (
	// keyTaker is a field that takes key k itself, before the screen's
	// enter, esc and ?: a multi asking whether nothing ticked means none, a
	// list being filtered, a number being typed (q, ? and h are text there).
	keyTaker interface{ takes(k tea.KeyPressMsg) bool }
	// confirmer is a field that may ask before enter gives its answer:
	// sure is false when it now asks (and f shows the question).
	confirmer interface{ confirm() (f field, sure bool) }
	// typer is a field whose keys are text: the root leaves q and ? to it.
	typer interface{ typing() bool }
)

// newField returns the field for question q showing its answer in a (the
// default when unanswered). drafts holds the text of number fields left
// unfinished, by question id; the number field keeps its own there as it is
// typed (nil: no drafts, as in the accessible mode, which never types into
// a field, and draws none, so it passes no styles either).
func newField(q *advisor.Question, a advisor.Answers, drafts map[string]string, st *Styles) (field, tea.Cmd) {
	v, answered := a.Value(q)
	switch q.Kind {
	case advisor.KindChoice:
		return newChoiceField(q, v), nil
	case advisor.KindMulti:
		return newMultiField(q, v, answered), nil
	case advisor.KindYesNo:
		return newYesNoField(q, v), nil
	case advisor.KindScale:
		return newScaleField(q, v), nil
	case advisor.KindNumber:
		return newNumberField(q, v, answered, drafts, st)
	}
	return unknownField{q: q}, nil
}

// listField is what the list kinds share: a cursor over n rows and the
// keys that move it.
type listField struct {
	q      *advisor.Question
	cursor int
	n      int
}

// move moves the cursor for a moving key and reports whether msg was one.
func (l listField) move(msg tea.Msg, k keyMap, page int) (listField, bool) {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, false
	}
	switch {
	case key.Matches(m, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(m, k.Down):
		l.cursor = min(l.cursor+1, l.n-1)
	case key.Matches(m, k.PageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(m, k.PageDown):
		l.cursor = min(l.cursor+page, l.n-1)
	case key.Matches(m, k.Home):
		l.cursor = 0
	case key.Matches(m, k.End):
		l.cursor = max(l.n-1, 0)
	default:
		return l, false
	}
	return l, true
}

// optionAt is the option under the cursor of an options list.
func (l listField) optionAt() *advisor.Option {
	if l.cursor < 0 || l.cursor >= len(l.q.Options) {
		return nil
	}
	return &l.q.Options[l.cursor]
}

// listRow is one row of a list as drawn: its label and whether it is the
// answer (or ticked).
type listRow struct {
	label  string
	chosen bool
}

// listLines draws the rows, a window of h of them when the list is long,
// with "↑ n more" / "↓ n more" where rows are hidden. Boxes are [ ]/[x]
// (tick) or ( )/(•).
func listLines(st *Styles, rows []listRow, cursor int, boxes bool, w, h int) []string {
	top := window(cursor, len(rows), h)
	end := min(top+h, len(rows))
	var out []string
	if top > 0 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("  ↑ %d more", top)))
	}
	cut := false
	for i := top; i < end; i++ {
		r := rows[i]
		mark := "( ) "
		if boxes {
			mark = "[ ] "
			if r.chosen {
				mark = "[x] "
			}
		} else if r.chosen {
			mark = "(•) "
		}
		lead, markStyle := "  ", st.Subtle
		if i == cursor {
			lead = "> "
		}
		if r.chosen {
			markStyle = st.Marker
		}
		label := trunc(r.label, w-len(lead)-4)
		if i == cursor {
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
		out = append(out, hang("  ", rows[cursor].label, w, st.Subtle, st.Subtle)...)
	}
	return out
}

// optionByInput finds the option a typed word names: by its number on the
// list, or by its value or label, ignoring case.
func optionByInput(q *advisor.Question, in string) (int, bool) {
	if n, err := strconv.Atoi(in); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return n - 1, true
		}
		return 0, false
	}
	for i, o := range q.Options {
		if strings.EqualFold(in, o.Value) || strings.EqualFold(in, accPlain(o.Label)) {
			return i, true
		}
	}
	return 0, false
}

// unknownField stands for a kind this version cannot ask. The loader
// refuses such questions, so it is never on show; it takes no answer.
type unknownField struct{ q *advisor.Question }

func (f unknownField) keys(*keyMap) {}
func (f unknownField) update(tea.Msg, keyMap, int) (field, tea.Cmd, any) {
	return f, nil, nil
}
func (f unknownField) value() (field, any, bool)       { return f, nil, false }
func (f unknownField) touched() bool                   { return false }
func (f unknownField) view(*Styles, int, int) []string { return nil }
func (f unknownField) option() *advisor.Option         { return nil }
func (f unknownField) howTo() string                   { return "Type your answer" }
func (f unknownField) parse(string) (any, string) {
	return nil, "this question cannot be answered in this mode (unknown kind " + strconv.Quote(string(f.q.Kind)) + ")"
}
