package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// compareScreen sets the technician and technologist levels side by side
// (education, time, scope, trajectory, pay, all from the data), then the
// student's best path at each level with its time, cost and pay, and how the
// first leads to the second.
type compareScreen struct {
	c      *common
	keys   keyMap
	rec    *advisor.Recommendation
	vp     pane
	width  int
	height int
	styled *Styles // the styles vp's lines were drawn with
}

// newCompareScreen builds the comparison screen.
func newCompareScreen(c *common) compareScreen {
	s := compareScreen{c: c, keys: c.keys, vp: newPane()}
	k := &s.keys
	k.enable(&k.Move, &k.Up, &k.Down, &k.ScrollUp, &k.ScrollDown, &k.Back, &k.Export, &k.Learn)
	k.Move.SetHelp("↑/↓", "scroll")
	k.Back.SetKeys("esc")
	return s
}

func (s compareScreen) setRec(r *advisor.Recommendation) compareScreen {
	s.rec = r
	return s.refresh()
}

// setSize sizes the screen; it is drawn again only when the size or the
// styles changed.
func (s *compareScreen) setSize(w, h int) {
	if s.width == w && s.height == h && s.styled == s.c.st {
		return
	}
	s.width, s.height = w, h
	*s = s.refresh()
}

func (s compareScreen) refresh() compareScreen {
	s.styled = s.c.st
	s.vp.setSize(s.width, s.height-2)
	s.vp.setLines(s.content(max(s.width, 10)), false)
	return s
}

func (s compareScreen) update(msg tea.Msg) (compareScreen, tea.Cmd, transition) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil, nil
	}
	switch {
	case key.Matches(k, s.keys.Up):
		s.vp.lineUp()
	case key.Matches(k, s.keys.Down):
		s.vp.lineDown()
	case key.Matches(k, s.keys.ScrollUp):
		s.vp.pageUp()
	case key.Matches(k, s.keys.ScrollDown):
		s.vp.pageDown()
	case key.Matches(k, s.keys.Export):
		return s, nil, exportReport{}
	case key.Matches(k, s.keys.Learn):
		return s, nil, showScreen{to: stateLearn}
	case key.Matches(k, s.keys.Back):
		return s, nil, goBack{}
	}
	return s, nil, nil
}

func (s compareScreen) view() string {
	st, w := s.c.st, s.width
	head := []string{
		st.Title.Render(trunc("Technician or technologist?", w)),
		rule(st, w),
	}
	return strings.Join(append(head, s.vp.view()...), "\n")
}

// content builds the comparison for width w: two columns when there is room,
// one level after the other when not.
func (s compareScreen) content(w int) []string {
	st := s.c.st
	levels := s.c.eng.Levels()
	if len(levels) == 0 {
		return para("The data has no level descriptions.", w, st.Subtle)
	}
	rows := []struct {
		label string
		get   func(*advisor.Level) string
	}{
		{"Education", func(l *advisor.Level) string { return l.Education }},
		{"Time", func(l *advisor.Level) string { return l.Time }},
		{"Scope", func(l *advisor.Level) string { return l.Scope }},
		{"Trajectory", func(l *advisor.Level) string { return l.Trajectory }},
		{"Pay", func(l *advisor.Level) string { return l.Pay }},
	}
	var lines []string
	const labelW = 11
	if len(levels) == 2 && w >= 64 {
		colW := (w - labelW - 3) / 2
		lines = append(lines, strings.Repeat(" ", labelW)+
			padRight(st.Section.Render(trunc(levels[0].Title, colW)), colW)+"   "+
			st.Section.Render(trunc(levels[1].Title, colW)))
		for _, r := range rows {
			a, b := wrap(r.get(levels[0]), colW), wrap(r.get(levels[1]), colW)
			for i := range max(len(a), len(b), 1) {
				label := ""
				if i == 0 {
					label = r.label
				}
				left, right := "", ""
				if i < len(a) {
					left = a[i]
				}
				if i < len(b) {
					right = b[i]
				}
				lines = append(lines, st.Heading.Render(padRight(label, labelW))+
					st.Text.Render(padRight(left, colW))+"   "+st.Text.Render(right))
			}
			lines = append(lines, "")
		}
	} else {
		for _, l := range levels {
			lines = append(lines, st.Section.Render(trunc(l.Title, w)))
			for _, r := range rows {
				lines = append(lines, hang(r.label+": ", r.get(l), w, st.Heading, st.Text)...)
			}
			lines = append(lines, "")
		}
	}
	lines = append(lines, s.yourPaths(levels, w)...)
	return lines
}

// yourPaths shows the best-ranked path at each level for these answers and
// how the technician level leads to the technologist one.
func (s compareScreen) yourPaths(levels []*advisor.Level, w int) []string {
	st := s.c.st
	if s.rec == nil {
		return nil
	}
	lines := []string{st.Section.Render("Your best path at each level")}
	tops := map[string]*advisor.PathResult{}
	for _, l := range levels {
		for i := range s.rec.Paths {
			if p := &s.rec.Paths[i]; p.Level == l.ID {
				tops[l.ID] = p
				break
			}
		}
		p := tops[l.ID]
		if p == nil {
			continue
		}
		lines = append(lines, hang(l.Title+": ", fmt.Sprintf("%s (rank %d, %s)", p.Title, p.Rank, p.Fit), w, st.Heading, st.Text)...)
		lines = append(lines, hang("  ", fmt.Sprintf("%s to a first job · %s · pay %s",
			advisor.MonthsText(p.TotalMonths), advisor.DollarSpan(p.TotalCost), advisor.PayShort(p.Salary)), w, st.Subtle, st.Subtle)...)
	}
	if len(levels) < 2 {
		return lines
	}
	lines = append(lines, "", st.Section.Render(fmt.Sprintf("From %s to %s", strings.ToLower(levels[0].Title), strings.ToLower(levels[1].Title))))
	if p := tops[levels[0].ID]; p != nil && p.Path() != nil && p.Path().Leads != "" {
		lines = append(lines, para(p.Path().Leads, w, st.Text)...)
	} else {
		lines = append(lines, para(levels[0].Trajectory, w, st.Text)...)
	}
	if p := tops[levels[1].ID]; p != nil {
		for _, g := range p.Gates {
			if !g.Met && g.Bridge != "" {
				lines = append(lines, hang("→ For "+p.Title+": ", g.Bridge, w, st.Warn, st.Text)...)
			}
		}
	}
	return lines
}

func (s compareScreen) helpKeys() []key.Binding {
	k := s.keys
	k.ScrollDown.SetEnabled(!s.vp.atBottom())
	k.ScrollUp.SetEnabled(!s.vp.atTop())
	return []key.Binding{k.Move, k.ScrollDown, k.Back, k.Export, k.Learn, k.ScrollUp}
}
