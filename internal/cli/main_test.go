package cli_test

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the sessions the commands save (the advisor and the
// accessible mode save by default) out of the real home: XDG_DATA_HOME is a
// temporary folder for the whole package.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "medpath-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
