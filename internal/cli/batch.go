package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"medpath/advisor"
	"medpath/internal/session"
)

// batchOptions are the flags of `medpath batch`.
type batchOptions struct {
	format string
	out    string
	jobs   int
}

func newBatchCmd(a *app) *cobra.Command {
	o := &batchOptions{}
	c := &cobra.Command{
		Use:   "batch DIR|FILE.csv",
		Short: "Score a cohort: one row per student and a summary",
		Long: `Score a cohort: a folder of answers files (one per student) or a CSV whose
header row names question ids (plus an optional id column; list answers
separate values with ;; an activity rating, interest_r1 ... interest_c4,
takes 1 to 5, or 0, s or skip to skip it). Writes one row per student
(recommended path, level, months and cost to a first job, credentials they
can sit now, interest code) and a cohort summary (with how many students
have each interest area first in their code). A bad file or row is reported by name or row number and the
rest go on (exit 1). The output is the same for any --jobs, and memory stays
flat. With --out the file is written atomically: all of it or nothing.`,
		Example: `  medpath batch students/
  medpath batch cohort.csv --format markdown --out cohort.md --jobs 4`,
		Args: cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runBatch(cmd.Context(), a, o, args) })
	formatFlag(c, &o.format, advisor.BatchFormats)
	c.Flags().StringVar(&o.out, "out", "", "write to FILE (atomically, mode 0600) instead of stdout")
	c.Flags().IntVar(&o.jobs, "jobs", runtime.NumCPU(), "N workers, 1 to 256 (default: the number of CPUs)")
	hideDefault(c.Flags(), "jobs")
	_ = c.MarkFlagFilename("out")
	_ = c.RegisterFlagCompletionFunc("jobs", cobra.NoFileCompletions)
	return c
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

func runBatch(ctx context.Context, a *app, o *batchOptions, args []string) error {
	if len(args) != 1 {
		return usagef("give one folder of answers files or one CSV file: medpath batch DIR | FILE.csv")
	}
	if err := checkFormat(o.format, advisor.BatchFormats); err != nil {
		return err
	}
	if o.jobs < 1 || o.jobs > 256 {
		return usagef("--jobs %d: allowed 1 to 256", o.jobs)
	}
	in := args[0]
	// The output is checked before anything is read or written: never a
	// device, a FIFO, a folder or a link (an atomic write would replace
	// it), never the input (which it would destroy).
	if o.out != "" {
		if err := session.CheckOutput(o.out, in); err != nil {
			return outputError(o.out, err)
		}
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	st, err := os.Stat(in)
	if err != nil {
		return badInput(err)
	}
	var next func() (advisor.Student, error)
	var total int64
	var progressOf func(rows int) int64
	if st.IsDir() {
		var fsys fs.FS
		if fsys, err = advisor.DirFS(in); err != nil { // no links out of the folder, no blocking on a FIFO
			return badInput(err)
		}
		next, err = eng.DirStudents(fsys, in)
		entries, _ := os.ReadDir(in)
		total = int64(len(entries))
		progressOf = func(rows int) int64 { return int64(rows) }
	} else {
		// A device (/dev/zero), a FIFO or a socket is refused at once.
		f, ferr := session.OpenRegular(in)
		if ferr != nil {
			return badInput(fmt.Errorf("%w; batch takes a folder of answers files or a CSV file", ferr))
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
			return badInput(fmt.Errorf("the CSV header has problems:\n%w", err))
		}
		return badInput(err)
	}

	var w io.Writer = a.out
	var out *session.AtomicFile
	if o.out != "" {
		if out, err = session.CreateAtomic(o.out); err != nil {
			return err
		}
		defer out.Abort() // a no-op after Commit; Main's cleanup removes it after a signal
		a.setCancelNote(o.out + " was not written")
		w = out
	}
	bw, err := eng.NewBatchWriter(w, o.format)
	if err != nil {
		return err
	}
	var bar *progress
	if a.streams.ErrTTY() {
		bar = newProgress(a.streams.Err, total, "students")
	}

	// SIGINT and SIGTERM cancel ctx (see Main): the batch stops and with
	// --out nothing is written.
	var shown []string // the first failures, for stderr; the rest are counted
	failed := 0
	rows := 0
	sum, err := eng.Batch(ctx, next, o.jobs, func(r advisor.BatchRow) error {
		rows++
		if r.Error != "" {
			failed++
			if len(shown) < maxShownFailures {
				shown = append(shown, failureLine(r))
			}
		}
		if bar != nil {
			bar.set(progressOf(rows), rows)
		}
		return bw.Row(r)
	})
	if bar != nil {
		bar.finish()
	}
	if err == nil && ctx.Err() != nil {
		// Batch ends early, without an error, when ctx is cancelled.
		if out != nil {
			return fmt.Errorf("%w; %s was not written", errCancelled, o.out)
		}
		return errCancelled
	}
	if err == nil {
		err = bw.Close(sum)
	}
	if err == nil && out != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%w; %s was not written", errCancelled, o.out)
		}
		err = out.Commit()
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		msg := fmt.Sprintf("%d of %d students could not be scored:\n  %s", failed, sum.Students, strings.Join(shown, "\n  "))
		if failed > len(shown) {
			msg += fmt.Sprintf("\n  ... and %d more (see the error column)", failed-len(shown))
		}
		return errors.New(msg)
	}
	if o.out != "" {
		abs, _ := filepath.Abs(o.out)
		fmt.Fprintf(a.streams.Err, "medpath batch: %d students written to %s\n", sum.Students, abs)
	}
	return nil
}

// maxShownFailures is how many failed students stderr lists.
const maxShownFailures = 20

// maxFailureLine bounds one failed student's line on stderr, in bytes (the
// error column of the output keeps the whole message).
const maxFailureLine = 300

// failureLine is a failed student's line for stderr: the id and the first
// line of the error, plain and cut to maxFailureLine bytes, with the count
// of the lines left out.
func failureLine(r advisor.BatchRow) string {
	msg, rest, more := strings.Cut(r.Error, "\n")
	line := advisor.PlainText(r.ID + ": " + msg)
	if len(line) > maxFailureLine {
		cut := maxFailureLine
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		line = line[:cut] + "..."
	}
	if more {
		line += fmt.Sprintf(" (and %d more lines)", strings.Count(rest, "\n")+1)
	}
	return line
}

// outputError explains why --out cannot be written: a path that is not a
// regular file, or is the input, is bad usage (exit 2); the system's
// reasons (a folder that does not exist) are errors (exit 1).
func outputError(name string, err error) error {
	var pe *fs.PathError
	if errors.Is(err, session.ErrNotRegular) || errors.As(err, &pe) && pe.Op == "write" {
		return badInput(fmt.Errorf("--out %w; --out takes a regular file or a new name (without --out the report goes to stdout)", err))
	}
	return fmt.Errorf("cannot write --out %s: %w", name, plainErr(err))
}
