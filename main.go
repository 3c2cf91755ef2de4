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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"medpath/advisor"
	"medpath/data"
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
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the flags every command accepts.
type options struct {
	dataDir    string
	answers    string
	format     string
	out        string
	accessible bool
	noColor    bool
	version    bool
	help       bool
}

const usage = `medpath: a career advisor for medical technicians and technologists

Usage:
  medpath [flags]                         start the interactive advisor
  medpath report --answers FILE [flags]   print a recommendation (FILE may be - for stdin)
  medpath questions                       print an answers template with every question
  medpath validate [--data DIR]           check the data and print a summary

Flags:
  --answers FILE   answers to start from (YAML or JSON; - reads stdin)
  --format FMT     report format: text, markdown, json or html (default text)
  --data DIR       a counselor's folder of YAML files laid over the built-in data
  --out DIR        where the advisor's export writes files (default: current folder)
  --accessible     plain line-by-line questions, no screen redraws (also ACCESSIBLE=1, TERM=dumb)
  --no-color       no colour (NO_COLOR=1 works too)
  --version        print the version
  --help           this help

Exit codes: 0 ok, 1 error, 2 bad usage or bad input, 130 cancelled.
Nothing you enter leaves this computer.
`

func newFlags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("medpath", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.dataDir, "data", "", "")
	fs.StringVar(&o.answers, "answers", "", "")
	fs.StringVar(&o.format, "format", advisor.FormatText, "")
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
		cmd, rest = rest[0], rest[1:]
		// flags may also follow the command
		if err := fs.Parse(rest); err != nil {
			fmt.Fprintf(stderr, "medpath %s: %v\nRun 'medpath --help' for usage.\n", cmd, err)
			return exitUsage
		}
		rest = fs.Args()
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
	default:
		fmt.Fprintf(stderr, "medpath: unknown command %q; commands: report, questions, validate\nRun 'medpath --help' for usage.\n", cmd)
		return exitUsage
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
	if !validFormat(o.format) {
		fmt.Fprintf(stderr, "medpath report: unknown --format %q; allowed: %s\n", o.format, strings.Join(advisor.Formats, ", "))
		return exitUsage
	}
	a, err := readAnswers(eng, o.answers, stdin)
	if err != nil {
		return answersFailed(err, stderr)
	}
	if err := eng.WriteReport(stdout, eng.Recommend(a), o.format); err != nil {
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

func validFormat(f string) bool {
	for _, x := range advisor.Formats {
		if f == x {
			return true
		}
	}
	return false
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

// startAdvisor starts the interactive advisor. Until the TUI lands it points
// to the commands that work without one.
func startAdvisor(eng *advisor.Engine, o options, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprint(stderr, usage)
	fmt.Fprintln(stderr, "\nThe interactive advisor is not built yet: use 'medpath questions > answers.yaml', edit it, then 'medpath report --answers answers.yaml'.")
	return exitUsage
}
