// Package cli is medpath's command line: the commands, their flags and help,
// and the one place that turns errors into exit codes.
//
// [Main] builds a cobra command tree styled by fang (help, --version, shell
// completions) and runs it on the [Streams] it is given. Each command lives in
// its own file with an options struct, its flags, its help text with an
// example, and a run function that returns an error, never an exit code:
//
//	medpath            advise.go     the interactive advisor, or accessible mode
//	medpath report     report.go     a recommendation from an answers file
//	medpath questions  questions.go  an answers template
//	medpath validate   validate.go   check the data and run its examples
//	medpath compare    compare.go    what changes between two answers files
//	medpath batch      batch.go      one row per student and a cohort summary
//	medpath help       help.go       help on any command, with a did-you-mean
//	medpath man        man.go        the manual page (hidden)
//
// Exit codes ([exitCode]): 0 ok, 1 error, 2 bad usage or bad input, 130
// cancelled. Errors are printed once, by Main, as "medpath CMD: message", in
// plain text (scripts and counselors read them; lists of file:line:col
// problems must not be re-wrapped), and never through fang's styled error box.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"medpath/advisor"
	"medpath/data"
	"medpath/internal/session"
	"medpath/tui"
)

// Main runs medpath with args (without the program name) on s and returns
// the exit code. version is what --version prints.
//
// The command runs while Main watches for signals: the first SIGINT or
// SIGTERM cancels it, and if it has not ended within cancelGrace (the
// interactive advisor stuck in a long computation, a read of stdin that
// never ends), Main stops waiting and returns 130 after restoring the
// terminal and removing temporary files and session locks; a second signal
// ends the process at once. A panic outside the advisor's screens is exit
// 1 with a message. Whatever the way out, [session.Cleanup] runs.
func Main(args []string, s *Streams, version string) int {
	// medpath's live heap is a few MiB, so collecting garbage at 5x instead of
	// 2x the live heap costs 10-20 MiB of peak memory at most and saves
	// collections during start-up and batch runs (see docs/PERFORMANCE.md).
	// GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	a := &app{streams: s, current: "medpath"}
	a.out, a.stdout = newOutput(s, !noColorAsked(args))
	ctx, sigs := catchSignals(context.Background())
	defer sigs.stop()

	done := make(chan error, 1)
	go func() { done <- a.guarded(func() error { return a.execute(ctx, args, version) }) }()
	var err error
	select {
	case err = <-done:
	case <-sigs.fired:
		select {
		case err = <-done:
		case <-time.After(cancelGrace):
			err = a.abandon() // the command is stuck: stop waiting for it
		}
		if !cancelled(err) {
			err = &cmdError{cmd: a.commandPath(), err: fmt.Errorf("%w.", errCancelled)}
		}
	}
	sigs.stop()
	a.runCleanups()
	session.Cleanup()
	if err != nil {
		printError(s.Err, err)
	}
	return exitCode(err)
}

// cancelGrace is how long Main waits for a command to stop by itself after
// the first signal, before it gives up on it.
const cancelGrace = 500 * time.Millisecond

// app is what every command shares: the streams, the global flags and the
// error a command failed with (gh's Factory, in small).
type app struct {
	streams *Streams
	out     *output   // stdout, remembering the first write error
	stdout  io.Writer // out, as a terminal when it is one (for fang's colours)
	dataDir string    // --data
	noColor bool      // --no-color
	failed  error     // the error a command, a flag or an argument failed with

	mu         sync.Mutex
	current    string         // the command running ("medpath report")
	cancelNote string         // what to add to "cancelled" if Main gives up on it
	cleanups   map[int]func() // run by Main on every way out, in any order
	nextID     int
}

// onExit registers f to run when Main ends, whatever the way out (a signal
// included), and returns a function that unregisters it.
func (a *app) onExit(f func()) (forget func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cleanups == nil {
		a.cleanups = map[int]func(){}
	}
	id := a.nextID
	a.nextID++
	a.cleanups[id] = f
	return func() {
		a.mu.Lock()
		delete(a.cleanups, id)
		a.mu.Unlock()
	}
}

// runCleanups runs and forgets the functions registered with onExit.
func (a *app) runCleanups() {
	a.mu.Lock()
	fs := a.cleanups
	a.cleanups = nil
	a.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// setCancelNote sets what Main says after "cancelled" if it must give up
// on the command ("nothing was saved", "out.csv was not written").
func (a *app) setCancelNote(note string) {
	a.mu.Lock()
	a.cancelNote = note
	a.mu.Unlock()
}

// commandPath is the command running, "medpath" before one starts.
func (a *app) commandPath() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.current
}

