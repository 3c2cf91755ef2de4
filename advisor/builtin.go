package advisor

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// The embedded data files are parsed at build time, not at every start-up:
// builtin_gen.go holds them as Go composite literals, decoded and annotated
// exactly as the YAML path leaves them (positions included, so every message
// still names file:line:col), with the SHA-256 of the files it was made from.
// Load uses it only when the base folder's files hash to that value, and
// otherwise parses the YAML, so an edited file is never ignored. Either way
// everything after parsing runs: the merge, every check and the compilation
// of every condition. Regenerate it after changing data/*.yaml or the types
// in model.go:
//
//	go generate ./advisor
//
// TestBuiltinUpToDate fails, saying so, when it is stale. The nobuiltin build
// tag leaves builtin_gen.go out (builtin_none.go stands in), so the generator
// still builds when a change to the types has broken the generated file.
//
//go:generate go run -tags nobuiltin ./internal/genbuiltin builtin_gen.go

// hashDataFiles is the SHA-256 of a folder's data files, in the order given
// (Load sorts them by name): each file's name and contents, each preceded by
// its length, so that no two different folders hash alike.
func hashDataFiles(names []string, contents [][]byte) string {
	h := sha256.New()
	var n [8]byte
	for i, name := range names {
		binary.BigEndian.PutUint64(n[:], uint64(len(name)))
		h.Write(n[:])
		h.Write([]byte(name))
		binary.BigEndian.PutUint64(n[:], uint64(len(contents[i])))
		h.Write(n[:])
		h.Write(contents[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// builtinFor returns the generated, already decoded data files when names and
// contents (sorted by name) are the files builtin_gen.go was made from, and
// nil otherwise. Each call returns new values: Load links into them.
func builtinFor(names []string, contents [][]byte) []*dataFile {
	if builtinSHA256 == "" || hashDataFiles(names, contents) != builtinSHA256 {
		return nil
	}
	files := builtinFiles()
	if len(files) != len(names) {
		return nil // cannot happen: the names are part of the hash
	}
	return files
}
