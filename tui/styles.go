package tui

import (
	"image/color"

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

// newStyles builds the styles for a dark or light background. Every colour
// that draws words, the help's keys and words included, reaches a WCAG
// contrast of 4.5:1 against common dark and light terminal backgrounds, and
// the help's separators 3:1, so the key hints read on a projector (D23;
// TestContrast checks them). Only the rules and the empty part of bars,
// which carry no meaning of their own, are fainter.
func newStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A0FF"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E6E6E6"))
	subtle := ld(lipgloss.Color("#5E5E5E"), lipgloss.Color("#A8A8A8"))
	green := ld(lipgloss.Color("#1E7B34"), lipgloss.Color("#6BD68A"))
	red := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7B72"))
	amber := ld(lipgloss.Color("#7D5200"), lipgloss.Color("#E8C170"))
	gold := ld(lipgloss.Color("#855C00"), lipgloss.Color("#FFD75F"))
	faint := ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#4A4A4A"))
	helpKey := ld(lipgloss.Color("#363636"), lipgloss.Color("#C6C6C6"))
	helpDesc := ld(lipgloss.Color("#575757"), lipgloss.Color("#A8A8A8"))
	helpSep := ld(lipgloss.Color("#808080"), lipgloss.Color("#7E7E7E"))

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
		Help:     helpStyles(helpKey, helpDesc, helpSep),
		Input:    textinput.DefaultStyles(isDark),
	}
	// A blinking cursor would need timer commands; a steady one keeps the
	// model free of ticks and the tests free of sleeps.
	s.Input.Cursor.Blink = false
	s.Input.Cursor.Color = accent
	s.Input.Focused.Prompt = s.Cursor
	s.Input.Focused.Text = s.Text
	s.Input.Focused.Placeholder = s.Subtle
	s.Input.Blurred.Placeholder = s.Subtle
	return s
}

// helpStyles are the help's styles in the given colours.
func helpStyles(key, desc, sep color.Color) help.Styles {
	k := lipgloss.NewStyle().Foreground(key)
	d := lipgloss.NewStyle().Foreground(desc)
	s := lipgloss.NewStyle().Foreground(sep)
	return help.Styles{ShortKey: k, ShortDesc: d, ShortSeparator: s, Ellipsis: s, FullKey: k, FullDesc: d, FullSeparator: s}
}