// abandon is the error of a command Main stopped waiting for after a
// signal: cancelled, with the command's note. The cleanups (the terminal
// restored first) run at once.
func (a *app) abandon() error {
	a.runCleanups()
	a.mu.Lock()
	note := a.cancelNote
	a.mu.Unlock()
	msg := fmt.Errorf("%w.", errCancelled)
	if note != "" {
		msg = fmt.Errorf("%w; %s.", errCancelled, note)
	}
	return &cmdError{cmd: a.commandPath(), err: msg}
}

// guarded runs f and turns a panic in it into the error of a crash.
func (a *app) guarded(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = a.crashed(r, debug.Stack())
		}
	}()
	return f()
}

// crashed is the error of a command that panicked outside the advisor's
// screens (those the advisor catches itself): exit 1, with the panic and
// where it happened printed first, for a bug report.
func (a *app) crashed(r any, stack []byte) error {
	fmt.Fprintf(a.streams.Err, "medpath: panic: %v\n\n%s\n", r, stack)
	return &cmdError{cmd: a.commandPath(), err: fmt.Errorf("%w: %v; please report it with the lines above (nothing was sent anywhere)", errCrashed, r)}
}

// errCrashed reports a bug: a panic (exit 1).
var errCrashed = errors.New("stopped on an internal error (a bug)")

// execute builds the command tree and runs it. Commands report errors by
// a.fail, not to cobra: fang would print them in its own style and, on a
// terminal, first ask the terminal for its background colour.
func (a *app) execute(ctx context.Context, args []string, version string) error {
	root := newAdviseCmd(a)
	root.AddCommand(newReportCmd(a), newQuestionsCmd(a), newValidateCmd(a),
		newCompareCmd(a), newBatchCmd(a), newManCmd(a))
	root.SetHelpCommand(newHelpCmd(a))
	for _, c := range append(root.Commands(), root) {
		c.InitDefaultHelpFlag() // now, not when run, so every listing shows it
	}
	root.PersistentFlags().StringVar(&a.dataDir, "data", "", "a counselor's DIR of YAML laid over the built-in data")
	root.PersistentFlags().BoolVar(&a.noColor, "no-color", false, "no colour (NO_COLOR=1 works too)")
	_ = root.MarkPersistentFlagDirname("data")
	root.SetVersionTemplate("medpath {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		a.fail(c, flagError(c, err))
		return nil // handled: cobra stops here without running c
	})
	root.SetArgs(args)
	root.SetIn(a.streams.In)
	root.SetOut(a.stdout)
	if helpAsked(args) && !a.streams.outTTY {
		root.SetOut(&trimSpaces{w: a.stdout})
	}
	root.SetErr(a.streams.Err)

	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithoutManpage(), // man.go writes it to our stdout, not os.Stdout
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}), // Main prints errors
	)
	switch {
	case a.failed != nil:
		return a.failed
	case a.out.err != nil:
		return &cmdError{cmd: "medpath", err: fmt.Errorf("cannot write the output: %w", a.out.err)}
	case err != nil:
		// Only cobra's own commands and checks get here (completion with a
		// wrong shell, say): bad usage.
		return &cmdError{cmd: "medpath", err: &usageError{err: err, hint: true}}
	}
	return nil
}

// run adapts a command's run function to cobra: its error is kept for Main.
func (a *app) run(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.mu.Lock()
		a.current = cmd.CommandPath()
		a.mu.Unlock()
		if err := f(cmd, args); err != nil {
			a.fail(cmd, err)
		}
		return nil
	}
}

// fail records that cmd failed with err; the first failure wins.
func (a *app) fail(cmd *cobra.Command, err error) {
	if a.failed == nil {
		a.failed = &cmdError{cmd: cmd.CommandPath(), err: err}
	}
}

