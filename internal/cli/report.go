package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"medpath/advisor"
)

// reportOptions are the flags of `medpath report`.
type reportOptions struct {
	answers string
	format  string
	name    string // --name: the student, on the handout (markdown, html)
	date    string // --date: YYYY-MM-DD on the handout; today when empty
}

func newReportCmd(a *app) *cobra.Command {
	o := &reportOptions{}
	c := &cobra.Command{
		Use:   "report --answers FILE",
		Short: "Print the recommendation for an answers file",
		Long: `Print the recommendation for an answers file: the ranked paths, the reasons,
the personal plan with months and costs, certification routes, licences and
pay, with the source and date of every figure. Text is 80 columns wide with
no escape codes; markdown pastes or prints; json is for scripts; html is one
self-contained page that prints well. Markdown and html are the handout: at
most two printed pages with the student's --name and the --date (default
today) in the header. 'medpath questions' prints a template answers file.`,
		Example: `  medpath report --answers me.yaml
  medpath report --answers me.yaml --format markdown > plan.md
  medpath report --answers ana.yaml --format html --name Ana > ana.html
  medpath report --answers - --format json < me.json`,
		Args: cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runReport(a, o, args) })
	c.Flags().StringVar(&o.answers, "answers", "", "the answers FILE (YAML or JSON; - reads stdin)")
	_ = c.MarkFlagFilename("answers", "yaml", "yml", "json")
	formatFlag(c, &o.format, advisor.Formats)
	c.Flags().StringVar(&o.name, "name", "", "the student's NAME in the handout's header (markdown, html)")
	c.Flags().StringVar(&o.date, "date", "", "the handout's date, YYYY-MM-DD (default today)")
	return c
}

func runReport(a *app, o *reportOptions, args []string) error {
	if len(args) > 0 {
		if strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
			// Only an argument after "--" can start with "-" here.
			return usagef("unexpected argument %q: everything after -- is an argument, not a flag; put the flags before --", args[0])
		}
		return usagef("unexpected argument %q (did you mean --answers %s?)", args[0], args[0])
	}
	if o.answers == "" {
		return usagef("--answers FILE is required (use - for stdin; 'medpath questions' prints a template)")
	}
	if err := checkFormat(o.format, advisor.Formats); err != nil {
		return err
	}
	opts := advisor.ReportOptions{Name: o.name, Date: time.Now()}
	if o.date != "" {
		d, err := time.Parse(time.DateOnly, o.date)
		if err != nil {
			return usagef("--date %q is not a date; write it as YYYY-MM-DD, for example 2026-09-01", o.date)
		}
		opts.Date = d
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	ans, err := readAnswers(eng, o.answers, a.streams.In)
	if err != nil {
		return err
	}
	return eng.WriteReportWith(a.out, eng.Recommend(ans), o.format, opts)
}
