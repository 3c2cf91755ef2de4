// Command medpath is a terminal career advisor for people entering US
// healthcare as a medical technician or technologist.
//
//	medpath                                  the interactive advisor
//	medpath report --answers FILE [--format text|markdown|json|html]
//	medpath questions                        an answers template
//	medpath validate [--data DIR]            check the data
//
// main.go is wiring only: flags, loading, choosing a front end, exit codes.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"medpath/advisor"
	"medpath/data"
	"medpath/internal/session"
	"medpath/tui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2 // bad usage or bad input
	exitCancelled = 130
)

func main() {
	// medpath's live heap is a few MiB, so collecting garbage at 5x instead of
	// 2x the live heap costs 10-20 MiB of peak memory at most and saves
	// collections during start-up and batch runs (see docs/PERFORMANCE.md).
	// GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the flags every command accepts.
type options struct {
	dataDir    string
	answers    string
	session    string
	format     string
	out        string
	accessible bool
	noColor    bool
	version    bool
	help       bool
	jobs       int
}

const usage = `medpath: a career advisor for medical technicians and technologists

Usage:
  medpath [flags]                    start the interactive advisor
  medpath report --answers FILE      print a recommendation (FILE - is stdin)
  medpath questions                  print an answers template
  medpath validate [--data DIR]      check the data and run its examples
  medpath compare A.yaml B.yaml      what changes between two answers files
  medpath batch DIR|FILE.csv         one row per student, and a cohort summary

Flags:
  --answers FILE  answers to start from (YAML or JSON; - reads stdin)
  --session FILE  the advisor's session: loaded if it exists, saved after
                  every change (default: a new file in
                  $XDG_DATA_HOME/medpath/sessions or
                  ~/.local/share/medpath/sessions)
  --format FMT    report: text (default), markdown, json or html
                  batch: csv (default), json, markdown or html
                  compare: text (default) or json
  --data DIR      a counselor's folder of YAML laid over the built-in data
  --out DIR       where the advisor exports (default: the current folder);
                  for batch, the FILE to write (default: stdout)
  --jobs N        batch workers (default: the number of CPUs)
  --accessible    plain line-by-line questions, no screen redraws
                  (also ACCESSIBLE=1 or TERM=dumb)
  --no-color      no colour (NO_COLOR=1 works too)
  --version       print the version
  --help          this help

Exit codes: 0 ok, 1 error, 2 bad usage or bad input, 130 cancelled.
Nothing you enter leaves this computer.
`

func newFlags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("medpath", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.dataDir, "data", "", "")
	fs.StringVar(&o.answers, "answers", "", "")
	fs.StringVar(&o.session, "session", "", "")
	fs.StringVar(&o.format, "format", "", "")
	fs.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "")
	fs.StringVar(&o.out, "out", "", "")
	fs.BoolVar(&o.accessible, "accessible", false, "")
	fs.BoolVar(&o.noColor, "no-color", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	fs.BoolVar(&o.help, "help", false, "")
	fs.BoolVar(&o.help, "h", false, "")
	return fs
}

// run is the whole program with its streams injected, so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fs := newFlags(&o, stderr)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "medpath: %v\nRun 'medpath --help' for usage.\n", err)
		return exitUsage
	}
	rest := fs.Args()
	cmd := ""
	if len(rest) > 0 {
		cmd = rest[0]
		// flags may also follow the command, before or after its arguments
		var err error
		if rest, err = parseInterspersed(fs, rest[1:]); err != nil {
			fmt.Fprintf(stderr, "medpath %s: %v\nRun 'medpath --help' for usage.\n", cmd, err)
			return exitUsage
		}
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, usage)
		return exitOK
	case o.version:
		fmt.Fprintf(stdout, "medpath %s\n", version)
		return exitOK
	}

	eng, err := load(o.dataDir)
	if err != nil {
		fmt.Fprintf(stderr, "medpath: the data has problems:\n%v\n", err)
		return exitError
	}

	switch cmd {
	case "":
		return startAdvisor(eng, o, stdin, stdout, stderr)
	case "report":
		return report(eng, o, rest, stdin, stdout, stderr)
	case "questions":
		if len(rest) > 0 {
			fmt.Fprintf(stderr, "medpath questions: unexpected argument %q\n", rest[0])
			return exitUsage
		}
		_, _ = stdout.Write(eng.Template())
		return exitOK
	case "validate":
		return validate(eng, o, stdout, stderr)
	case "compare":
		return compare(eng, o, rest, stdin, stdout, stderr)
	case "batch":
		return batch(eng, o, rest, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "medpath: unknown command %q; commands: report, questions, validate, compare, batch\nRun 'medpath --help' for usage.\n", cmd)
		return exitUsage
	}
}

