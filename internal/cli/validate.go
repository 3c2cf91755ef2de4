package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// validateOptions are the flags of `medpath validate`.
type validateOptions struct {
	strict bool   // --strict: stale figures and site-root sources fail
	date   string // --date: the day staleness is judged on, YYYY-MM-DD; today when empty
}

func newValidateCmd(a *app) *cobra.Command {
	o := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check the data and run its examples",
		Long: `Check the built-in data, and a counselor's --data folder laid over it: every
problem is listed as file:line:col with a suggestion for misspelt names, and
the worked examples must give the path they expect. Prints a one-line
summary when all is well.

It also warns, on stderr, about stale figures: a figure older than the
newest release of its source family (sources.yaml's families), a figure
more than 30 months older than --date (default today), and a source whose
address is a site root rather than a page. --strict makes those warnings
fail (exit 1, as for data with problems).`,
		Example: `  medpath validate
  medpath validate --data my-school/
  medpath validate --strict --date 2026-11-30`,
		Args: cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runValidate(a, o, args) })
	c.Flags().BoolVar(&o.strict, "strict", false, "fail on stale figures and site-root sources, not only warn")
	c.Flags().StringVar(&o.date, "date", "", "judge staleness on this day, YYYY-MM-DD (default today)")
	return c
}

func runValidate(a *app, o *validateOptions, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	today := time.Now()
	if o.date != "" {
		d, err := time.Parse(time.DateOnly, o.date)
		if err != nil {
			return usagef("--date %q is not a date; write it as YYYY-MM-DD, for example 2026-11-30", o.date)
		}
		today = d
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	if failures := eng.RunExamples(); len(failures) > 0 {
		return fmt.Errorf("%d example(s) failed:\n%s", len(failures), strings.Join(failures, "\n"))
	}
	if stale := eng.Staleness(today); len(stale) > 0 {
		lines := make([]string, len(stale))
		for i, p := range stale {
			lines[i] = p.String()
		}
		if o.strict {
			// stale data is data with problems, not bad usage: exit 1
			return fmt.Errorf("%d stale figure(s) or site-root source(s) (--strict):\n%s", len(stale), strings.Join(lines, "\n"))
		}
		for _, l := range lines {
			fmt.Fprintf(a.streams.Err, "warning: %s\n", l)
		}
	}
	where := "built-in data"
	if a.dataDir != "" {
		where = "built-in data + " + a.dataDir
	}
	_, err = fmt.Fprintf(a.out, "ok: %s: %s\n", where, eng.Summary())
	return err
}
