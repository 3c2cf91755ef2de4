package advisor

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io/fs"
)

// A snapshot is the parsed form of a folder's YAML files, stored next to them
// as snapshot.gob, so that start-up need not parse 160 KB of YAML every time
// (YAML parsing was most of the load time). It holds the same dataFile values
// the parser makes, positions included, and the SHA-256 of the YAML files it
// was made from. [LoadLayers] uses it only when that hash matches the YAML
// files beside it; otherwise it parses the YAML, so a stale snapshot costs
// time, never correctness. Everything after parsing (merging, validation,
// compiling conditions) runs the same either way.
//
// Regenerate data/snapshot.gob after editing data/*.yaml with:
//
//	go test ./advisor -run TestSnapshot -update

// SnapshotName is the file a snapshot is stored in, beside the YAML files.
const SnapshotName = "snapshot.gob"

type snapshot struct {
	Sum   [sha256.Size]byte
	Names []string
	Files []dataFile
	// Bounds keeps each question's min and max: gob drops a pointer to zero,
	// so "min: 0" would come back as no min at all.
	Bounds [][]bounds
}

type bounds struct {
	HasMin, HasMax bool
	Min, Max       int
}

// yamlSum hashes the names and contents of the YAML files, in name order.
func yamlSum(names []string, contents [][]byte) [sha256.Size]byte {
	h := sha256.New()
	for i, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(contents[i]))
		h.Write(contents[i])
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// MakeSnapshot parses the YAML files of fsys and returns their snapshot. It
// fails if any file has a problem: a snapshot is only made of good data.
func MakeSnapshot(fsys fs.FS) ([]byte, error) {
	names, contents, err := readYAML(fsys)
	if err != nil {
		return nil, err
	}
	var ps problems
	s := snapshot{Sum: yamlSum(names, contents), Names: names}
	for i, name := range names {
		df := parseDataFile(name, contents[i], nil, &ps)
		if df == nil {
			break
		}
		s.Files = append(s.Files, *df)
		bs := make([]bounds, len(df.Questions))
		for j, q := range df.Questions {
			if q.Min != nil {
				bs[j].HasMin, bs[j].Min = true, *q.Min
			}
			if q.Max != nil {
				bs[j].HasMax, bs[j].Max = true, *q.Max
			}
		}
		s.Bounds = append(s.Bounds, bs)
	}
	if len(ps) > 0 {
		return nil, &DataError{Problems: ps.sorted()}
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&s); err != nil {
		return nil, fmt.Errorf("encode snapshot: %w", err)
	}
	return b.Bytes(), nil
}

// readYAML reads every *.yaml file of fsys in name order.
func readYAML(fsys fs.FS) ([]string, [][]byte, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, nil, err
	}
	contents := make([][]byte, len(names))
	for i, n := range names {
		if contents[i], err = readLimit(fsys, n); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	return names, contents, nil
}

// loadSnapshot returns the parsed files from fsys's snapshot when it matches
// the YAML files given, or nil.
func loadSnapshot(fsys fs.FS, names []string, contents [][]byte) []*dataFile {
	b, err := fs.ReadFile(fsys, SnapshotName)
	if err != nil {
		return nil
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&s); err != nil {
		return nil
	}
	if s.Sum != yamlSum(names, contents) || len(s.Files) != len(names) || len(s.Bounds) != len(names) {
		return nil
	}
	out := make([]*dataFile, len(s.Files))
	for i := range s.Files {
		df := &s.Files[i]
		if len(s.Bounds[i]) != len(df.Questions) {
			return nil
		}
		for j := range df.Questions {
			q, b := &df.Questions[j], s.Bounds[i][j]
			q.Min, q.Max = nil, nil
			if b.HasMin {
				q.Min = new(b.Min)
			}
			if b.HasMax {
				q.Max = new(b.Max)
			}
		}
		out[i] = df
	}
	return out
}

// SnapshotFresh reports whether fsys holds a snapshot made from its YAML files
// as they are now.
func SnapshotFresh(fsys fs.FS) bool {
	names, contents, err := readYAML(fsys)
	return err == nil && loadSnapshot(fsys, names, contents) != nil
}
