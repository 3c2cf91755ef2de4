package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line progress bar on a terminal (stderr), at most ten
// times a second. Use it only when the output is a terminal: in a pipe or a
// log there is no bar.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int64
	label string
	last  time.Time
	done  int64
	units int
}

// newProgress returns a bar for total units of work (bytes or files); label
// names what is counted after the units, e.g. "students".
func newProgress(w io.Writer, total int64, label string) *progress {
	return &progress{w: w, total: max(1, total), label: label}
}

// set records progress: done of total, and n items finished so far.
func (p *progress) set(done int64, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.units = done, n
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw()
}

func (p *progress) draw() {
	const width = 30
	frac := min(1, float64(p.done)/float64(p.total))
	filled := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d %s", strings.Repeat("#", filled), strings.Repeat("-", width-filled), 100*frac, p.units, p.label)
}

// finish draws the full bar and ends the line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = p.total
	p.draw()
	fmt.Fprintln(p.w)
}
