// Command medpath is a terminal career advisor for people entering US
// healthcare as a medical technician or technologist. Everything it does is
// in internal/cli; run `medpath --help`.
package main

import (
	"os"

	"medpath/internal/cli"
)

// version is what `medpath --version` prints; a release sets it at build
// time: go build -ldflags "-X main.version=1.2.0".
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System(), version))
}
