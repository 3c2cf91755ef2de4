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
separate values with ;). Writes one row per student (recommended path,
level, months and cost to a first job, credentials they can sit now) and a
cohort summary. A bad file or row is reported by name or row number and the
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
	eng, err := a.engine()
	if err != nil {
		return err
	}
	in := args[0]
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
		f, ferr := os.Open(in)
		if ferr != nil {
			return badInput(ferr)
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
		defer out.Abort() // a no-op after Commit
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

	// SIGINT and SIGTERM stop the batch; with --out nothing is written.
	ctx, stop := withSignals(ctx)
	defer stop()
	var failures []string
	rows := 0
	sum, err := eng.Batch(ctx, next, o.jobs, func(r advisor.BatchRow) error {
		rows++
		if r.Error != "" {
			failures = append(failures, r.ID+": "+r.Error)
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
	stop()
	if err == nil {
		err = bw.Close(sum)
	}
	if err == nil && out != nil {
		err = out.Commit()
	}
	if err != nil {
		return err
	}
	if len(failures) > 0 {
		shown := failures[:min(len(failures), 20)]
		msg := fmt.Sprintf("%d of %d students could not be scored:\n  %s", len(failures), sum.Students, strings.Join(shown, "\n  "))
		if len(failures) > len(shown) {
			msg += fmt.Sprintf("\n  ... and %d more (see the error column)", len(failures)-len(shown))
		}
		return errors.New(msg)
	}
	if o.out != "" {
		abs, _ := filepath.Abs(o.out)
		fmt.Fprintf(a.streams.Err, "medpath batch: %d students written to %s\n", sum.Students, abs)
	}
	return nil
}
