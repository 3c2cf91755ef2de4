package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// This file is the footer under every screen: the status line (what just
// happened, the quit question) and the help, the screen's keys plus the
// global ones.

// status is the line above the help: what just happened, or what went wrong.
// It is shown on the screen it was set on and goes at the next change of
// screen (D18), except a session that cannot be saved, which stays until a
// save works. On short terminals a note takes one line (cut), so the screen
// keeps its room; problems and where an export went are shown whole.
type status struct {
	text   string
	err    bool // a problem: drawn as one, and a later save that works clears it
	sticky bool // stays across screens (the session cannot be saved)
	whole  bool // never cut (where the files went)
}

// note is a status line saying what happened; problem one saying what went wrong.
func note(text string) status    { return status{text: text} }
func problem(text string) status { return status{text: text, err: true, whole: true} }

// shortHeight is the height below which a note takes one line.
const shortHeight = 16

// footer is the status line (export result, quit question) and the help.
func (m *model) footer(w int) []string {
	st := m.c.st
	var lines []string
	if m.notice != "" {
		lines = append(lines, st.Error.Render(trunc(m.notice, w)))
	}
	switch {
	case m.confirmQuit && m.sess.on:
		lines = append(lines, st.Error.Render(trunc("! The answers are not saved. Quit anyway? y/n", w)))
	case m.confirmQuit:
		lines = append(lines, st.Error.Render(trunc("Quit without exporting? y/n", w)))
	case m.status.text != "":
		style := st.Good
		if m.status.err {
			style = st.Error
		}
		if _, h := m.c.size(); h < shortHeight && !m.status.whole {
			lines = append(lines, style.Render(trunc(m.status.text, w)))
		} else {
			lines = append(lines, para(m.status.text, w, style)...)
		}
	}
	keys := m.helpKeys()
	if m.help.ShowAll {
		_, h := m.c.size()
		return append(lines, fullHelp(st, keys.full, w, max(h/2, 3))...)
	}
	h := m.help
	h.Styles = st.Help
	h.SetWidth(w)
	if short := keys.short; m.state == stateQuestion && len(short) == questionShortKeys+1 && shortWidth(short) > w {
		// the question's extra key does not fit: drop it, keep q quit
		keys.short = append(append([]key.Binding{}, short[:questionShortKeys-1]...), short[questionShortKeys])
	}
	return append(lines, h.ShortHelpView(keys.short))
}

// questionShortKeys is how many of a question's keys its short help line
// may show, before q quit, when they fit.
const questionShortKeys = 6

// shortWidth is the width of a short help line of bindings: "key desc"
// joined by " • ".
func shortWidth(bs []key.Binding) int {
	n := 0
	for i, b := range bs {
		if i > 0 {
			n += 3
		}
		n += ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc)
	}
	return n
}

