package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"medpath/advisor"
	"medpath/internal/session"
	"medpath/tui"
)

// adviseOptions are the flags of `medpath` itself: the interactive advisor
// and the accessible line-by-line mode.
type adviseOptions struct {
	answers    string
	session    string
	out        string
	accessible bool
}

// newAdviseCmd returns the root command, which runs the advisor.
func newAdviseCmd(a *app) *cobra.Command {
	o := &adviseOptions{}
	c := &cobra.Command{
		Use:   "medpath",
		Short: "A career advisor for medical technicians and technologists",
		Long: `medpath: a career advisor for people entering US healthcare as a medical
technician or a medical technologist.

With no command it starts the interactive advisor: 17 to 29 short
questions (follow-ups only where an answer calls for them) and an optional
check of 24 work activities, then ranked
paths with the reasons, a personal plan with months
and costs, certification routes, licences and pay. The answers are saved
after every change to a session file; on the results, e exports the report
and the answers. --accessible asks the same questions line by line on stdin
and stdout, with no screen redraws (also ACCESSIBLE=1 or TERM=dumb).

Exit codes: 0 ok, 1 error, 2 bad usage or bad input, 130 cancelled.
Nothing you enter leaves this computer.`,
		Example: `  medpath
  medpath --answers me.yaml --out exports/
  medpath --session maria.yaml
  medpath --accessible`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runAdvise(cmd, a, o, args) })
	f := c.Flags()
	f.StringVar(&o.answers, "answers", "", "answers FILE to start from (YAML or JSON; - reads stdin)")
	f.StringVar(&o.session, "session", "", "the session FILE: loaded if it exists, saved after every change\n(default: a new file in $XDG_DATA_HOME/medpath/sessions\nor ~/.local/share/medpath/sessions)")
	f.StringVar(&o.out, "out", "", "the DIR the advisor exports to (default: the current folder)")
	f.BoolVar(&o.accessible, "accessible", false, "plain line-by-line questions, no screen redraws (also ACCESSIBLE=1 or TERM=dumb)")
	_ = c.MarkFlagFilename("answers", "yaml", "yml", "json")
	_ = c.MarkFlagFilename("session", "yaml", "yml")
	_ = c.MarkFlagDirname("out")
	return c
}

