package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"medpath/advisor"
)

// welcomeScreen says what medpath does and how long it takes, promises that
// nothing leaves the computer, and offers to start (or to continue with
// answers given with --answers).
type welcomeScreen struct {
	eng     *advisor.Engine
	st      *Styles
	keys    keyMap
	answers int // how many answers the student already has
	total   int // how many questions they would see
	items   []welcomeItem
	cursor  int
	width   int
	height  int
}

// welcomeItem is one entry of the welcome menu.
type welcomeItem struct {
	label string
	cmd   func() tea.Cmd
}

// newWelcomeScreen builds the welcome screen for the starting answers.
func newWelcomeScreen(eng *advisor.Engine, st *Styles, keys keyMap) welcomeScreen {
	s := welcomeScreen{eng: eng, st: st, keys: keys}
	s.keys.enable(&s.keys.Move, &s.keys.Up, &s.keys.Down, &s.keys.Choose, &s.keys.Learn)
	return s.setAnswers(nil)
}

// setAnswers updates the menu for the answers the student has.
func (s welcomeScreen) setAnswers(a advisor.Answers) welcomeScreen {
	s.answers = len(a)
	s.total = len(s.eng.Visible(a))
	s.items = s.items[:0:0]
	if s.answers > 0 {
		s.items = append(s.items,
			welcomeItem{fmt.Sprintf("Continue: review your %d answers", s.answers), func() tea.Cmd { return goTo(stateReview) }},
			welcomeItem{"Go through the questions again (answers are kept)", start},
		)
	} else {
		s.items = append(s.items, welcomeItem{"Start the questions", start})
	}
	s.items = append(s.items, welcomeItem{"Read questions people ask first", func() tea.Cmd { return goTo(stateLearn) }})
	s.cursor = min(s.cursor, len(s.items)-1)
	return s
}

func (s welcomeScreen) setSize(w, h int) welcomeScreen {
	s.width, s.height = w, h
	return s
}

func (s welcomeScreen) update(msg tea.Msg) (welcomeScreen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, len(s.items)-1)
	case key.Matches(k, s.keys.Choose):
		return s, s.items[s.cursor].cmd()
	case key.Matches(k, s.keys.Learn):
		return s, goTo(stateLearn)
	}
	return s, nil
}

func (s welcomeScreen) view() string {
	w, st := s.width, s.st
	title := []string{
		spread(st.Title.Render("medpath"), st.Subtle.Render("career advisor"), w),
		rule(st, w),
	}
	intro := para(fmt.Sprintf("Answer a few questions about your education, timeline, budget and "+
		"interests. medpath ranks %d healthcare paths at the technician and technologist "+
		"levels for you, and shows for each the steps, time and cost to a first job, the "+
		"certifications, and what it pays, with sources.", len(s.eng.Paths())), w, st.Text)
	facts := append(
		hang("• ", fmt.Sprintf("About %d questions, under 10 minutes. Rough answers are fine; you can go back and change any of them.", s.total), w, st.Marker, st.Text),
		hang("• ", "Nothing you type leaves this computer. You decide whether to save a report.", w, st.Marker, st.Text)...)
	short := append(
		hang("• ", fmt.Sprintf("%d questions, under 10 minutes.", s.total), w, st.Marker, st.Text),
		hang("• ", "Nothing you type leaves this computer.", w, st.Marker, st.Text)...)
	var parts []string
	for _, sec := range s.eng.Sections() {
		parts = append(parts, sec.Title)
	}
	sections := hang("Parts: ", strings.Join(parts, " · "), w, st.Subtle, st.Subtle)
	keysLine := hang("Keys: ", "↑/↓ move · enter choose · esc back · ? help · q quit", w, st.Subtle, st.Subtle)

	menu := make([]string, len(s.items))
	for i, it := range s.items {
		if i == s.cursor {
			menu[i] = st.Cursor.Render(trunc("> "+it.label, w))
		} else {
			menu[i] = st.Text.Render(trunc("  "+it.label, w))
		}
	}

	// Drop the optional blocks, least useful first, until the menu fits;
	// the short facts stand in for the long ones on small terminals.
	blocks := [][]string{title, intro, facts, sections, keysLine, nil}
	drop := []int{3, 4, 1, 2}
	count := func() int {
		n := len(menu)
		for _, b := range blocks {
			if len(b) > 0 {
				n += len(b) + 1
			}
		}
		return n
	}
	for _, i := range drop {
		if count() <= s.height {
			break
		}
		blocks[i] = nil
		if i == 2 {
			blocks[5] = short
		}
	}
	if count() > s.height {
		blocks[5] = nil
	}
	var out []string
	for _, b := range blocks {
		if len(b) > 0 {
			out = append(out, b...)
			out = append(out, "")
		}
	}
	return strings.Join(append(out, menu...), "\n")
}

func (s welcomeScreen) helpKeys() []key.Binding {
	return []key.Binding{s.keys.Move, s.keys.Choose, s.keys.Learn}
}
