package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func newValidateCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check the data and run its examples",
		Long: `Check the built-in data, and a counselor's --data folder laid over it: every
problem is listed as file:line:col with a suggestion for misspelt names, and
the worked examples must give the path they expect. Prints a one-line
summary when all is well.`,
		Example: `  medpath validate
  medpath validate --data my-school/`,
		Args: cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runValidate(a, args) })
	return c
}

func runValidate(a *app, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	if failures := eng.RunExamples(); len(failures) > 0 {
		return fmt.Errorf("%d example(s) failed:\n%s", len(failures), strings.Join(failures, "\n"))
	}
	where := "built-in data"
	if a.dataDir != "" {
		where = "built-in data + " + a.dataDir
	}
	_, err = fmt.Fprintf(a.out, "ok: %s: %s\n", where, eng.Summary())
	return err
}
