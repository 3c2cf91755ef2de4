package tui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
)

// Backgrounds the styles are checked against: common dark terminal themes
// (black, VS Code, One Dark, Solarized dark, Ubuntu's aubergine) and light
// ones (white, Solarized light, a light grey).
var (
	darkBackgrounds  = []string{"#000000", "#1E1E1E", "#282C34", "#002B36", "#300A24"}
	lightBackgrounds = []string{"#FFFFFF", "#FDF6E3", "#EEEEEE"}
)

// TestContrast (D23): every style that draws text, the help's keys and words
// included, reaches a WCAG contrast ratio of at least 4.5:1 against each
// background of its theme; the help's separators and the bars, which carry
// no words, at least 3:1 (WCAG's ratio for parts of an interface).
func TestContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := newStyles(dark)
		bgs := lightBackgrounds
		if dark {
			bgs = darkBackgrounds
		}
		text := map[string]lipgloss.Style{
			"Title": st.Title, "Section": st.Section, "Heading": st.Heading, "Text": st.Text,
			"Subtle": st.Subtle, "Prompt": st.Prompt, "Cursor": st.Cursor, "Marker": st.Marker,
			"Error": st.Error, "Good": st.Good, "Bad": st.Bad, "Warn": st.Warn, "Star": st.Star,
			"TabOn": st.TabOn, "TabOff": st.TabOff, "Status": st.Status,
			"Help.ShortKey": st.Help.ShortKey, "Help.ShortDesc": st.Help.ShortDesc,
			"Help.FullKey": st.Help.FullKey, "Help.FullDesc": st.Help.FullDesc,
			"Input.Text": st.Input.Focused.Text, "Input.Placeholder": st.Input.Focused.Placeholder,
		}
		parts := map[string]lipgloss.Style{
			"Help.ShortSeparator": st.Help.ShortSeparator, "Help.FullSeparator": st.Help.FullSeparator,
			"Help.Ellipsis": st.Help.Ellipsis, "BarFull": st.BarFull,
		}
		for _, bg := range bgs {
			back := lipgloss.Color(bg)
			check := func(name string, s lipgloss.Style, want float64) {
				fg := s.GetForeground()
				if _, none := fg.(lipgloss.NoColor); none || fg == nil {
					t.Errorf("dark %v: %s has no colour of its own", dark, name)
					return
				}
				if r := contrast(fg, back); r < want {
					t.Errorf("dark %v: %s %s on %s: contrast %.2f, want at least %.1f", dark, name, hex(fg), bg, r, want)
				}
			}
			for name, s := range text {
				check(name, s, 4.5)
			}
			for name, s := range parts {
				check(name, s, 3)
			}
			// The banner is reverse video: the background's colour on the
			// amber, which must stand out from the background too.
			if r := contrast(st.Banner.GetForeground(), back); r < 4.5 {
				t.Errorf("dark %v: the banner on %s: contrast %.2f", dark, bg, r)
			}
		}
	}
}

// TestContrastFormula checks the formula on known pairs.
func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#777777", "#FFFFFF", 4.48}, {"#FFFFFF", "#FFFFFF", 1}} {
		if got := contrast(lipgloss.Color(c.a), lipgloss.Color(c.b)); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG 2 relative luminance of a colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	ch := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}
