//go:build nobuiltin

package advisor

// Built with the nobuiltin tag, medpath has no generated data files and
// always parses the YAML. `go generate ./advisor` builds its generator this
// way, so that it runs even when builtin_gen.go no longer compiles.

const builtinSHA256 = ""

func builtinFiles() []*dataFile { return nil }
