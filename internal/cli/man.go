package cli

import (
	"io"
	"strings"

	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCmd returns `medpath man`, which prints the manual page (roff, for
// packagers: medpath man > medpath.1). It stands in for fang's own, which
// writes to the process's stdout rather than the command's.
func newManCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:                   "man",
		Short:                 "Print the manual page (roff)",
		Example:               "  medpath man > medpath.1 && man ./medpath.1",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  cobra.ArbitraryArgs,
	}
	c.RunE = a.run(func(cmd *cobra.Command, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		root := cmd.Root()
		page := mango.NewManPage(1, root.Name(), root.Short).WithLongDescription(paragraphs(root.Long))
		if err := mcobra.AddCommand(page, root); err != nil {
			return err
		}
		page = page.WithSection("Exit status", "0 ok, 1 error, 2 bad usage or bad input, 130 cancelled (ctrl+c, SIGINT, SIGTERM, or end of input in accessible mode).").
			WithSection("Environment", "ACCESSIBLE=1 or TERM=dumb: the line-by-line mode. NO_COLOR=1: no colour. XDG_DATA_HOME: where sessions are saved. GOGC: the garbage collector's target (medpath sets 400 when it is unset).").
			WithSection("Files", "$XDG_DATA_HOME/medpath/sessions/ or ~/.local/share/medpath/sessions/: the saved sessions, one answers file each, mode 0600.")
		_, err := io.WriteString(a.out, page.Build(roff.NewDocument()))
		return err
	})
	return c
}

// paragraphs joins the lines of each paragraph of s (the help's text is
// wrapped at 80 columns; man wraps for itself, and starts a paragraph at
// each line break).
func paragraphs(s string) string {
	ps := strings.Split(s, "\n\n")
	for i, p := range ps {
		ps[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(ps, "\n")
}
