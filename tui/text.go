package tui

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// This file holds the small text helpers the screens share: wrapping,
// truncating, padding and bars. They work on plain text; styles are applied
// to whole pieces afterwards. Words about answers, money, months, sources and
// licences come from advisor (words.go there), never from here.

// nbsp joins words that wrap must keep on one line ("rank 1 of 10").
const nbsp = '\u00a0'

// wrap breaks s into lines of at most w cells at spaces (not at nbsp, which
// becomes a plain space in the result); a word longer than a line is cut.
// Runs of white space become one space.
func wrap(s string, w int) []string {
	w = max(w, 1)
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != nbsp })
	if len(words) == 0 {
		return nil
	}
	var lines []string
	var line strings.Builder
	lw := 0
	for _, word := range words {
		ww := ansi.StringWidth(word)
		for ww > w { // a word wider than the line: cut it
			if lw > 0 {
				lines = append(lines, line.String())
				line.Reset()
				lw = 0
			}
			head := ansi.Truncate(word, w, "")
			lines = append(lines, head)
			word = strings.TrimPrefix(word, head)
			ww = ansi.StringWidth(word)
		}
		if ww == 0 {
			continue
		}
		switch {
		case lw == 0:
			line.WriteString(word)
			lw = ww
		case lw+1+ww <= w:
			line.WriteByte(' ')
			line.WriteString(word)
			lw += 1 + ww
		default:
			lines = append(lines, line.String())
			line.Reset()
			line.WriteString(word)
			lw = ww
		}
	}
	if lw > 0 {
		lines = append(lines, line.String())
	}
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, string(nbsp), " ")
	}
	return lines
}

// hang wraps s after a lead (such as "+3  " or "1. "), indenting the
// following lines under the text. The lead is styled with lead, the text
// with body.
func hang(lead, s string, w int, leadStyle, body lipgloss.Style) []string {
	lw := ansi.StringWidth(lead)
	lines := wrap(s, w-lw)
	if len(lines) == 0 {
		return []string{leadStyle.Render(lead)}
	}
	pad := strings.Repeat(" ", lw)
	out := make([]string, len(lines))
	for i, l := range lines {
		if i == 0 {
			out[i] = leadStyle.Render(lead) + body.Render(l)
		} else {
			out[i] = pad + body.Render(l)
		}
	}
	return out
}

// para wraps s to w and styles every line.
func para(s string, w int, st lipgloss.Style) []string {
	lines := wrap(s, w)
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return lines
}

// trunc cuts s (which may be styled) to w cells, ending with "…" when cut.
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// padRight pads s (which may be styled) with spaces to w cells.
func padRight(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// spread puts left and right on one line of width w, the right part flush
// right; when both do not fit, the left part is cut.
func spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	if rw >= w {
		return trunc(right, w)
	}
	left = trunc(left, w-rw-1)
	return left + strings.Repeat(" ", max(1, w-ansi.StringWidth(left)-rw)) + right
}

// window returns the first row to show so that row cursor is visible in a
// list of total rows shown height at a time, keeping the cursor near the
// middle. It needs no state, so views stay pure.
func window(cursor, total, height int) int {
	if height <= 0 || total <= height {
		return 0
	}
	return min(max(cursor-height/2, 0), total-height)
}

// blockList windows a list of items that take one or more lines each, so
// that item cursor is visible in h lines; items are never cut at the top.
func blockList(items [][]string, cursor, h int) []string {
	var all []string
	starts := make([]int, len(items))
	for i, it := range items {
		starts[i] = len(all)
		all = append(all, it...)
	}
	if len(items) == 0 || h <= 0 {
		return nil
	}
	cursor = min(max(cursor, 0), len(items)-1)
	top := window(starts[cursor]+len(items[cursor])/2, len(all), h)
	for i := len(starts) - 1; i >= 0; i-- { // back to the start of an item
		if starts[i] <= top {
			top = starts[i]
			break
		}
	}
	if end := starts[cursor] + len(items[cursor]); end > top+h { // keep the cursor's item whole
		top = max(end-h, 0)
		for _, st := range starts { // and start with a whole item
			if st >= top {
				top = min(st, starts[cursor])
				break
			}
		}
	}
	return all[top:min(top+h, len(all))]
}

// fitLines pads or cuts lines to exactly h lines.
func fitLines(lines []string, h int) []string {
	h = max(h, 0)
	if len(lines) > h {
		return lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// progressBar draws position n of total as "━━━━────  40%": the filled and
// empty parts differ in shape, not only in colour.
func progressBar(st *Styles, n, total, w int) string {
	if total <= 0 {
		total = 1
	}
	frac := math.Min(float64(n)/float64(total), 1)
	pct := fmt.Sprintf(" %3d%%", int(math.Round(frac*100)))
	bw := max(w-len(pct), 1)
	full := int(math.Round(frac * float64(bw)))
	return st.BarFull.Render(strings.Repeat("━", full)) +
		st.BarEmpty.Render(strings.Repeat("─", bw-full)) + st.Subtle.Render(pct)
}

// rule is a horizontal separator of width w.
func rule(st *Styles, w int) string {
	return st.Rule.Render(strings.Repeat("─", max(w, 0)))
}

// clamp cuts s to at most w columns and h lines, and never returns an empty
// string (a 1x1 terminal still gets one cell).
func clamp(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 1)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, max(w, 1), "")
		}
	}
	out := strings.Join(lines, "\n")
	if strings.TrimSpace(ansi.Strip(out)) == "" {
		return tooSmall[:1]
	}
	return out
}
