package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// choiceField picks one option from a list: a ">" cursor, and (•) on the
// answer. In a long list (more than nine options) a letter jumps to the next
// option starting with it, and / filters the list: what is typed narrows it
// to the options whose name or short form holds it ("new y" leaves New York,
// "ny" too), best matches first; enter picks the highlighted one, esc leaves
// the filter with the cursor where it was, backspace on an empty filter too.
type choiceField struct {
	listField
	answer any // the answer when the question opened (or its default)

	filtering bool   // the filter is open: keys are its text
	query     string // the filter's text
	matches   []int  // the options it leaves, best first, by index
	at        int    // the cursor among matches
}

func newChoiceField(q *advisor.Question, v any) choiceField {
	i := max(slices.IndexFunc(q.Options, func(o advisor.Option) bool { return o.Value == v }), 0)
	return choiceField{listField: listField{q: q, cursor: i, n: len(q.Options)}, answer: v}
}

// long reports whether letters jump to options and / filters.
func (f choiceField) long() bool { return len(f.q.Options) > 9 }

func (f choiceField) keys(k *keyMap) {
	k.enable(&k.Next, &k.Back, &k.Explain, &k.Move, &k.Up, &k.Down, &k.Home, &k.End)
	if f.filtering {
		k.enable(&k.Next, &k.Back, &k.Move)
		k.Next.SetHelp("enter", "choose")
		k.Back.SetHelp("esc", "close the filter")
		k.Move.SetHelp("↑/↓", "move")
		return
	}
	if !f.long() {
		// A digit moves the cursor to that option (enter answers).
		var digits []string
		for i := 1; i <= len(f.q.Options); i++ {
			digits = append(digits, strconv.Itoa(i))
		}
		k.Rate.SetEnabled(true)
		k.Rate.SetKeys(digits...)
		k.Rate.SetHelp("1-"+digits[len(digits)-1], "go to")
	}
	if f.long() {
		// Letters jump to options here, so g and G are letters too.
		k.Home.SetKeys("home")
		k.Home.SetHelp("home", "first")
		k.End.SetKeys("end")
		k.End.SetHelp("end", "last")
		k.Jump.SetEnabled(true)
		k.Filter.SetEnabled(true)
		k.PageUp.SetEnabled(true)
		k.PageDown.SetEnabled(true)
	}
}

// takes reports whether the field takes k before the screen: every key
// while the filter is open.
func (f choiceField) takes(tea.KeyPressMsg) bool { return f.filtering }

// typing reports whether letters are the filter's text.
func (f choiceField) typing() bool { return f.filtering }

func (f choiceField) update(msg tea.Msg, k keyMap, page int) (field, tea.Cmd, any) {
	m, isKey := msg.(tea.KeyPressMsg)
	if f.filtering {
		if paste, ok := msg.(tea.PasteMsg); ok {
			return f.filter(f.query + oneLineText(paste.Content)), nil, nil
		}
		if !isKey {
			return f, nil, nil
		}
		return f.filterKey(m, page)
	}
	var moved bool
	if f.listField, moved = f.move(msg, k, page); moved {
		return f, nil, nil
	}
	switch {
	case isKey && key.Matches(m, k.Filter):
		f.filtering = true
		f = f.filter("")
		f.at = max(slices.Index(f.matches, f.cursor), 0) // where the cursor was
		return f, nil, nil
	case isKey && key.Matches(m, k.Jump):
		f.cursor = f.jump(m.String())
	case isKey && key.Matches(m, k.Rate):
		if d, err := strconv.Atoi(m.String()); err == nil && d >= 1 && d <= len(f.q.Options) {
			f.cursor = d - 1
		}
	}
	return f, nil, nil
}

