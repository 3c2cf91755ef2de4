package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// resultScreen shows the ranked paths and, for the selected one, four tabs:
// Overview (summary, duties, why, gates), Plan (a month timeline with cost),
// Certification (each route: now, after which step, or not, and why) and
// Pay & outlook (a text bar of the pay range with source and date). The list
// and the detail sit side by side on wide terminals and stack on narrow ones;
// the detail scrolls in a viewport when it does not fit.
//
// In what-if mode it shows the results for the what-if answers under a
// WHAT-IF banner, with a first tab listing what changes against the real
// answers; a keeps the change, esc drops it.
type resultScreen struct {
	c      *common
	keys   keyMap
	rec    *advisor.Recommendation
	sel    int
	tab    int
	detail pane
	width  int
	height int
	wide   bool
	styled *Styles // the styles detail's lines were drawn with

	diff  *advisor.Diff                 // what-if mode: the changes against the real answers
	ranks map[string]advisor.RankChange // what-if mode: rank changes by path id
	real  *advisor.Recommendation       // what-if mode: the real results, for "was" figures
}

// Result tabs, in order.
const (
	tabOverview = iota
	tabPlan
	tabCerts
	tabPay
	tabChanges // what-if mode only, and first there
	tabCount
)

var (
	tabNames      = [tabCount]string{"Overview", "Plan", "Certification", "Pay & outlook", "What changes"}
	tabShortNames = [tabCount]string{"Overview", "Plan", "Certs", "Pay", "Changes"}
)

// tabs are the tabs on show, in order.
func (s resultScreen) tabs() []int {
	if s.diff != nil {
		return []int{tabChanges, tabOverview, tabPlan, tabCerts, tabPay}
	}
	return []int{tabOverview, tabPlan, tabCerts, tabPay}
}

// tabIndex is the place of the open tab among the tabs on show.
func (s resultScreen) tabIndex() int {
	for i, t := range s.tabs() {
		if t == s.tab {
			return i
		}
	}
	return 0
}

// listWidth is the width of the path list beside the detail on wide terminals.
func (s resultScreen) listWidth() int { return min(max(s.width*2/5, 30), 44) }

// newResultScreen builds the results screen.
func newResultScreen(c *common) resultScreen {
	s := resultScreen{c: c, keys: c.keys, detail: newPane()}
	k := &s.keys
	k.Back.SetKeys("esc")
	k.Move.SetHelp("↑/↓", "path")
	return s.setMode(false)
}

// setMode switches the keys between the real results and what-if mode.
func (s resultScreen) setMode(whatIf bool) resultScreen {
	k := &s.keys
	if whatIf {
		k.enable(&k.Move, &k.Up, &k.Down, &k.NextTab, &k.PrevTab, &k.TabNumber, &k.ScrollUp, &k.ScrollDown,
			&k.Keep, &k.WhatIf, &k.Back, &k.Home, &k.End)
		k.Back.SetHelp("esc", "discard what-if")
		k.WhatIf.SetHelp("w", "change another")
		k.TabNumber.SetKeys("1", "2", "3", "4", "5")
		k.TabNumber.SetHelp("1-5", "open tab")
		return s
	}
	k.enable(&k.Move, &k.Up, &k.Down, &k.NextTab, &k.PrevTab, &k.TabNumber, &k.ScrollUp, &k.ScrollDown,
		&k.Compare, &k.Learn, &k.Export, &k.WhatIf, &k.Back, &k.Home, &k.End)
	k.Back.SetHelp("esc", "answers")
	k.WhatIf.SetHelp("w", "what if")
	k.TabNumber.SetKeys("1", "2", "3", "4")
	k.TabNumber.SetHelp("1-4", "open tab")
	return s
}

// setRec shows a new recommendation, with its recommended path selected,
// and leaves what-if mode.
func (s resultScreen) setRec(r *advisor.Recommendation) resultScreen {
	s.rec, s.sel, s.tab = r, 0, tabOverview
	s.diff, s.ranks, s.real = nil, nil, nil
	s = s.setMode(false)
	return s.refresh(true)
}

