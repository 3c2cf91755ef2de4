package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"medpath/internal/cli"
)

// TestHelpHasNoTrailingBlanks: in a pipe fang's help is padded to 120
// columns; medpath trims the padding, so `medpath --help > x` is clean text.
func TestHelpHasNoTrailingBlanks(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help", "report"}, {"report", "-h"}} {
		var out, errb bytes.Buffer
		if code := cli.Main(args, cli.Test(strings.NewReader(""), &out, &errb), "test"); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		if out.Len() == 0 {
			t.Fatalf("%v: no help", args)
		}
		for i, l := range strings.Split(out.String(), "\n") {
			if strings.HasSuffix(l, " ") {
				t.Errorf("%v line %d ends in spaces: %q", args, i+1, l)
				break
			}
		}
	}
}
