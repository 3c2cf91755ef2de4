package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the screens use, built for a light or dark
// terminal background by newStyles. Colour only ever repeats what the text
// already says with a marker or a word (">", "[x]", "★ Recommended", "! ",
// "eligible now"), so the screens read the same under NO_COLOR.
type Styles struct {
	App      lipgloss.Style // the frame around every screen
	Title    lipgloss.Style // screen titles
	Section  lipgloss.Style // section titles and headings inside a screen
	Heading  lipgloss.Style // sub-headings in the result detail
	Text     lipgloss.Style // plain body text
	Subtle   lipgloss.Style // secondary text: hints, units, sources
	Prompt   lipgloss.Style // the question being asked
	Cursor   lipgloss.Style // the line under the ">" cursor
	Marker   lipgloss.Style // chosen markers: (•) and [x]
	Error    lipgloss.Style // lines starting with "! "
	Good     lipgloss.Style // met, eligible, fits
	Bad      lipgloss.Style // not met, not eligible
	Warn     lipgloss.Style // partly fits, after the plan
	Star     lipgloss.Style // ★ Recommended
	TabOn    lipgloss.Style // the open tab
	TabOff   lipgloss.Style // the other tabs
	BarFull  lipgloss.Style // the filled part of bars
	BarEmpty lipgloss.Style // the empty part of bars
	Rule     lipgloss.Style // separators
	Status   lipgloss.Style // the status line above the help
	Banner   lipgloss.Style // the WHAT-IF banner: reverse video, so it shows without colour too
	Help     help.Styles
	Input    textinput.Styles
}

// newStyles builds the styles for a dark or light background.
func newStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A0FF"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E6E6E6"))
	subtle := ld(lipgloss.Color("#666666"), lipgloss.Color("#8C8C8C"))
	green := ld(lipgloss.Color("#1E7B34"), lipgloss.Color("#6BD68A"))
	red := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7B72"))
	amber := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#E8C170"))
	gold := ld(lipgloss.Color("#9A6B00"), lipgloss.Color("#FFD75F"))
	faint := ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#4A4A4A"))

	s := &Styles{
		App:      lipgloss.NewStyle().Padding(0, 1),
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Section:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		Heading:  lipgloss.NewStyle().Bold(true).Foreground(text),
		Text:     lipgloss.NewStyle().Foreground(text),
		Subtle:   lipgloss.NewStyle().Foreground(subtle),
		Prompt:   lipgloss.NewStyle().Bold(true).Foreground(text),
		Cursor:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Marker:   lipgloss.NewStyle().Foreground(accent),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(red),
		Good:     lipgloss.NewStyle().Foreground(green),
		Bad:      lipgloss.NewStyle().Foreground(red),
		Warn:     lipgloss.NewStyle().Foreground(amber),
		Star:     lipgloss.NewStyle().Bold(true).Foreground(gold),
		TabOn:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		TabOff:   lipgloss.NewStyle().Foreground(subtle),
		BarFull:  lipgloss.NewStyle().Foreground(accent),
		BarEmpty: lipgloss.NewStyle().Foreground(faint),
		Rule:     lipgloss.NewStyle().Foreground(faint),
		Status:   lipgloss.NewStyle().Foreground(text),
		Banner:   lipgloss.NewStyle().Bold(true).Reverse(true).Foreground(amber),
		Help:     help.DefaultStyles(isDark),
		Input:    textinput.DefaultStyles(isDark),
	}
	// A blinking cursor would need timer commands; a steady one keeps the
	// model free of ticks and the tests free of sleeps.
	s.Input.Cursor.Blink = false
	s.Input.Cursor.Color = accent
	s.Input.Focused.Prompt = s.Cursor
	s.Input.Focused.Text = s.Text
	return s
}