// setWhatIf shows the results r for what-if answers, with the changes d
// against the real results real, on the changes tab.
func (s resultScreen) setWhatIf(r, real *advisor.Recommendation, d advisor.Diff) resultScreen {
	s.rec, s.real, s.diff, s.sel, s.tab = r, real, &d, 0, tabChanges
	s.ranks = map[string]advisor.RankChange{}
	for _, rc := range d.Ranks {
		s.ranks[rc.ID] = rc
	}
	s = s.setMode(true)
	return s.refresh(true)
}

// setSize sizes the screen; it is drawn again only when the size, the
// layout or the styles changed.
func (s *resultScreen) setSize(w, h int) {
	wide := s.c.wide()
	if s.width == w && s.height == h && s.wide == wide && s.styled == s.c.st {
		return
	}
	s.width, s.height, s.wide = w, h, wide
	*s = s.refresh(false)
}

// detailWidth is the width of the detail pane.
func (s resultScreen) detailWidth() int {
	if s.wide {
		return max(s.width-s.listWidth()-3, 10)
	}
	return max(s.width, 10)
}

// rowLines is how many lines one path takes in the stacked list: one from
// 70 columns (rank, title, then months, cost and pay on the right), two
// below (the months, cost and pay under the title).
func (s resultScreen) rowLines() int {
	if s.width >= 70 {
		return 1
	}
	return 2
}

// listRows is how many paths the stacked list shows at a time: one (with
// the count beside it) on short terminals, about a third of the height
// otherwise.
func (s resultScreen) listRows() int {
	if s.rec == nil {
		return 0
	}
	if s.height < 16 {
		return 1
	}
	return min(len(s.rec.Paths), max(max((s.height-10)/3, 3)/s.rowLines(), 2))
}

// listLines is how many lines the stacked list takes, with its count line
// and the gap under it.
func (s resultScreen) listLines() int {
	n := s.listRows()
	lines := n * s.rowLines()
	if s.rec != nil && n > 1 && len(s.rec.Paths) > n {
		lines++
	}
	if s.height >= 30 {
		lines++
	}
	return lines
}

// refresh rebuilds the detail for the selected path and tab, keeping the
// scroll position unless top is set.
func (s resultScreen) refresh(top bool) resultScreen {
	s.styled = s.c.st
	h := s.height - 3 // title, rule, tabs
	if !s.wide {
		h -= s.listLines()
	}
	s.detail.setSize(s.detailWidth(), h)
	if s.rec == nil || len(s.rec.Paths) == 0 {
		s.detail.setLines([]string{"No results yet."}, true)
		return s
	}
	s.detail.setLines(s.content(&s.rec.Paths[s.sel], s.detailWidth()), top)
	return s
}

func (s resultScreen) update(msg tea.Msg) (resultScreen, tea.Cmd, transition) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || s.rec == nil || len(s.rec.Paths) == 0 {
		if ok && key.Matches(k, s.keys.Back) {
			return s, nil, showScreen{to: stateReview}
		}
		return s, nil, nil
	}
	n := len(s.rec.Paths)
	sel, tab := s.sel, s.tab
	tabs := s.tabs()
	switch {
	case key.Matches(k, s.keys.Up):
		sel = max(sel-1, 0)
	case key.Matches(k, s.keys.Down):
		sel = min(sel+1, n-1)
	case key.Matches(k, s.keys.Home):
		sel = 0
	case key.Matches(k, s.keys.End):
		sel = n - 1
	case key.Matches(k, s.keys.NextTab):
		tab = tabs[(s.tabIndex()+1)%len(tabs)]
	case key.Matches(k, s.keys.PrevTab):
		tab = tabs[(s.tabIndex()+len(tabs)-1)%len(tabs)]
	case key.Matches(k, s.keys.TabNumber):
		i := 0
		fmt.Sscan(k.String(), &i)
		tab = tabs[min(max(i-1, 0), len(tabs)-1)]
	case key.Matches(k, s.keys.ScrollDown):
		s.detail.pageDown()
	case key.Matches(k, s.keys.ScrollUp):
		s.detail.pageUp()
	case key.Matches(k, s.keys.Export):
		return s, nil, exportReport{}
	case key.Matches(k, s.keys.Compare):
		return s, nil, showScreen{to: stateCompare}
	case key.Matches(k, s.keys.Learn):
		return s, nil, showScreen{to: stateLearn}
	case key.Matches(k, s.keys.WhatIf):
		return s, nil, whatIfOpen{}
	case key.Matches(k, s.keys.Keep):
		return s, nil, whatIfKeep{}
	case key.Matches(k, s.keys.Back) && s.diff != nil:
		return s, nil, whatIfDiscard{}
	case key.Matches(k, s.keys.Back):
		return s, nil, showScreen{to: stateReview}
	}
	if sel != s.sel || tab != s.tab {
		s.sel, s.tab = sel, tab
		s = s.refresh(true)
	}
	return s, nil, nil
}