// parseInterspersed parses flags anywhere among the arguments and returns the
// arguments that are not flags, in order. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// load reads the embedded data and the counselor's overlay, if any.
func load(dir string) (*advisor.Engine, error) {
	layers := []advisor.Layer{{FS: data.FS}}
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("--data %s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("--data %s: not a folder", dir)
		}
		layers = append(layers, advisor.Layer{Dir: dir, FS: os.DirFS(dir)})
	}
	return advisor.LoadLayers(layers...)
}

// readAnswers reads and checks an answers file; "-" is stdin.
func readAnswers(eng *advisor.Engine, name string, stdin io.Reader) (advisor.Answers, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, advisor.MaxFileSize+1))
		name = "stdin"
	} else {
		b, err = readLimited(name)
	}
	if err != nil {
		return nil, err
	}
	return eng.ParseAnswers(name, b)
}

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, advisor.MaxFileSize+1))
}

func report(eng *advisor.Engine, o options, rest []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "medpath report: unexpected argument %q (did you mean --answers %s?)\n", rest[0], rest[0])
		return exitUsage
	}
	if o.answers == "" {
		fmt.Fprintln(stderr, "medpath report: --answers FILE is required (use - for stdin; 'medpath questions' prints a template)")
		return exitUsage
	}
	format, ok := pickFormat("report", o.format, advisor.Formats, stderr)
	if !ok {
		return exitUsage
	}
	a, err := readAnswers(eng, o.answers, stdin)
	if err != nil {
		return answersFailed(err, stderr)
	}
	if err := eng.WriteReport(stdout, eng.Recommend(a), format); err != nil {
		fmt.Fprintf(stderr, "medpath report: %v\n", err)
		return exitError
	}
	return exitOK
}