// engine loads the embedded data and the --data overlay, if any.
func (a *app) engine() (*advisor.Engine, error) {
	var overlays []advisor.Layer
	if a.dataDir != "" {
		st, err := os.Stat(a.dataDir)
		if err != nil {
			return nil, fmt.Errorf("the data has problems:\n--data %s: %w", a.dataDir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("the data has problems:\n--data %s: not a folder", a.dataDir)
		}
		fsys, err := advisor.DirFS(a.dataDir) // no links out of the folder, no blocking on a FIFO
		if err != nil {
			return nil, fmt.Errorf("the data has problems:\n--data %s: %w", a.dataDir, err)
		}
		overlays = append(overlays, advisor.Layer{Dir: a.dataDir, FS: fsys})
	}
	eng, err := advisor.Load(data.FS, overlays...)
	if err != nil {
		return nil, fmt.Errorf("the data has problems:\n%w", err)
	}
	return eng, nil
}

// noColorAsked reports whether args ask for --no-color before any "--", so
// that even the help, printed before the flags reach a command, has none.
func noColorAsked(args []string) bool {
	if i := slices.Index(args, "--"); i >= 0 {
		args = args[:i]
	}
	return slices.ContainsFunc(args, func(s string) bool {
		return s == "--no-color" || s == "--no-color=true" || s == "--no-color=1"
	})
}

// cmdError is an error of the command at path ("medpath report").
type cmdError struct {
	cmd string
	err error
}

func (e *cmdError) Error() string { return e.cmd + ": " + e.err.Error() }
func (e *cmdError) Unwrap() error { return e.err }

// usageError is bad usage or bad input: exit 2. hint adds a pointer to the
// command's help.
type usageError struct {
	err  error
	hint bool
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usage error (exit 2) with a pointer to the help.
func usagef(format string, a ...any) error {
	return &usageError{err: fmt.Errorf(format, a...), hint: true}
}

// badInput marks err as bad input (exit 2), without the help pointer.
func badInput(err error) error {
	return &usageError{err: err}
}

// errCancelled reports that the user cancelled (exit 130).
var errCancelled = errors.New("cancelled")

// exitCode is the one mapping from errors to exit codes: 0 ok; 130 cancelled
// (ctrl+c, SIGINT, SIGTERM, end of input in accessible mode); 2 bad usage or
// bad input (a flag, an argument, an answers file, a CSV header); 1 anything
// else (unreadable or broken data, a file that cannot be written, students a
// batch could not score, a crash).
func exitCode(err error) int {
	var ue *usageError
	var ae *advisor.AnswersError
	switch {
	case err == nil:
		return 0
	case cancelled(err):
		return 130
	case errors.As(err, &ue), errors.As(err, &ae):
		return 2
	}
	return 1
}

// cancelled reports whether err says the user cancelled.
func cancelled(err error) bool {
	return errors.Is(err, errCancelled) || errors.Is(err, tui.ErrCancelled) || errors.Is(err, context.Canceled)
}

// printError prints err on w as "medpath CMD: message", and for bad usage a
// pointer to the command's help. The message is made plain first: it can
// quote file names, CSV ids and data, which must not reach the terminal as
// escape sequences.
func printError(w io.Writer, err error) {
	fmt.Fprintln(w, advisor.PlainLines(err.Error()))
	var ce *cmdError
	var ue *usageError
	if errors.As(err, &ue) && ue.hint && errors.As(err, &ce) {
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", ce.cmd)
	}
}

// flagError explains a flag c could not parse. A flag that another command
// takes says so: "validate takes no --format (report, compare and batch do)".
func flagError(c *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return &usageError{err: err, hint: true}
	}
	var takers []string
	for _, sub := range append([]*cobra.Command{c.Root()}, c.Root().Commands()...) {
		if sub != c && !sub.Hidden && sub.LocalNonPersistentFlags().Lookup(name) != nil {
			takers = append(takers, cmdName(sub))
		}
	}
	if len(takers) == 0 {
		return &usageError{err: err, hint: true}
	}
	verb := "does"
	if len(takers) > 1 {
		verb = "do"
	}
	return usagef("%s takes no --%s (%s %s)", cmdName(c), name, joinAnd(takers), verb)
}

// cmdName names c for people: "report", or "medpath" for the advisor itself.
func cmdName(c *cobra.Command) string {
	if !c.HasParent() {
		return "medpath"
	}
	return c.Name()
}

// joinAnd joins words as "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// formatFlag adds --format to c with its allowed values (the first is the
// default) and their completions.
func formatFlag(c *cobra.Command, p *string, allowed []string) {
	c.Flags().StringVar(p, "format", allowed[0], "output FORMAT: "+joinOr(allowed))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// joinOr joins words as "a, b or c".
func joinOr(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// checkFormat checks the value of --format against allowed.
func checkFormat(f string, allowed []string) error {
	if !slices.Contains(allowed, f) {
		return usagef("unknown --format %q; allowed: %s", f, strings.Join(allowed, ", "))
	}
	return nil
}

// noArgs is the check of a command that takes no arguments.
func noArgs(args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

// hideDefault keeps a flag's default out of the help, when the usage text
// says it in words.
func hideDefault(fs *pflag.FlagSet, name string) {
	if f := fs.Lookup(name); f != nil {
		f.DefValue = ""
	}
}