func (s resultScreen) view() string {
	st, w := s.c.st, s.width
	if s.rec == nil || len(s.rec.Paths) == 0 {
		return st.Subtle.Render("No results yet: answer the questions first.")
	}
	top := &s.rec.Paths[0]
	head := []string{
		spread(st.Title.Render("Your results"), st.Subtle.Render(fmt.Sprintf("%d paths ranked", len(s.rec.Paths))), w),
		rule(st, w),
	}
	if !s.wide && w >= 60 {
		head[0] = spread(st.Title.Render("Your results"), st.Star.Render("★ Recommended: ")+st.Text.Render(top.Title), w)
	}
	if s.diff != nil {
		head[0] = spread(st.Banner.Render(" WHAT-IF ")+" "+st.Title.Render("Results if you change it"),
			st.Subtle.Render("not saved"), w)
	}
	detail := append([]string{s.tabsLine(s.detailWidth())}, s.detail.view()...)
	if s.wide {
		list := s.listWide()
		h := max(len(detail), s.height-len(head))
		list = fitLines(list, h)
		detail = fitLines(detail, h)
		out := head
		for i := range h {
			out = append(out, padRight(list[i], s.listWidth())+" "+st.Rule.Render("│")+" "+detail[i])
		}
		return strings.Join(out, "\n")
	}
	out := append(head, s.listNarrow()...)
	if s.height >= 30 {
		out = append(out, "")
	}
	return strings.Join(append(out, detail...), "\n")
}

// listWide draws each path as its rank, star and title (wrapped to two
// lines at most), then its fit and level, its months, cost and pay, and
// whether the person is here or it is the recommendation.
func (s resultScreen) listWide() []string {
	st, lw := s.c.st, s.listWidth()
	items := make([][]string, len(s.rec.Paths))
	for i := range s.rec.Paths {
		p := &s.rec.Paths[i]
		lead, style := "  ", st.Text
		if i == s.sel {
			lead, style = "> ", st.Cursor
		}
		star := "  "
		if p.ID == s.rec.Recommended {
			star = "★ "
		}
		title := wrap(p.Title, lw-8)
		if len(title) == 0 {
			title = []string{""}
		}
		if len(title) > 2 {
			title = []string{title[0], trunc(strings.Join(title[1:], " "), lw-8)}
		}
		item := []string{style.Render(lead) + st.Star.Render(star) + style.Render(fmt.Sprintf("%2d. ", p.Rank)+title[0])}
		for _, l := range title[1:] {
			item = append(item, "        "+style.Render(l))
		}
		item = append(item, "        "+st.Subtle.Render(trunc(s.rankMark(p.ID)+p.Fit+" · "+p.Level, lw-8)))
		item = append(item, "        "+st.Text.Render(trunc(pathFacts(p), lw-8)))
		if p.ID == s.rec.Recommended {
			item = append(item, "        "+st.Star.Render("Recommended"))
		}
		items[i] = item
	}
	return blockList(items, s.sel, max(s.height-2, 2))
}