// answersFailed prints why answers could not be used and picks the exit code:
// a bad file is bad input (2); an unreadable one is an error (1).
func answersFailed(err error, stderr io.Writer) int {
	var ae *advisor.AnswersError
	if errors.As(err, &ae) {
		fmt.Fprintf(stderr, "medpath: the answers have problems:\n%v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "medpath: %v\n", err)
	if errors.Is(err, os.ErrNotExist) {
		return exitUsage
	}
	return exitError
}

// pickFormat checks --format for a command; "" takes the command's first
// (default) format.
func pickFormat(cmd, f string, allowed []string, stderr io.Writer) (string, bool) {
	if f == "" {
		return allowed[0], true
	}
	if !slices.Contains(allowed, f) {
		fmt.Fprintf(stderr, "medpath %s: unknown --format %q; allowed: %s\n", cmd, f, strings.Join(allowed, ", "))
		return "", false
	}
	return f, true
}

func compare(eng *advisor.Engine, o options, rest []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(rest) != 2 {
		fmt.Fprintln(stderr, "medpath compare: give two answers files: medpath compare A.yaml B.yaml")
		return exitUsage
	}
	format, ok := pickFormat("compare", o.format, []string{advisor.FormatText, advisor.FormatJSON}, stderr)
	if !ok {
		return exitUsage
	}
	var sets [2]advisor.Answers
	for i, name := range rest {
		a, err := readAnswers(eng, name, stdin)
		if err != nil {
			return answersFailed(err, stderr)
		}
		sets[i] = a
	}
	d := eng.Compare(sets[0], sets[1])
	if format == advisor.FormatJSON {
		if err := writeJSON(stdout, d); err != nil {
			fmt.Fprintf(stderr, "medpath compare: %v\n", err)
			return exitError
		}
		return exitOK
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Comparing %s (before) with %s (after)\n\n", rest[0], rest[1])
	eng.WriteDiffText(&b, d)
	fmt.Fprint(stdout, b.String())
	return exitOK
}

// isTerminal reports whether w is a terminal, for progress bars and the TUI.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// countingReader counts bytes read, for the CSV progress bar.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func batch(eng *advisor.Engine, o options, rest []string, stdout, stderr io.Writer) int {
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "medpath batch: give one folder of answers files or one CSV file: medpath batch DIR | FILE.csv")
		return exitUsage
	}
	format, ok := pickFormat("batch", o.format, advisor.BatchFormats, stderr)
	if !ok {
		return exitUsage
	}
	if o.jobs < 1 || o.jobs > 256 {
		fmt.Fprintf(stderr, "medpath batch: --jobs %d: allowed 1 to 256\n", o.jobs)
		return exitUsage
	}
	in := rest[0]
	st, err := os.Stat(in)
	if err != nil {
		fmt.Fprintf(stderr, "medpath batch: %v\n", err)
		return exitUsage
	}
	var next func() (advisor.Student, error)
	var total int64
	var progressOf func(rows int) int64
	if st.IsDir() {
		next, err = eng.DirStudents(os.DirFS(in), in)
		entries, _ := os.ReadDir(in)
		total = int64(len(entries))
		progressOf = func(rows int) int64 { return int64(rows) }
	} else {
		f, ferr := os.Open(in)
		if ferr != nil {
			fmt.Fprintf(stderr, "medpath batch: %v\n", ferr)
			return exitUsage
		}
		defer f.Close()
		cr := &countingReader{r: f}
		total = st.Size()
		progressOf = func(int) int64 { return cr.n.Load() }
		next, err = eng.CSVStudents(cr, in)
	}
	if err != nil {
		var ae *advisor.AnswersError
		if errors.As(err, &ae) {
			fmt.Fprintf(stderr, "medpath batch: the CSV header has problems:\n%v\n", err)
		} else {
			fmt.Fprintf(stderr, "medpath batch: %v\n", err)
		}
		return exitUsage
	}

	var w io.Writer = stdout
	var out *session.AtomicFile
	if o.out != "" {
		out, err = session.CreateAtomic(o.out)
		if err != nil {
			fmt.Fprintf(stderr, "medpath batch: %v\n", err)
			return exitError
		}
		defer out.Abort() // a no-op after Commit
		w = out
	}
	bw, err := eng.NewBatchWriter(w, format)
	if err != nil {
		fmt.Fprintf(stderr, "medpath batch: %v\n", err)
		return exitError
	}
	var bar *tui.Progress
	if isTerminal(stderr) {
		bar = tui.NewProgress(stderr, total, "students")
	}
	var failures []string
	rows := 0
	sum, err := eng.Batch(context.Background(), next, o.jobs, func(r advisor.BatchRow) error {
		rows++
		if r.Error != "" {
			failures = append(failures, r.ID+": "+r.Error)
		}
		if bar != nil {
			bar.Set(progressOf(rows), rows)
		}
		return bw.Row(r)
	})
	if bar != nil {
		bar.Finish()
	}
	if err == nil {
		err = bw.Close(sum)
	}
	if err == nil && out != nil {
		err = out.Commit()
	}
	if err != nil {
		fmt.Fprintf(stderr, "medpath batch: %v\n", err)
		return exitError
	}
	if len(failures) > 0 {
		shown := failures[:min(len(failures), 20)]
		fmt.Fprintf(stderr, "medpath batch: %d of %d students could not be scored:\n  %s\n", len(failures), sum.Students, strings.Join(shown, "\n  "))
		if len(failures) > len(shown) {
			fmt.Fprintf(stderr, "  ... and %d more (see the error column)\n", len(failures)-len(shown))
		}
		return exitError
	}
	if o.out != "" {
		abs, _ := filepath.Abs(o.out)
		fmt.Fprintf(stderr, "medpath batch: %d students written to %s\n", sum.Students, abs)
	}
	return exitOK
}

func validate(eng *advisor.Engine, o options, stdout, stderr io.Writer) int {
	if failures := eng.RunExamples(); len(failures) > 0 {
		fmt.Fprintf(stderr, "medpath validate: %d example(s) failed:\n%s\n", len(failures), strings.Join(failures, "\n"))
		return exitError
	}
	where := "built-in data"
	if o.dataDir != "" {
		where = "built-in data + " + o.dataDir
	}
	fmt.Fprintf(stdout, "ok: %s: %s\n", where, eng.Summary())
	return exitOK
}

