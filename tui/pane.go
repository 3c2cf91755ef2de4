package tui

import (
	"charm.land/bubbles/v2/viewport"
)

// pane is a scrolling block of lines already styled and cut to its width. A
// bubbles viewport keeps the scroll position and does the paging; the
// visible lines are cut out here, which is much cheaper than the viewport's
// own View (it measures and pads every line on every frame).
type pane struct {
	vp    viewport.Model
	lines []string
}

func newPane() pane {
	return pane{vp: viewport.New()}
}

// setSize sets the pane's size in cells.
func (p *pane) setSize(w, h int) {
	p.vp.SetWidth(max(w, 1))
	p.vp.SetHeight(max(h, 1))
}

// setLines replaces the content, back at the top or keeping the scroll
// position (as far as the new content allows).
func (p *pane) setLines(lines []string, top bool) {
	y := p.vp.YOffset()
	p.lines = lines
	p.vp.SetContentLines(lines)
	if top {
		p.vp.GotoTop()
	} else {
		p.vp.SetYOffset(y)
	}
}

// view returns exactly the pane's height in lines.
func (p pane) view() []string {
	h := p.vp.Height()
	y := min(max(p.vp.YOffset(), 0), len(p.lines))
	return fitLines(append([]string(nil), p.lines[y:min(y+h, len(p.lines))]...), h)
}

func (p *pane) lineUp()       { p.vp.ScrollUp(1) }
func (p *pane) lineDown()     { p.vp.ScrollDown(1) }
func (p *pane) pageUp()       { p.vp.PageUp() }
func (p *pane) pageDown()     { p.vp.PageDown() }
func (p pane) atTop() bool    { return p.vp.AtTop() }
func (p pane) atBottom() bool { return p.vp.AtBottom() }