// listNarrow draws the paths stacked above the detail, a window of them
// around the selection (only the selected one, with its place, on short
// terminals). From 70 columns a path is one line: rank and title, then on
// the right its months to a first job, cost and median pay ("you are here"
// before them on a path the person stands on, how its rank moved in
// what-if mode); below 70 columns those go on a second line.
func (s resultScreen) listNarrow() []string {
	st, w := s.c.st, s.width
	n := s.listRows()
	top := window(s.sel, len(s.rec.Paths), n)
	end := min(top+n, len(s.rec.Paths))
	count := ""
	if n == 1 && len(s.rec.Paths) > 1 {
		count = fmt.Sprintf(" %d/%d ↑↓", s.sel+1, len(s.rec.Paths))
	}
	facts := func(p *advisor.PathResult) string {
		if s.diff != nil { // how the rank moved, as a short arrow; the changes tab says it in words
			return padRight(s.rankArrow(p.ID), 4) + pathFacts(p)
		}
		return pathFacts(p)
	}
	oneLine := s.rowLines() == 1
	rightW := 0
	if oneLine { // one column for every path, so it stays put while scrolling
		for i := range s.rec.Paths {
			rightW = max(rightW, ansi.StringWidth(facts(&s.rec.Paths[i])))
		}
	}
	var out []string
	for i := top; i < end; i++ {
		p := &s.rec.Paths[i]
		lead, style := "  ", st.Text
		if i == s.sel {
			lead, style = "> ", st.Cursor
		}
		star := "  "
		if p.ID == s.rec.Recommended {
			star = "★ "
		}
		name := fmt.Sprintf("%2d. %s", p.Rank, p.Title)
		if oneLine {
			right := padRight(facts(p), rightW) + count
			titleW := max(w-4-ansi.StringWidth(right)-2, 1)
			title := padRight(trunc(name, titleW), titleW)
			out = append(out, style.Render(lead)+st.Star.Render(star)+style.Render(title)+"  "+st.Text.Render(right))
			continue
		}
		titleW := max(w-4-ansi.StringWidth(count), 1)
		out = append(out, style.Render(lead)+st.Star.Render(star)+style.Render(padRight(trunc(name, titleW), titleW))+st.Subtle.Render(count))
		f := facts(p)
		indent := max(min(8, w-ansi.StringWidth(f)), 2)
		out = append(out, strings.Repeat(" ", indent)+st.Text.Render(trunc(f, w-indent)))
	}
	if n > 1 && len(s.rec.Paths) > n {
		out = append(out, st.Subtle.Render(fmt.Sprintf("  (%d of %d paths: ↑/↓ for more)", s.sel+1, len(s.rec.Paths))))
	}
	return out
}

// pathFacts is what a row of the path list says besides the title: the
// months to a first job, the cost and the median pay; on a path the person
// stands on, "you are here" and the pay (they need no months or cost to
// reach it).
func pathFacts(p *advisor.PathResult) string {
	if p.Current {
		return advisor.HereLabel + " · " + advisor.CompactPay(p.Salary)
	}
	return advisor.PathFacts(p)
}

// rankMark says how a path's rank moved in what-if mode, in a symbol and
// words ("↑ up 2 · "), or "" when it did not or outside what-if mode.
func (s resultScreen) rankMark(id string) string {
	rc, ok := s.ranks[id]
	switch {
	case !ok || rc.FromRank == rc.ToRank:
		return ""
	case rc.ToRank < rc.FromRank:
		return fmt.Sprintf("↑ up %d · ", rc.FromRank-rc.ToRank)
	}
	return fmt.Sprintf("↓ down %d · ", rc.ToRank-rc.FromRank)
}

// rankArrow is rankMark in two or three cells: "↑3", "↓12", or "".
func (s resultScreen) rankArrow(id string) string {
	rc, ok := s.ranks[id]
	switch {
	case !ok || rc.FromRank == rc.ToRank:
		return ""
	case rc.ToRank < rc.FromRank:
		return fmt.Sprintf("↑%d", rc.FromRank-rc.ToRank)
	}
	return fmt.Sprintf("↓%d", rc.ToRank-rc.FromRank)
}

// tabsLine shows the tabs, the open one in brackets; when even the short
// names do not fit, only the open tab with its place.
func (s resultScreen) tabsLine(w int) string {
	tabs := s.tabs()
	width := func(names [tabCount]string) int {
		n := 0
		for _, t := range tabs {
			n += len([]rune(names[t])) + 3
		}
		return n - 1
	}
	names := tabNames
	if width(names) > w {
		names = tabShortNames
	}
	if width(names) > w {
		return trunc(s.c.st.TabOn.Render("["+names[s.tab]+"]")+
			s.c.st.TabOff.Render(fmt.Sprintf(" tab %d of %d ←/→", s.tabIndex()+1, len(tabs))), w)
	}
	var parts []string
	for _, t := range tabs {
		if t == s.tab {
			parts = append(parts, s.c.st.TabOn.Render("["+names[t]+"]"))
		} else {
			parts = append(parts, s.c.st.TabOff.Render(" "+names[t]+" "))
		}
	}
	return trunc(strings.Join(parts, " "), w)
}