// startAdvisor runs the interactive advisor, or the accessible line-by-line
// mode, and prints a short summary on stdout when it ends.
//
// The advisor saves the answers after every change to a session file (a
// new one per session in session.Dir(), or --session FILE). SIGINT and
// SIGTERM end it like ctrl+c: the terminal is restored, the answers are
// saved, and the exit code is 130. A crash (a panic) restores the terminal,
// prints the panic and where the answers are on stderr, and exits 1.
//
// MEDPATH_TEST_PANIC=1 in the environment makes the key F12 panic, to test
// the crash handling end to end; without it F12 does nothing.
func startAdvisor(eng *advisor.Engine, o options, stdin io.Reader, stdout, stderr io.Writer) int {
	var start advisor.Answers
	if o.answers != "" {
		a, err := readAnswers(eng, o.answers, stdin)
		if err != nil {
			return answersFailed(err, stderr)
		}
		start = a
	}
	if o.session != "" && o.answers != "" {
		if _, err := os.Stat(o.session); err == nil {
			fmt.Fprintf(stderr, "medpath: --session %s already holds answers; start from it or from --answers, not both\n", o.session)
			return exitUsage
		}
	}
	if o.accessible || os.Getenv("ACCESSIBLE") != "" || os.Getenv("TERM") == "dumb" {
		return accessible(eng, o, start, stdin, stdout, stderr)
	}
	if !isTerminal(stdin) || !isTerminal(stderr) {
		fmt.Fprintln(stderr, "medpath: the interactive advisor needs a terminal.")
		fmt.Fprintln(stderr, "  For plain questions on stdin and stdout: medpath --accessible")
		fmt.Fprintln(stderr, "  For a report from an answers file:      medpath report --answers FILE (medpath questions prints a template)")
		return exitUsage
	}
	topts := tui.Options{
		Answers: start, OutDir: o.out, NoColor: o.noColor, SessionPath: o.session,
		TestPanic: os.Getenv("MEDPATH_TEST_PANIC") == "1",
	}
	if o.session == "" {
		dir, err := session.Dir()
		if err != nil {
			fmt.Fprintf(stderr, "medpath: %v; answers are kept only if you export them\n", err)
		}
		topts.SessionDir = dir
	}
	// Signals cancel ctx; Run then restores the terminal, saves the answers
	// and returns ErrCancelled. stop restores the default handling at once,
	// so a second signal ends the program even if something hangs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := tui.Run(ctx, eng, topts)
	stop()
	switch {
	case errors.Is(err, tui.ErrCancelled):
		fmt.Fprintln(stderr, "medpath: cancelled.")
		sessionNote(stderr, res)
		return exitCancelled
	case errors.Is(err, tui.ErrCrashed):
		fmt.Fprintf(stderr, "medpath: %v.\n", err)
		sessionNote(stderr, res)
		fmt.Fprintln(stderr, "medpath: please report the panic above; nothing was sent anywhere.")
		return exitError
	case err != nil:
		var ae *advisor.AnswersError
		if errors.As(err, &ae) || errors.Is(err, os.ErrNotExist) {
			return answersFailed(err, stderr)
		}
		fmt.Fprintf(stderr, "medpath: %v\n", err)
		return exitError
	}
	fmt.Fprint(stdout, eng.ExitSummary(res.Recommendation, res.Exported...))
	if res.SessionPath != "" {
		fmt.Fprintf(stdout, "Answers saved in %s\n", res.SessionPath)
	}
	if res.SessionErr != nil {
		fmt.Fprintf(stderr, "medpath: could not save the session: %v\n", res.SessionErr)
	}
	return exitOK
}

// sessionNote says on stderr where the answers are after the advisor ended
// early (cancelled or crashed), or why they could not be saved.
func sessionNote(stderr io.Writer, res tui.Result) {
	switch {
	case res.SessionPath != "":
		fmt.Fprintf(stderr, "medpath: your answers are saved in %s\n  continue with: medpath --session %s\n", res.SessionPath, shellArg(res.SessionPath))
	case res.SessionErr != nil:
		fmt.Fprintf(stderr, "medpath: the answers could not be saved: %v\n", res.SessionErr)
	}
}

// shellArg quotes s for a shell when it needs it.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// accessible asks the questions line by line, prints the text report, and
// exports it when --out is given. With --session FILE it starts from the
// file's answers when it exists and saves the final answers to it.
func accessible(eng *advisor.Engine, o options, start advisor.Answers, stdin io.Reader, stdout, stderr io.Writer) int {
	label := ""
	if o.session != "" && start == nil {
		if _, err := os.Stat(o.session); err == nil {
			l, a, err := session.Load(eng, o.session)
			if err != nil {
				return answersFailed(err, stderr)
			}
			label, start = l, a
		}
	}
	a, err := tui.RunAccessible(eng, stdin, stdout, start)
	switch {
	case errors.Is(err, tui.ErrCancelled):
		fmt.Fprintln(stderr, "medpath: cancelled; nothing was saved.")
		return exitCancelled
	case err != nil:
		fmt.Fprintf(stderr, "medpath: %v\n", err)
		return exitError
	}
	if o.session != "" {
		if err := session.Save(eng, o.session, label, a, time.Now()); err != nil {
			fmt.Fprintf(stderr, "medpath: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "\nAnswers saved in %s\n", o.session)
	}
	if o.out != "" {
		rp, ap, err := session.Export(eng, a, o.out, label)
		if err != nil {
			fmt.Fprintf(stderr, "medpath: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "\nSaved the report to %s and the answers to %s\n", rp, ap)
	}
	return exitOK
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
