package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// Streams are the program's standard streams and whether each is a terminal.
// [System] returns the real ones. Tests make their own with [Test] and say
// which of them "are" terminals with SetInTTY, SetOutTTY and SetErrTTY, so the
// terminal paths (the interactive advisor, the batch progress bar) run
// through [Main] like everything else (gh's iostreams).
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	inTTY, outTTY, errTTY bool
}

// System returns the process's stdin, stdout and stderr.
func System() *Streams {
	return &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		inTTY: isTerminal(os.Stdin), outTTY: isTerminal(os.Stdout), errTTY: isTerminal(os.Stderr),
	}
}

// Test returns streams on in, out and err, none of them a terminal.
func Test(in io.Reader, out, err io.Writer) *Streams {
	return &Streams{In: in, Out: out, Err: err}
}

// InTTY reports whether In is a terminal.
func (s *Streams) InTTY() bool { return s.inTTY }

// OutTTY reports whether Out is a terminal.
func (s *Streams) OutTTY() bool { return s.outTTY }

// ErrTTY reports whether Err is a terminal.
func (s *Streams) ErrTTY() bool { return s.errTTY }

// SetInTTY says whether In is to be treated as a terminal.
func (s *Streams) SetInTTY(b bool) { s.inTTY = b }

// SetOutTTY says whether Out is to be treated as a terminal.
func (s *Streams) SetOutTTY(b bool) { s.outTTY = b }

// SetErrTTY says whether Err is to be treated as a terminal.
func (s *Streams) SetErrTTY(b bool) { s.errTTY = b }

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// output is the writer commands print their results to. It keeps the first
// write error, so that a closed or full stdout fails the command (exit 1)
// even where the code that wrote ignores errors (cobra's and fang's help, a
// template written in one call).
type output struct {
	w   io.Writer
	err error
}

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// terminalOutput is an output on a terminal. It has the terminal's file
// descriptor, so fang sees a terminal and draws the help in colour.
type terminalOutput struct {
	*output
	f *os.File
}

func (t terminalOutput) Fd() uintptr                { return t.f.Fd() }
func (t terminalOutput) Read(p []byte) (int, error) { return t.f.Read(p) }
func (t terminalOutput) Close() error               { return nil } // never closes stdout

// newOutput wraps s.Out. With color, an *os.File on a terminal keeps its file
// descriptor visible; otherwise help and errors are plain text.
func newOutput(s *Streams, color bool) (*output, io.Writer) {
	o := &output{w: s.Out}
	if f, ok := s.Out.(*os.File); ok && color && s.outTTY {
		return o, terminalOutput{o, f}
	}
	return o, o
}

// trimSpaces drops the spaces at the end of each line. fang pads its help to
// 120 columns when stdout is not a terminal; in a pipe or a file that is only
// trailing blanks.
type trimSpaces struct {
	w       io.Writer
	pending int // spaces seen and not yet written
}

func (t *trimSpaces) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for _, c := range p {
		switch c {
		case ' ':
			t.pending++
			continue
		case '\n':
			t.pending = 0
		default:
			for ; t.pending > 0; t.pending-- {
				out = append(out, ' ')
			}
		}
		out = append(out, c)
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// helpAsked reports whether args ask for help (help, -h or --help before --).
func helpAsked(args []string) bool {
	if len(args) > 0 && args[0] == "help" {
		return true
	}
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--help":
			return true
		}
	}
	return false
}