// content builds the detail lines of path p for the open tab.
func (s resultScreen) content(p *advisor.PathResult, w int) []string {
	st := s.c.st
	lines := []string{st.Heading.Render(trunc(p.Title, w))}
	badge := fmt.Sprintf("%s · %s level · rank%c%d%cof%c%d", p.Fit, p.Level, nbsp, p.Rank, nbsp, nbsp, len(s.rec.Paths))
	if p.Current {
		badge = strings.ReplaceAll(advisor.Capitalize(advisor.HereLabel), " ", string(nbsp)) + " · " + badge
	}
	const star = "★ Recommended"
	if p.ID == s.rec.Recommended {
		badge = star + " · " + badge
	}
	for i, l := range wrap(badge, w) {
		if i == 0 && strings.HasPrefix(l, star) {
			lines = append(lines, st.Star.Render(star)+st.Subtle.Render(strings.TrimPrefix(l, star)))
			continue
		}
		lines = append(lines, st.Subtle.Render(l))
	}
	lines = append(lines, "")
	switch s.tab {
	case tabOverview:
		lines = append(lines, s.overview(p, w)...)
	case tabPlan:
		lines = append(lines, s.plan(p, w)...)
	case tabCerts:
		lines = append(lines, s.certs(p, w)...)
	case tabPay:
		lines = append(lines, s.pay(p, w)...)
	case tabChanges:
		if s.diff != nil {
			return whatIfLines(s.c.eng, s.c.st, *s.diff, w)
		}
	}
	return lines
}

// overview opens with the plan in brief (months and cost to a first job,
// the route it follows, the first three steps), then what the path is,
// why it ranks here, its requirements and what would change it.
func (s resultScreen) overview(p *advisor.PathResult, w int) []string {
	st := s.c.st
	var lines []string
	if here := advisor.HereSentence(p); here != "" {
		// Where the person already is: no plan to reach it (the Plan tab
		// still shows what the engine lists).
		lines = append(lines, para(here, w, st.Marker)...)
		lines = append(lines, "")
		lines = append(lines, para(p.Summary, w, st.Text)...)
		return append(lines, s.overviewRest(p, w)...)
	}
	if w >= 60 {
		lines = append(lines, hang("Your plan: ", advisor.PlanSummary(p)+".", w, st.Heading, st.Text)...)
	} else {
		lines = append(lines, para("Your plan: "+advisor.PlanSummary(p)+".", w, st.Text)...)
	}
	if r := advisor.RouteLine(p); r != "" {
		lines = append(lines, para(r, w, st.Text)...)
	}
	if steps := advisor.NextSteps(p, 3); len(steps) > 0 {
		lines = append(lines, "", st.Heading.Render("First steps"))
		for i, t := range steps {
			lines = append(lines, hang(fmt.Sprintf("%d. ", i+1), t, w, st.Marker, st.Text)...)
		}
	}
	if f := advisor.PlanFunding(p); f != "" {
		lines = append(lines, "")
		lines = append(lines, para(f, w, st.Text)...)
	}
	lines = append(lines, "")
	lines = append(lines, para(p.Summary, w, st.Text)...)
	return append(lines, s.overviewRest(p, w)...)
}