// runAdvise runs the interactive advisor, or the accessible line-by-line
// mode, and prints a short summary on stdout when it ends.
//
// The advisor saves the answers after every change to a session file (a new
// one per session in session.Dir(), or --session FILE). The session file is
// locked while the advisor has it open; when another advisor holds it, the
// user chooses read-only, a new file or quit before anything starts.
// SIGINT and SIGTERM end it like ctrl+c: the terminal is restored, the
// answers are saved, and the exit code is 130; if the screens are stuck
// (a computation that does not end), Main restores the terminal itself
// within a second. A crash (a panic) restores the terminal, prints the
// panic and where the answers are on stderr, and exits 1.
//
// MEDPATH_TEST_PANIC=1 in the environment makes the key F12 panic, and
// MEDPATH_TEST_HANG=TEXT makes the screens stop for ever once TEXT is
// drawn, to test the crash and the cancel handling end to end; neither
// does anything otherwise.
func runAdvise(cmd *cobra.Command, a *app, o *adviseOptions, args []string) error {
	if len(args) > 0 {
		return unknownCommand(cmd, args[0])
	}
	accessible := o.accessible || os.Getenv("ACCESSIBLE") != "" || os.Getenv("TERM") == "dumb"
	if accessible && o.answers == "-" {
		return usagef("stdin can be read only once: the accessible mode reads its answers from stdin, so --answers - cannot read from it too")
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	s := a.streams
	var start advisor.Answers
	if o.answers != "" {
		if start, err = readAnswers(eng, o.answers, s.In); err != nil {
			return err
		}
		if o.session != "" {
			if _, err := os.Stat(o.session); err == nil {
				return usagef("--session %s already holds answers; start from it or from --answers, not both", o.session)
			}
		}
	}
	if accessible {
		return runAccessible(cmd.Context(), a, o, eng, start)
	}
	if !s.InTTY() || !s.ErrTTY() {
		return badInput(errors.New("the interactive advisor needs a terminal.\n" +
			"  For plain questions on stdin and stdout: medpath --accessible\n" +
			"  For a report from an answers file:      medpath report --answers FILE (medpath questions prints a template)"))
	}
	topts := tui.Options{
		Answers: start, OutDir: o.out, NoColor: a.noColor,
		Input: s.In, Output: s.Err, // the screens go to stderr, the summary to stdout
		TestPanic: os.Getenv("MEDPATH_TEST_PANIC") == "1",
	}
	if o.session != "" {
		sess, err := a.openSession(eng, o.session, s.In, s.Err)
		if err != nil {
			return err
		}
		topts.SessionPath = sess.path
		if sess.readOnly != "" {
			topts.Answers = sess.start
			topts.Notice = fmt.Sprintf("Read-only: %s is open in another medpath; nothing you change is saved.", advisor.PlainText(sess.readOnly))
		}
	} else {
		dir, err := session.Dir()
		if err != nil {
			fmt.Fprintf(s.Err, "medpath: %v; answers are kept only if you export them\n", err)
		}
		topts.SessionDir = dir
	}
	if text := os.Getenv("MEDPATH_TEST_HANG"); text != "" {
		topts.Output = newStall(s.Err, text)
	}
	if topts.SessionPath != "" {
		a.setCancelNote(fmt.Sprintf("the answers are saved in %s up to the last change", topts.SessionPath))
	}
	// Signals cancel ctx (see Main); Run then restores the terminal, saves
	// the answers and returns ErrCancelled. If Run is stuck, Main restores
	// the terminal with what guardTerminal saved.
	done := a.guardTerminal(s.In, s.Err)
	res, err := tui.Run(cmd.Context(), eng, topts)
	done()
	switch {
	case errors.Is(err, tui.ErrCancelled):
		return withNote(fmt.Errorf("%w.", errCancelled), sessionNote(res))
	case errors.Is(err, tui.ErrCrashed):
		return withNote(fmt.Errorf("%w.", err), sessionNote(res)+"medpath: please report the panic above; nothing was sent anywhere.")
	case err != nil:
		return answersError(err)
	}
	fmt.Fprint(a.out, eng.ExitSummary(res.Recommendation, res.Exported...))
	if res.SessionPath != "" {
		fmt.Fprintf(a.out, "Answers saved in %s\n", advisor.PlainText(res.SessionPath))
	}
	if res.SessionErr != nil {
		fmt.Fprintf(s.Err, "medpath: could not save the session: %v\n", res.SessionErr)
	}
	return nil
}

// sessionNote says where the answers are after the advisor ended early
// (cancelled or crashed), or why they could not be saved, one line or two,
// each ending in a newline.
func sessionNote(res tui.Result) string {
	switch {
	case res.SessionPath != "":
		return fmt.Sprintf("medpath: your answers are saved in %s\n  continue with: medpath --session %s\n", res.SessionPath, shellArg(res.SessionPath))
	case res.SessionErr != nil:
		return fmt.Sprintf("medpath: the answers could not be saved: %v\n", res.SessionErr)
	}
	return ""
}

// shellArg quotes s for a shell when it needs it.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// runAccessible runs the accessible line-by-line mode (tui.Accessible): it
// saves the answers to a session as the full-screen advisor does (--session
// FILE, or a new file in session.Dir()), reviews them, prints the text
// report, and offers to export it into the current folder; with --out it
// exports there at once.
//
// Every place it will write (the --session file and its folder, the --out
// folder) is checked before the first question, so a questionnaire is never
// answered for nothing, and a session another medpath has open is offered
// read-only or as a new file. A signal ends it at once with exit 130 (the
// questions read stdin, which cannot be interrupted, so Main stops waiting
// for them); what was answered by then is in the session file.
func runAccessible(ctx context.Context, a *app, o *adviseOptions, eng *advisor.Engine, start advisor.Answers) error {
	if o.out != "" {
		if err := checkFolder(o.out); err != nil {
			return fmt.Errorf("--out %s: %w", o.out, err)
		}
	}
	opts := tui.AccessibleOptions{
		Input: a.streams.In, Output: a.out, Answers: start, OutDir: o.out,
		AutoExport: o.out != "", // --out: export at the results, as before
	}
	note := "nothing was saved"
	if o.session != "" {
		sess, err := a.openSession(eng, o.session, a.streams.In, a.out)
		if err != nil {
			return err
		}
		if sess.readOnly != "" {
			if opts.Answers == nil {
				opts.Answers = sess.start
			}
			fmt.Fprintf(a.out, "Read-only: %s is open in another medpath; nothing you answer is saved to it.\n\n", advisor.PlainText(sess.readOnly))
		} else {
			opts.SessionPath = sess.path
			note = fmt.Sprintf("the answers are saved in %s up to the last one given", sess.path)
		}
	} else {
		dir, err := session.Dir()
		if err != nil {
			fmt.Fprintf(a.streams.Err, "medpath: %v; answers are kept only if you export them\n", err)
		}
		opts.SessionDir = dir
		if dir != "" {
			note = fmt.Sprintf("the answers given are saved in a session file in %s", dir)
		}
	}
	a.setCancelNote(note)
	res, err := tui.Accessible(eng, opts)
	switch {
	case errors.Is(err, tui.ErrCancelled):
		if res.SessionPath == "" && res.SessionErr == nil {
			return fmt.Errorf("%w; nothing was saved.", err)
		}
		n := strings.Replace(sessionNote(res), "continue with: medpath --session", "continue with: medpath --accessible --session", 1)
		return withNote(fmt.Errorf("%w.", errCancelled), n)
	case err != nil:
		return answersError(err)
	}
	if ctx.Err() != nil {
		return withNote(fmt.Errorf("%w.", errCancelled), sessionNote(res))
	}
	if res.SessionPath != "" {
		fmt.Fprintf(a.out, "\nAnswers saved in %s\n  continue with: medpath --accessible --session %s\n", res.SessionPath, shellArg(res.SessionPath))
	}
	if res.SessionErr != nil {
		fmt.Fprintf(a.streams.Err, "medpath: could not save the session: %v\n", res.SessionErr)
	}
	return nil
}

// noteError is an error followed by lines that say what to do next.
type noteError struct {
	err  error
	note string
}

// withNote returns err with note (lines, each ending in a newline) printed
// after it.
func withNote(err error, note string) error {
	if note == "" {
		return err
	}
	return &noteError{err: err, note: strings.TrimSuffix(note, "\n")}
}

func (e *noteError) Error() string { return e.err.Error() + "\n" + e.note }
func (e *noteError) Unwrap() error { return e.err }
