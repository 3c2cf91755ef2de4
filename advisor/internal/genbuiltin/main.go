// Command genbuiltin writes advisor/builtin_gen.go: medpath's embedded data
// files, decoded at build time, so that start-up does not parse the YAML (see
// advisor/builtin.go). go generate runs it in the advisor folder:
//
//	go generate ./advisor
//
// It takes the file to write as its one argument (builtin_gen.go when none).
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"

	"medpath/advisor"
	"medpath/data"
)

func main() {
	out := "builtin_gen.go"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := run(out); err != nil {
		fmt.Fprintln(os.Stderr, "genbuiltin:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	src, err := advisor.GenerateBuiltin(data.FS)
	if err != nil {
		return err
	}
	if src, err = format.Source(src); err != nil {
		return fmt.Errorf("the generated source does not parse: %w", err)
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil // unchanged: leave the file and its time alone
	}
	return os.WriteFile(out, src, 0o644)
}
