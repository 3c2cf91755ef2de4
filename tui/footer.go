package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// This file is the footer under every screen: the status line (what just
// happened, the quit question) and the help, the screen's keys plus the
// global ones.

// status is the line above the help: what just happened, or what went wrong.
type status struct {
	text string
	err  bool // a problem: drawn as one, and a later save that works clears it
}

// note is a status line saying what happened; problem one saying what went wrong.
func note(text string) status    { return status{text: text} }
func problem(text string) status { return status{text: text, err: true} }

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
		lines = append(lines, para(m.status.text, w, style)...)
	}
	h := m.help
	h.Styles = st.Help
	return append(lines, strings.Split(h.View(m.helpKeys()), "\n")...)
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
	var enabled, short []key.Binding
	for _, b := range screen {
		if !b.Enabled() {
			continue
		}
		enabled = append(enabled, b)
		// The short line: the screen's first keys, then ? and q; paging and
		// jumping to the ends are in the full help.
		if b.Help() != m.c.keys.Home.Help() && b.Help() != m.c.keys.End.Help() &&
			b.Help() != m.c.keys.PageUp.Help() && b.Help() != m.c.keys.PageDown.Help() && len(short) < 5 {
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
