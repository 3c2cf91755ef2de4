package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCmd returns `medpath help [command]`. Unlike cobra's own, an
// unknown topic is bad usage (exit 2) with a did-you-mean.
func newHelpCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help about any command: medpath help report is medpath report --help.",
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			if len(args) == 0 {
				for _, sub := range c.Root().Commands() {
					if sub.IsAvailableCommand() {
						names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
					}
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error {
		target, rest, err := cmd.Root().Find(args)
		switch {
		case err != nil || target == nil:
			return unknownCommand(cmd.Root(), args[0])
		case len(rest) > 0:
			if target == cmd.Root() {
				return unknownCommand(cmd.Root(), rest[0])
			}
			return usagef("%s has no command %q", target.CommandPath(), rest[0])
		}
		// What cobra does when it runs target: add --help and --version and
		// merge the global flags, so the help is the same as target --help.
		target.InitDefaultHelpFlag()
		target.InitDefaultVersionFlag()
		_ = target.InheritedFlags()
		return target.Help()
	})
	c.InitDefaultHelpFlag() // as for the other commands (see app.execute)
	return c
}

// unknownCommand is the error for `medpath NAME` when NAME is no command,
// with the commands whose names are close to it.
func unknownCommand(root *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if s := root.SuggestionsFor(name); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", joinOr(quoteAll(s)))
	} else {
		var names []string
		for _, c := range root.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
			}
		}
		msg += "; commands: " + strings.Join(names, ", ")
	}
	return usagef("%s", msg)
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}