// overviewRest is the overview after the summary: the duties, the setting,
// why it ranks here, the student's interest profile with this path's
// interest match, the requirements, what would change it and where it
// leads.
func (s resultScreen) overviewRest(p *advisor.PathResult, w int) []string {
	st := s.c.st
	var lines []string
	data := p.Path()
	if data != nil && len(data.Duties) > 0 {
		lines = append(lines, "", st.Heading.Render("What you would do"))
		for _, d := range data.Duties {
			lines = append(lines, hang("• ", d, w, st.Marker, st.Text)...)
		}
	}
	if data != nil && data.Setting != "" {
		lines = append(lines, "", st.Heading.Render("Where you would work"))
		lines = append(lines, para(data.Setting, w, st.Text)...)
	}
	lines = append(lines, "", st.Heading.Render("Why it ranks here"))
	if len(p.Reasons) == 0 {
		lines = append(lines, para("No rule changed this path's score; it ranks on your answers as a whole.", w, st.Subtle)...)
	}
	for _, r := range p.Reasons {
		style := st.Good
		if r.Delta < 0 {
			style = st.Bad
		}
		lines = append(lines, hang(fmt.Sprintf("%+3d  ", r.Delta), r.Because, w, style, st.Text)...)
	}
	if chart := profileChart(s.c.eng, st, s.rec.Interests, w); len(chart) > 0 {
		lines = append(lines, "")
		lines = append(lines, chart...)
		lines = append(lines, matchLines(st, p.InterestMatch, w)...)
	}
	if len(p.Gates) > 0 {
		lines = append(lines, "", st.Heading.Render("Requirements"))
		for _, g := range p.Gates {
			if g.Met {
				lines = append(lines, hang("✓ met: ", g.Because, w, st.Good, st.Text)...)
				continue
			}
			lines = append(lines, hang("✗ not met: ", g.Because, w, st.Bad, st.Text)...)
			if g.Bridge != "" {
				lines = append(lines, hang("  → bridge: ", g.Bridge, w, st.Warn, st.Text)...)
			}
		}
	}
	if levers := s.c.eng.WhatWouldChange(s.rec.Answers(), p.ID); len(levers) > 0 {
		lines = append(lines, "", st.Heading.Render("What would change this"))
		lines = append(lines, para("Requirements and certification routes not met now, and the smallest change of one answer that meets each:", w, st.Subtle)...)
		for _, l := range levers {
			lines = append(lines, hang("→ ", advisor.LeverLine(l), w, st.Warn, st.Text)...)
		}
	}
	if data != nil && data.Leads != "" {
		lines = append(lines, "", st.Heading.Render("Where it can lead"))
		lines = append(lines, para(data.Leads, w, st.Text)...)
	}
	return lines
}

// plan draws the steps as a timeline: each step's bar starts at its first
// month; █ is the shortest time it takes and ░ the extra when it takes
// longest, on one scale for the whole plan.
func (s resultScreen) plan(p *advisor.PathResult, w int) []string {
	st := s.c.st
	lines := hang("To a first job: ", fmt.Sprintf("%s, %s", advisor.MonthsText(p.TotalMonths), advisor.DollarSpan(p.TotalCost)), w, st.Heading, st.Text)
	if r := advisor.RouteLine(p); r != "" {
		lines = append(lines, para(r, w, st.Text)...)
	}
	total := max(p.TotalMonths.Max, 1)
	barW := min(max(w/3, 8), 30)
	var later []advisor.PlanStep
	n := 0
	for _, step := range p.Plan {
		if step.Later {
			later = append(later, step)
			continue
		}
		n++
		lines = append(lines, "")
		lines = append(lines, hang(fmt.Sprintf("%d. ", n), step.Title, w, st.Marker, st.Text)...)
		facts := fmt.Sprintf("month %d · %s · %s", step.StartMonth.Min, advisor.MonthsText(step.Months), advisor.DollarSpan(step.Cost))
		if step.Credential != "" {
			facts += " · " + step.Credential
		}
		bar := timelineBar(step, total, barW)
		if 3+barW+2+len([]rune(facts)) <= w {
			lines = append(lines, "   "+st.BarFull.Render(bar)+"  "+st.Subtle.Render(facts))
		} else {
			lines = append(lines, "   "+st.BarFull.Render(bar))
			lines = append(lines, hang("   ", facts, w, st.Subtle, st.Subtle)...)
		}
		if step.Detail != "" {
			lines = append(lines, hang("   ", step.Detail, w, st.Subtle, st.Subtle)...)
		}
		if step.Note != "" {
			lines = append(lines, hang("   Note: ", step.Note, w, st.Warn, st.Text)...)
		}
	}
	lines = append(lines, "", fmt.Sprintf("%s%s", "   ", st.Subtle.Render(trunc(fmt.Sprintf("scale: %d months across; █ shortest, ░ longest", total), max(w-3, 1)))))
	lines = append(lines, "")
	lines = append(lines, fitLine(st, p.FitsTimeline, p.TimelineNote, w)...)
	lines = append(lines, fitLine(st, p.FitsBudget, p.BudgetNote, w)...)
	if len(p.Alternatives) > 0 {
		lines = append(lines, "", st.Heading.Render("Other routes"))
		lines = append(lines, para(advisor.AlternativesIntro, w, st.Subtle)...)
		for _, a := range p.Alternatives {
			lines = append(lines, hang("• ", advisor.AlternativeLine(a), w, st.Marker, st.Text)...)
		}
	}
	if len(later) > 0 {
		lines = append(lines, "", st.Heading.Render("Later, once you work"))
		for _, step := range later {
			lines = append(lines, hang("• ", fmt.Sprintf("%s (%s, %s)", step.Title, advisor.MonthsText(step.Months), advisor.DollarSpan(step.Cost)), w, st.Marker, st.Text)...)
		}
	}
	return lines
}

