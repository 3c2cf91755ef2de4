package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"medpath/advisor"
)

// compareFormats are the formats of `medpath compare`; the first is the default.
var compareFormats = []string{advisor.FormatText, advisor.FormatJSON}

// compareOptions are the flags of `medpath compare`.
type compareOptions struct {
	format string
}

func newCompareCmd(a *app) *cobra.Command {
	o := &compareOptions{}
	c := &cobra.Command{
		Use:   "compare BEFORE AFTER",
		Short: "Show what changes between two answers files",
		Long: `Show what changes between two answers files: the ranking, each path's plan
and the certification routes, each change marked. - reads one of them from
stdin.`,
		Example: `  medpath compare before.yaml after.yaml
  medpath compare before.yaml after.yaml --format json`,
		Args: cobra.ArbitraryArgs,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error { return runCompare(a, o, args) })
	formatFlag(c, &o.format, compareFormats)
	return c
}

func runCompare(a *app, o *compareOptions, args []string) error {
	if len(args) != 2 {
		return usagef("give two answers files: medpath compare A.yaml B.yaml")
	}
	if args[0] == "-" && args[1] == "-" {
		return usagef("stdin can be read only once: give at most one of the two answers files as -")
	}
	if err := checkFormat(o.format, compareFormats); err != nil {
		return err
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	var sets [2]advisor.Answers
	for i, name := range args {
		if sets[i], err = readAnswers(eng, name, a.streams.In); err != nil {
			return err
		}
	}
	d := eng.Compare(sets[0], sets[1])
	if o.format == advisor.FormatJSON {
		enc := json.NewEncoder(a.out)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Comparing %s (before) with %s (after)\n\n", advisor.PlainText(args[0]), advisor.PlainText(args[1]))
	eng.WriteDiffText(&b, d)
	_, err = io.WriteString(a.out, b.String())
	return err
}