// fullHelp lays every key out in as many columns as fit in w cells, down
// then across, each column's keys and words aligned, so no key is cut off
// (bubbles' full help cuts the columns that do not fit). When the columns
// would take more than maxRows lines (a small terminal), the keys run on
// in lines instead, "key words · key words", wrapped at w.
func fullHelp(st *Styles, groups [][]key.Binding, w, maxRows int) []string {
	type item struct{ key, desc string }
	var items []item
	seen := map[item]bool{}
	for _, g := range groups {
		for _, b := range g {
			it := item{b.Help().Key, b.Help().Desc}
			if !b.Enabled() || it.key == "" || seen[it] {
				continue
			}
			seen[it] = true
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return nil
	}
	const gap = 3
	layout := func(cols int) (rows int, keyW, descW []int, total int) {
		rows = (len(items) + cols - 1) / cols
		keyW, descW = make([]int, cols), make([]int, cols)
		for i, it := range items {
			c := i / rows
			keyW[c] = max(keyW[c], ansi.StringWidth(it.key))
			descW[c] = max(descW[c], ansi.StringWidth(it.desc))
		}
		for c := range cols {
			total += keyW[c] + 1 + descW[c]
		}
		return rows, keyW, descW, total + gap*(cols-1)
	}
	cols := 1
	for c := len(items); c > 1; c-- {
		if rows, _, _, total := layout(c); total <= w && (len(items)+rows-1)/rows == c {
			cols = c
			break
		}
	}
	rows, keyW, descW, _ := layout(cols)
	if rows > maxRows {
		var out []string
		line, lw := "", 0
		for _, it := range items {
			piece := st.Help.FullKey.Render(it.key) + " " + st.Help.FullDesc.Render(it.desc)
			pw := ansi.StringWidth(it.key) + 1 + ansi.StringWidth(it.desc)
			switch {
			case lw == 0:
				line, lw = piece, pw
			case lw+3+pw <= w:
				line += st.Help.FullSeparator.Render(" · ") + piece
				lw += 3 + pw
			default:
				out = append(out, trunc(line, w))
				line, lw = piece, pw
			}
		}
		return append(out, trunc(line, w))
	}
	out := make([]string, rows)
	for r := range rows {
		var b strings.Builder
		for c := range cols {
			i := c*rows + r
			if i >= len(items) {
				break
			}
			if c > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(st.Help.FullKey.Render(padRight(items[i].key, keyW[c])))
			b.WriteString(" ")
			desc := items[i].desc
			if c < cols-1 {
				desc = padRight(desc, descW[c])
			}
			b.WriteString(st.Help.FullDesc.Render(desc))
		}
		out[r] = trunc(strings.TrimRight(b.String(), " "), w)
	}
	return out
}

// helpKeys are the active screen's keys plus the global ones.
func (m *model) helpKeys() helpKeys {
	var screen []key.Binding
	if s := m.screen(); s != nil {
		screen = s.helpKeys()
	}
	if m.confirmQuit {
		return helpKeys{short: []key.Binding{m.c.keys.Confirm, m.c.keys.Deny}, full: [][]key.Binding{{m.c.keys.Confirm, m.c.keys.Deny}}}
	}
	helpKey := m.c.keys.Help
	if m.help.ShowAll {
		helpKey.SetHelp("?", "fewer keys")
	}
	global := []key.Binding{m.c.keys.Quit, m.c.keys.ForceQuit}
	switch {
	case m.typing():
		global = []key.Binding{m.c.keys.ForceQuit}
	case m.state != stateQuestion:
		global = append([]key.Binding{helpKey}, global...)
	}
	// A question's line may have one key more when it fits (footer drops
	// it when not): it has no ? for help (? explains the question), and an
	// activity needs its 1-5 and 0/s as well as enter, esc, ↑/↓ and ? to
	// explain.
	most := 5
	if m.state == stateQuestion && !m.typing() {
		most = questionShortKeys
	}
	var enabled, short []key.Binding
	for _, b := range screen {
		if !b.Enabled() {
			continue
		}
		enabled = append(enabled, b)
		// The short line: the screen's first keys, then ? and q; paging and
		// jumping to the ends are in the full help.
		if b.Help() != m.c.keys.Home.Help() && b.Help() != m.c.keys.End.Help() &&
			b.Help() != m.c.keys.PageUp.Help() && b.Help() != m.c.keys.PageDown.Help() && len(short) < most {
			short = append(short, b)
		}
	}
	short = append(append([]key.Binding{}, short...), helpKey, m.c.keys.Quit)
	switch {
	case m.typing():
		short = append(short[:len(short)-2], m.c.keys.ForceQuit)
	case m.state == stateQuestion:
		short = append(short[:len(short)-2], m.c.keys.Quit)
	}
	var full [][]key.Binding
	for i := 0; i < len(enabled); i += 4 {
		full = append(full, enabled[i:min(i+4, len(enabled))])
	}
	return helpKeys{short: short, full: append(full, global)}
}