// fitLine marks a timeline or budget note with ✓ or ✗ as well as its words.
func fitLine(st *Styles, fits bool, note string, w int) []string {
	if fits {
		return hang("✓ ", advisor.Capitalize(note)+".", w, st.Good, st.Text)
	}
	return hang("✗ ", advisor.Capitalize(note)+".", w, st.Bad, st.Text)
}

// timelineBar draws one step on a w-cell scale of total months.
func timelineBar(step advisor.PlanStep, total, w int) string {
	cell := func(m int) int { return int(math.Round(float64(m) * float64(w) / float64(total))) }
	start := min(cell(step.StartMonth.Min), w)
	short := cell(step.Months.Min)
	long := cell(step.Months.Max)
	if step.Months.Max > 0 && long == 0 {
		long = 1
	}
	if step.Months.Min > 0 && short == 0 {
		short = 1
	}
	short = min(short, w-start)
	long = min(max(long, short), w-start)
	var b strings.Builder
	b.WriteString(strings.Repeat("·", start))
	if long == 0 { // takes no time (an exam day, an application)
		if start < w {
			b.WriteString("◆")
			start++
		}
	} else {
		b.WriteString(strings.Repeat("█", short))
		b.WriteString(strings.Repeat("░", long-short))
		start += long
	}
	b.WriteString(strings.Repeat("·", max(w-start, 0)))
	return b.String()
}

// certs lists every certification route with its verdict in words: a
// credential the person holds is one line; for each route its summary, why
// it is or is not met, its caveat, the steps that meet it and what they
// take, "the plan follows this route" on the chosen one, and the
// unconfirmed mark where the route's text could not be confirmed.
func (s resultScreen) certs(p *advisor.PathResult, w int) []string {
	st := s.c.st
	var lines []string
	if len(p.Certifications) == 0 {
		lines = append(lines, para("This path names no certification routes.", w, st.Subtle)...)
	}
	cred := ""
	for _, c := range p.Certifications {
		if c.Held {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, hang("✓ ", advisor.HeldLine(c), w, st.Good, st.Heading)...)
			cred = ""
			continue
		}
		if c.Credential != cred {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			cred = c.Credential
			lines = append(lines, st.Heading.Render(trunc(c.Credential, w)))
		}
		var mark string
		style := st.Bad
		label := advisor.EligibleLabel(c.Eligible)
		switch c.Eligible {
		case advisor.EligibleNow:
			mark, style = "✓ "+label, st.Good
		case advisor.EligibleAfterPlan:
			mark, style = "→ "+label, st.Warn // the reason names the step
		default:
			mark = "✗ " + label
		}
		lines = append(lines, hang(fmt.Sprintf("  Route %s: ", c.Route), mark, w, st.Text, style)...)
		if c.Chosen {
			lines = append(lines, hang("    ★ ", advisor.ChosenRoute, w, st.Star, st.Heading)...)
		}
		if c.Summary != "" {
			lines = append(lines, hang("    ", c.Summary, w, st.Subtle, st.Text)...)
		}
		if c.Because != "" {
			lines = append(lines, hang("    ", advisor.Capitalize(c.Because)+".", w, st.Subtle, st.Subtle)...)
		}
		if steps := advisor.RouteSteps(c); steps != "" {
			lines = append(lines, hang("    ", steps, w, st.Subtle, st.Text)...)
		}
		if t := advisor.RouteTime(c); t != "" {
			lines = append(lines, hang("    ", advisor.Capitalize(t)+".", w, st.Subtle, st.Text)...)
		}
		if c.Note != "" {
			lines = append(lines, hang("    Note: ", c.Note, w, st.Warn, st.Subtle)...)
		}
		if c.Status == advisor.StatusUnconfirmed {
			lines = append(lines, hang("    ", "Unconfirmed: verify with the certifying body.", w, st.Warn, st.Warn)...)
		}
	}
	if l := p.Licence; l != nil {
		lines = append(lines, "", st.Heading.Render("State licence"))
		lines = append(lines, para(advisor.LicenceLine(l), w, st.Text)...)
		lines = append(lines, hang("Source: ", s.c.eng.SourceName(l.Source)+" ("+advisor.StatusLabel(l.Status)+")", w, st.Subtle, st.Subtle)...)
	}
	return lines
}

