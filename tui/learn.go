package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// learnScreen answers the questions people ask (the data's FAQ): a list of
// questions, and the answer to the selected one with the names of its
// sources. Side by side when wide, stacked when narrow.
type learnScreen struct {
	c      *common
	keys   keyMap
	sel    int
	answer pane
	width  int
	height int
	wide   bool
	styled *Styles // the styles answer's lines were drawn with
}

// faqListWidth is the width of the question list on wide terminals.
const faqListWidth = 38

// newLearnScreen builds the FAQ screen.
func newLearnScreen(c *common) learnScreen {
	s := learnScreen{c: c, keys: c.keys, answer: newPane()}
	k := &s.keys
	k.enable(&k.Move, &k.Up, &k.Down, &k.ScrollUp, &k.ScrollDown, &k.Back, &k.Home, &k.End)
	k.Back.SetKeys("esc")
	k.Move.SetHelp("↑/↓", "question")
	return s.refresh(true)
}

// setSize sizes the screen; it is drawn again only when the size, the
// layout or the styles changed.
func (s *learnScreen) setSize(w, h int) {
	wide := s.c.wide()
	if s.width == w && s.height == h && s.wide == wide && s.styled == s.c.st {
		return
	}
	s.width, s.height, s.wide = w, h, wide
	*s = s.refresh(false)
}

// listRows is how many questions the stacked list shows at a time.
func (s learnScreen) listRows() int {
	return min(len(s.c.eng.FAQ()), max((s.height-2)/3, 2))
}

func (s learnScreen) answerWidth() int {
	if s.wide {
		return max(s.width-faqListWidth-3, 10)
	}
	return max(s.width, 10)
}

func (s learnScreen) refresh(top bool) learnScreen {
	s.styled = s.c.st
	h := s.height - 2
	if !s.wide {
		h -= s.listRows() + 1
	}
	s.answer.setSize(s.answerWidth(), h)
	s.answer.setLines(s.content(s.answerWidth()), top)
	return s
}

func (s learnScreen) update(msg tea.Msg) (learnScreen, tea.Cmd, transition) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil, nil
	}
	n := len(s.c.eng.FAQ())
	sel := s.sel
	switch {
	case key.Matches(k, s.keys.Up):
		sel = max(sel-1, 0)
	case key.Matches(k, s.keys.Down):
		sel = max(min(sel+1, n-1), 0)
	case key.Matches(k, s.keys.Home):
		sel = 0
	case key.Matches(k, s.keys.End):
		sel = max(n-1, 0)
	case key.Matches(k, s.keys.ScrollDown):
		s.answer.pageDown()
	case key.Matches(k, s.keys.ScrollUp):
		s.answer.pageUp()
	case key.Matches(k, s.keys.Back):
		return s, nil, goBack{}
	}
	if sel != s.sel {
		s.sel = sel
		s = s.refresh(true)
	}
	return s, nil, nil
}

// content is the selected answer with its sources.
func (s learnScreen) content(w int) []string {
	st := s.c.st
	faq := s.c.eng.FAQ()
	if len(faq) == 0 {
		return para("The data has no answers to common questions yet.", w, st.Subtle)
	}
	f := faq[min(s.sel, len(faq)-1)]
	lines := para(f.Question, w, st.Heading)
	lines = append(lines, "")
	for i, p := range strings.Split(strings.TrimSpace(f.Answer), "\n\n") {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, para(p, w, st.Text)...)
	}
	if len(f.Sources) > 0 {
		lines = append(lines, "", st.Subtle.Render("Sources"))
		for _, r := range f.Sources {
			name := s.c.eng.SourceName(r.ID)
			if src := s.c.eng.Source(r.ID); src != nil {
				name += ", " + advisor.SourceDate(src.AsOf)
			}
			lines = append(lines, hang("• ", name, w, st.Subtle, st.Subtle)...)
		}
	}
	return lines
}

func (s learnScreen) view() string {
	st, w := s.c.st, s.width
	faq := s.c.eng.FAQ()
	head := []string{
		spread(st.Title.Render("Questions people ask"), st.Subtle.Render(fmt.Sprintf("%d answers", len(faq))), w),
		rule(st, w),
	}
	if s.wide {
		h := max(s.height-2, 1)
		list := fitLines(s.list(faqListWidth, h, true), h)
		answer := fitLines(s.answer.view(), h)
		out := head
		for i := range h {
			out = append(out, padRight(list[i], faqListWidth)+" "+st.Rule.Render("│")+" "+answer[i])
		}
		return strings.Join(out, "\n")
	}
	out := append(head, s.list(w, s.listRows(), false)...)
	out = append(out, "")
	return strings.Join(append(out, s.answer.view()...), "\n")
}

// list draws the questions around the selection in h lines; wrap lets a
// question take two lines (the side-by-side list), otherwise it is cut.
func (s learnScreen) list(w, h int, wrapped bool) []string {
	st := s.c.st
	faq := s.c.eng.FAQ()
	items := make([][]string, len(faq))
	for i, f := range faq {
		lead, style := "  ", st.Text
		if i == s.sel {
			lead, style = "> ", st.Cursor
		}
		lines := []string{trunc(f.Question, w-2)}
		if wrapped {
			lines = wrap(f.Question, w-2)
			if len(lines) > 2 {
				lines = []string{lines[0], trunc(strings.Join(lines[1:], " "), w-2)}
			}
		}
		for j, l := range lines {
			if j == 0 {
				lines[j] = style.Render(lead + l)
			} else {
				lines[j] = style.Render("  " + l)
			}
		}
		items[i] = lines
	}
	return blockList(items, s.sel, h)
}

func (s learnScreen) helpKeys() []key.Binding {
	k := s.keys
	k.ScrollDown.SetEnabled(!s.answer.atBottom())
	k.ScrollUp.SetEnabled(!s.answer.atTop())
	return []key.Binding{k.Move, k.ScrollDown, k.Back, k.ScrollUp, k.Home, k.End}
}
