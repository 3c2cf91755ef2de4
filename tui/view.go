package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// This file sizes and draws the root: the body each screen gets, and the
// frame around it (title, status line, help).

// bodySize is the room the screen on show gets: the terminal minus the
// frame, the status line and the help.
func (m *model) bodySize() (int, int) {
	w, h := m.c.size()
	bw := min(w-m.c.st.App.GetHorizontalFrameSize(), m.maxWidth())
	bh := h - m.c.st.App.GetVerticalFrameSize() - len(m.footer(bw))
	return max(bw, 1), max(bh, 1)
}

// maxWidth is the widest the screen on show is drawn: prose reads best
// within 100 columns, the results' list and detail side by side take 120.
func (m *model) maxWidth() int {
	if m.state == stateResult {
		return maxWideWidth
	}
	return maxWidth
}

// layout gives the screen on show its size (a screen is sized again when it
// is shown); screens that depend on the size rebuild only when it changed.
func (m *model) layout() {
	bw, bh := m.bodySize()
	m.help.SetWidth(bw)
	if s := m.screen(); s != nil {
		s.setSize(bw, bh)
	}
}

// View implements tea.View: the screen on show on the alternate screen,
// never wider or taller than the terminal.
func (m *model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "medpath"
	return v
}

// render draws the screen as text: the body, cut and padded to its room,
// then the footer, every line cut to the content width, the whole centred
// on wide terminals.
func (m *model) render() string {
	w, h := m.c.size()
	if w < minWidth || h < minHeight {
		return clamp(strings.Join(wrap(tooSmall, w), "\n"), w, h)
	}
	st := m.c.st
	bw := min(w-st.App.GetHorizontalFrameSize(), m.maxWidth())
	footer := m.footer(bw)
	bh := max(h-st.App.GetVerticalFrameSize()-len(footer), 1)
	body := st.Error.Render(fmt.Sprintf("Unknown screen %s: this is a bug. Press ctrl+c to quit.", m.state))
	if s := m.screen(); s != nil {
		body = s.view()
	}
	lines := append(fitLines(strings.Split(body, "\n"), bh), footer...)
	// The frame is drawn by hand: Style.Render would measure and pad every
	// line again. On a terminal wider than the content, the content is centred.
	left := strings.Repeat(" ", st.App.GetPaddingLeft()+max((w-bw-st.App.GetHorizontalFrameSize())/2, 0))
	var b strings.Builder
	for i, l := range lines[:min(len(lines), h)] {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left)
		b.WriteString(trunc(l, bw))
	}
	return b.String()
}