// filterKey handles a key while the filter is open.
func (f choiceField) filterKey(m tea.KeyPressMsg, page int) (field, tea.Cmd, any) {
	switch m.String() {
	case "enter":
		if len(f.matches) == 0 {
			return f, nil, nil
		}
		f.cursor = f.matches[f.at]
		return f, nil, f.q.Options[f.cursor].Value
	case "esc":
		return f.closeFilter(), nil, nil
	case "up":
		f.at = max(f.at-1, 0)
	case "down":
		f.at = max(min(f.at+1, len(f.matches)-1), 0)
	case "pgup":
		f.at = max(f.at-page, 0)
	case "pgdown":
		f.at = max(min(f.at+page, len(f.matches)-1), 0)
	case "home":
		f.at = 0
	case "end":
		f.at = max(len(f.matches)-1, 0)
	case "backspace":
		if f.query == "" {
			return f.closeFilter(), nil, nil
		}
		r := []rune(f.query)
		return f.filter(string(r[:len(r)-1])), nil, nil
	case "ctrl+u":
		return f.filter(""), nil, nil
	default:
		if m.Text != "" {
			return f.filter(f.query + oneLineText(m.Text)), nil, nil
		}
	}
	return f, nil, nil
}

// closeFilter leaves the filter, the cursor on the option highlighted in it.
func (f choiceField) closeFilter() choiceField {
	if f.at < len(f.matches) {
		f.cursor = f.matches[f.at]
	}
	f.filtering, f.query, f.matches, f.at = false, "", nil, 0
	return f
}

// filter sets the filter's text and the options it leaves, the cursor on
// the best.
func (f choiceField) filter(query string) choiceField {
	if r := []rune(query); len(r) > 40 {
		query = string(r[:40])
	}
	f.query, f.matches, f.at = query, filterOptions(f.q.Options, query), 0
	return f
}

// filterOptions returns the options that query names, best first: its
// short form or name exactly ("ny", "new york"), then names starting with
// it, then a word of the name starting with it, then names holding it
// anywhere; case and runs of spaces are ignored. An empty query leaves all.
func filterOptions(opts []advisor.Option, query string) []int {
	q := strings.ToLower(strings.Join(strings.Fields(query), " "))
	var groups [4][]int
	for i, o := range opts {
		label := strings.ToLower(strings.Join(strings.Fields(accPlain(o.Label)), " "))
		switch {
		case q == "":
			groups[3] = append(groups[3], i)
		case strings.EqualFold(o.Value, q) || label == q:
			groups[0] = append(groups[0], i)
		case strings.HasPrefix(label, q):
			groups[1] = append(groups[1], i)
		case strings.Contains(label, " "+q) || strings.Contains(label, "("+q):
			groups[2] = append(groups[2], i)
		case strings.Contains(label, q):
			groups[3] = append(groups[3], i)
		}
	}
	return slices.Concat(groups[:]...)
}

// oneLineText keeps the printable part of typed or pasted text.
func oneLineText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
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

func (f choiceField) value() (field, any, bool) {
	if f.filtering && f.at < len(f.matches) {
		return f, f.q.Options[f.matches[f.at]].Value, true
	}
	return f, f.q.Options[f.cursor].Value, true
}

func (f choiceField) touched() bool { return false }

func (f choiceField) option() *advisor.Option {
	if f.filtering {
		if f.at < len(f.matches) {
			return &f.q.Options[f.matches[f.at]]
		}
		return nil
	}
	return f.optionAt()
}

func (f choiceField) view(st *Styles, w, h int) []string {
	if f.filtering {
		head := st.Cursor.Render("/ ") + st.Text.Render(f.query) + st.Subtle.Reverse(true).Render(" ")
		count := fmt.Sprintf("  %d of %d", len(f.matches), len(f.q.Options))
		lines := []string{trunc(head+st.Subtle.Render(count), w)}
		if len(f.matches) == 0 {
			return append(lines, st.Subtle.Render(trunc("  No option matches; backspace to change it.", w)))
		}
		rows := make([]listRow, len(f.matches))
		for i, j := range f.matches {
			o := f.q.Options[j]
			rows[i] = listRow{o.Label, o.Value == f.answer}
		}
		return append(lines, listLines(st, rows, f.at, false, w, max(h-1, 1))...)
	}
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
