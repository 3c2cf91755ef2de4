// Command genbuiltin writes advisor/builtin_gen.go: medpath's embedded data
// files, decoded at build time, so that start-up does not parse the YAML (see
// advisor/builtin.go). It is run by go generate, in the advisor folder:
//
//	go generate ./advisor
package main

import (
	"flag"
	"fmt"
	"go/format"
	"os"

	"medpath/advisor"
	"medpath/data"
)

func main() {
	out := flag.String("o", "builtin_gen.go", "the file to write")
	flag.Parse()
	if err := run(*out); err != nil {
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
	if old, err := os.ReadFile(out); err == nil && string(old) == string(src) {
		return nil // unchanged: leave the file and its time alone
	}
	return os.WriteFile(out, src, 0o644)
}
