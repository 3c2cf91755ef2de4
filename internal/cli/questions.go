package cli

import (
	"github.com/spf13/cobra"
)

func newQuestionsCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:   "questions",
		Short: "Print an answers template",
		Long: `Print an answers template: every question id as YAML, with its default, its
allowed values and its help as comments. Fill it in and give it to
'medpath report --answers' or 'medpath --answers'. An activity rating
(interest_r1 ... interest_c4) takes 1 to 5, or 0 or skip to skip it;
interest_inventory: false skips them all.`,
		Example: `  medpath questions > me.yaml`,
		Args:    cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runQuestions(a, args) })
	return c
}

func runQuestions(a *app, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	_, err = a.out.Write(eng.Template())
	return err
}
