package advisor

import "io/fs"

// LoadYAML is Load always parsing the YAML, never using the generated files
// of builtin_gen.go, for the benchmarks and tests of that path.
func LoadYAML(base fs.FS, overlays ...Layer) (*Engine, error) {
	return load(base, false, overlays)
}
