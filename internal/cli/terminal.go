package cli

import (
	"io"
	"os"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// terminalReset undoes what the advisor's screens switch on: the alternate
// screen, the hidden cursor, bracketed paste, focus and mouse reports, and
// the keyboard enhancements (Bubble Tea's own exit sequence, written by
// medpath when Bubble Tea cannot run it).
const terminalReset = ansi.ResetModifyOtherKeys + "\x1b[<1u" + // pop one kitty keyboard level
	ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr +
	ansi.ResetModeFocusEvent + ansi.ResetModeBracketedPaste +
	ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor + "\r\n"

// guardTerminal saves the terminal's state before the advisor's screens
// take it over, and registers with Main a restore that runs if Main has to
// give up on the advisor (stuck after a signal): the tty back in the mode
// the shell had, and the screen modes reset on out. The returned function
// unregisters it once the advisor has ended and restored the terminal
// itself.
func (a *app) guardTerminal(in io.Reader, out io.Writer) (done func()) {
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return func() {}
	}
	st, err := term.GetState(f.Fd())
	if err != nil {
		return func() {}
	}
	return a.onExit(func() {
		_, _ = io.WriteString(out, terminalReset)
		_ = term.Restore(f.Fd(), st)
	})
}

// stallWriter is the MEDPATH_TEST_HANG hook: it passes writes through
// until what is written contains text, then blocks for ever, so the
// advisor's screens stop as if a screen computed for ever (the renderer
// holds its lock, and the program's loop waits for it). The end-to-end
// tests use it to check that SIGINT and SIGTERM still end medpath within a
// second with the terminal restored.
type stallWriter struct {
	w    io.Writer
	text string
	mu   sync.Mutex
	seen string // the end of what was written, to find text across writes
}

// stallFile is a stallWriter on a terminal: it keeps the terminal's file
// descriptor visible, so the screens are drawn as on the terminal itself.
type stallFile struct {
	*stallWriter
	f *os.File
}

func (s stallFile) Fd() uintptr                { return s.f.Fd() }
func (s stallFile) Read(p []byte) (int, error) { return s.f.Read(p) }
func (s stallFile) Close() error               { return nil }

// newStall returns the MEDPATH_TEST_HANG writer on w.
func newStall(w io.Writer, text string) io.Writer {
	sw := &stallWriter{w: w, text: text}
	if f, ok := w.(*os.File); ok {
		return stallFile{sw, f}
	}
	return sw
}

func (s *stallWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.seen += string(p)
	hit := strings.Contains(ansi.Strip(s.seen), s.text)
	if len(s.seen) > 4*len(s.text)+4096 {
		s.seen = s.seen[len(s.seen)-4*len(s.text)-4096:]
	}
	s.mu.Unlock()
	if hit {
		select {} // stuck, as a runaway computation would be
	}
	return s.w.Write(p)
}