// pay draws the pay range as a bar on one scale for every path, so paths
// compare at a glance, with the source, its date and how sure it is.
func (s resultScreen) pay(p *advisor.PathResult, w int) []string {
	st := s.c.st
	sal := p.Salary
	top := 0
	for _, x := range s.rec.Paths {
		top = max(top, x.Salary.High)
	}
	top = max(int(math.Ceil(float64(top)/10000))*10000, 10000)
	lines := []string{st.Heading.Render("Pay, per " + sal.Period())}
	lines = append(lines, payBar(st, sal, top, w)...)
	lines = append(lines, "")
	lines = append(lines, hang("Pay: ", advisor.Capitalize(advisor.SalaryLine(sal))+".", w, st.Heading, st.Text)...)
	lines = append(lines, hang("Source: ", s.c.eng.SourceName(sal.Source)+".", w, st.Subtle, st.Subtle)...)
	lines = append(lines, hang("Status: ", advisor.StatusLabel(sal.Status)+".", w, st.Subtle, statusStyle(st, sal.Status))...)
	if sal.Note != "" {
		lines = append(lines, para(sal.Note, w, st.Subtle)...)
	}
	o := p.Outlook
	lines = append(lines, "", st.Heading.Render("Outlook"))
	lines = append(lines, para(advisor.Capitalize(advisor.OutlookLine(o))+".", w, st.Text)...)
	if o.Source != "" {
		lines = append(lines, hang("Source: ", s.c.eng.SourceName(o.Source)+".", w, st.Subtle, st.Subtle)...)
		lines = append(lines, hang("Status: ", advisor.StatusLabel(o.Status)+".", w, st.Subtle, statusStyle(st, o.Status))...)
	}
	if o.Note != "" {
		lines = append(lines, para(o.Note, w, st.Subtle)...)
	}
	return lines
}

func statusStyle(st *Styles, status advisor.Status) lipgloss.Style {
	switch status {
	case advisor.StatusOfficial:
		return st.Good
	case advisor.StatusUnconfirmed:
		return st.Warn
	}
	return st.Subtle
}

// payBar draws low–high as ━ with the median as ●, on a $0–top scale, with
// the figures under it.
func payBar(st *Styles, sal advisor.SalaryInfo, top, w int) []string {
	left, right := "$0 ", " "+advisor.Dollars(top)
	bw := w - len(left) - len([]rune(right))
	if bw < 10 {
		left, right, bw = "", "", w
	}
	cell := func(v int) int { return min(int(math.Round(float64(v)*float64(bw-1)/float64(top))), bw-1) }
	lo, md, hi := cell(sal.Low), cell(sal.Median), cell(sal.High)
	if sal.Low == 0 && sal.High == 0 { // no range in this release: the figure alone
		lo, hi = md, md
	}
	var b strings.Builder
	for i := range bw {
		switch {
		case i == md:
			b.WriteString(st.Star.Render("●"))
		case i >= lo && i <= hi:
			b.WriteString(st.BarFull.Render("━"))
		default:
			b.WriteString(st.BarEmpty.Render("·"))
		}
	}
	figures := advisor.PayFigures(sal)
	return append([]string{st.Subtle.Render(left) + b.String() + st.Subtle.Render(right)}, para(figures, w, st.Text)...)
}

func (s resultScreen) helpKeys() []key.Binding {
	k := s.keys
	k.ScrollDown.SetEnabled(!s.detail.atBottom())
	k.ScrollUp.SetEnabled(!s.detail.atTop())
	if s.diff != nil {
		return []key.Binding{k.Keep, k.Back, k.WhatIf, k.Move, k.NextTab, k.ScrollDown, k.ScrollUp, k.PrevTab, k.TabNumber, k.Home, k.End}
	}
	return []key.Binding{k.Move, k.NextTab, k.WhatIf, k.Export, k.Compare, k.Back, k.ScrollDown, k.ScrollUp, k.Learn, k.PrevTab, k.TabNumber, k.Home, k.End}
}
