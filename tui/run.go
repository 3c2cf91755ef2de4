package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"medpath/advisor"
	"medpath/internal/session"
)

// This file runs the advisor: its options and result, the program, how it
// ended, and the guard that brings a panic in a command back into Update.

// Options configure the interactive advisor.
type Options struct {
	// Answers are the answers to start from (from --answers); may be nil.
	Answers advisor.Answers
	// OutDir is the folder the export writes to ("" means the current folder).
	OutDir string
	// NoColor draws without colour (bold and markers stay). NO_COLOR in the
	// environment has the same effect without this.
	NoColor bool
	// Input is where keys come from; nil means the terminal (stdin).
	Input io.Reader
	// Output is where the screens are drawn; nil means os.Stderr, which keeps
	// stdout free for the summary main prints after the advisor ends.
	Output io.Writer
	// SessionPath is a session file to use (--session FILE; it need not
	// exist yet). When it exists Run loads its answers (Answers must then be
	// nil); every change of the answers is saved to it.
	SessionPath string
	// SessionDir is the folder of saved sessions: the welcome lists them to
	// continue one, and without SessionPath a new session file is made there
	// at the first change (the CLI passes session.Dir()). With both "" sessions
	// are off and nothing is saved unless exported.
	SessionDir string
	// Now is the clock for session times and dates; nil means time.Now.
	Now func() time.Time
	// Notice is a line shown above the status line on every screen, such
	// as "Read-only: ... nothing you change is saved" when the session file
	// is open in another advisor; "" shows none.
	Notice string
	// TestPanic makes the key f12 panic inside Update with the message
	// "medpath test panic", to test that a crash restores the terminal and
	// says where the answers were saved. main sets it when the environment
	// has MEDPATH_TEST_PANIC=1; it is never on otherwise.
	TestPanic bool
}

// Result is what the student leaves the advisor with.
type Result struct {
	// Answers are the final answers to the questions visible at the end.
	Answers advisor.Answers
	// Recommendation is the last one shown; nil if the results were never reached.
	Recommendation *advisor.Recommendation
	// Exported lists the files written by the last export, if any.
	Exported []string
	// SessionPath is the session file holding the final answers; "" when
	// sessions are off, nothing was answered, or the last save failed.
	SessionPath string
	// SessionErr says why the final answers could not be saved to the
	// session; nil when they were, or sessions are off.
	SessionErr error
}

// ErrCrashed reports that the advisor stopped on a panic (a bug). The
// terminal has been restored and the answers saved up to the last change
// (Result.SessionPath says where); main exits 1.
var ErrCrashed = errors.New("the advisor stopped on an internal error (a bug)")

// Run runs the interactive advisor on the alternate screen until the student
// quits, and returns their answers, the recommendation (nil if they never
// reached the results), the files they exported and the session file.
//
// Every way of ending restores the terminal and first writes the newest
// answers to the session if a save is still owed:
//   - q: no error.
//   - ctrl+c, SIGINT, SIGTERM, or ctx cancelled (main cancels it on SIGINT
//     and SIGTERM): [ErrCancelled], wrapping ctx's error when ctx ended it;
//     main exits 130.
//   - a panic in Update, View or a command (Bubble Tea catches it, restores
//     the terminal and prints it on stderr): [ErrCrashed]; main exits 1.
//
// A session file given in o.SessionPath that cannot be loaded is an error
// before anything is drawn (an [*advisor.AnswersError] for bad content).
func Run(ctx context.Context, eng *advisor.Engine, o Options) (Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	o, label, loaded, err := openSessionFile(eng, o)
	if err != nil {
		return Result{}, err
	}
	m := newModel(eng, o)
	if loaded {
		m = m.opened(o.SessionPath, label, o.Answers)
	}
	return runModel(ctx, m, o)
}

// runModel runs the program for m and turns how it ended into Run's result.
func runModel(ctx context.Context, m model, o Options) (Result, error) {
	// 120 frames a second halves the wait for the first frame and for each
	// key's echo (Bubble Tea flushes on its frame ticker, and writes only
	// when the view changed).
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(120)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	out := o.Output
	if out == nil {
		out = os.Stderr
	}
	opts = append(opts, tea.WithOutput(out))
	if o.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(&m, opts...).Run()
	fm, ok := final.(*model) // after a panic in Update or View there is none
	if !ok {
		fm = &m
	}
	res := fm.outcome()
	// The session's store is shared by every copy of the model (and
	// survives a panic): write what is still owed, then say where.
	res.SessionPath, res.SessionErr = m.sess.finish()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea has printed the panic and its stack on stderr.
		return res, fmt.Errorf("%w: a panic (printed above)", ErrCrashed)
	case errors.Is(err, tea.ErrInterrupted):
		return res, ErrCancelled
	case ctx.Err() != nil:
		return res, fmt.Errorf("%w: %w", ErrCancelled, context.Cause(ctx))
	case err != nil:
		return res, fmt.Errorf("interactive advisor: %w", err)
	case fm.cancelled || !fm.quitting:
		// Ended from outside without an error: Bubble Tea's own SIGTERM
		// handler quits the program before ctx is cancelled.
		return res, ErrCancelled
	}
	return res, nil
}

// openSessionFile loads o.SessionPath when it exists: its label, and its
// answers as the starting answers. loaded reports that it did.
func openSessionFile(eng *advisor.Engine, o Options) (_ Options, label string, loaded bool, _ error) {
	if o.SessionPath == "" {
		return o, "", false, nil
	}
	if _, err := os.Stat(o.SessionPath); errors.Is(err, os.ErrNotExist) {
		return o, "", false, nil
	}
	if o.Answers != nil {
		return o, "", false, fmt.Errorf("--session %s already holds answers; start from it or from --answers, not both", o.SessionPath)
	}
	label, a, err := session.Load(eng, o.SessionPath)
	if err != nil {
		return o, "", false, err
	}
	o.Answers = a
	return o, label, true, nil
}

// guard wraps cmd (and each command of a batch) so that a panic in it
// comes back as a crashMsg, which Update raises again. Bubble Tea would
// catch a panic in a command too, but on another goroutine, printing it
// while Run returns and main prints; raised in Update, it is caught in
// order: the terminal restored, the panic printed, then Run returns.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{value: r, stack: debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = guard(c)
			}
			return guarded
		}
		return msg
	}
}
