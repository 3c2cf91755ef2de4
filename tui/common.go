package tui

import (
	"medpath/advisor"
)

// common is what the root and every screen share, as glow's commonModel
// and soft-serve's common.Common: the engine, the styles for the terminal's
// background, the default keys and the terminal's size. There is one, and
// every screen holds the same pointer, so a new background colour is one
// assignment (setDark). Screens that keep lines already styled (the panes
// of the results, the comparison and the FAQ) rebuild them at their next
// layout when the styles are not the ones they were built with.
type common struct {
	eng    *advisor.Engine
	st     *Styles
	isDark bool
	keys   keyMap // the defaults; each screen copies them and switches off what it does not use
	width  int    // the terminal's size; 0 until it reports one
	height int
	counts countCache // question counts already made (pacing.go)
}

// newCommon returns the shared state for eng. The background is assumed
// dark until the terminal answers, as most terminals are.
func newCommon(eng *advisor.Engine) *common {
	const isDark = true
	return &common{eng: eng, st: newStyles(isDark), isDark: isDark, keys: defaultKeys()}
}

// setDark restyles every screen for a dark or light background.
func (c *common) setDark(isDark bool) {
	c.isDark = isDark
	c.st = newStyles(isDark)
}

// size returns the terminal size, or the default before the first report.
func (c *common) size() (int, int) {
	if c.width <= 0 || c.height <= 0 {
		return defaultWidth, defaultHeight
	}
	return c.width, c.height
}

// wide reports whether lists and details sit side by side.
func (c *common) wide() bool {
	w, _ := c.size()
	return w >= wideWidth
}
