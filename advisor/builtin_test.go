package advisor

import (
	"bytes"
	"go/format"
	"io/fs"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"medpath/data"
)

// TestBuiltinUpToDate fails when builtin_gen.go is not what the generator
// makes now from data/*.yaml and the types of model.go, so that a forgotten
// `go generate` is caught (Load would still be right, only slower: it parses
// YAML that does not match the generated file's hash).
func TestBuiltinUpToDate(t *testing.T) {
	src, err := GenerateBuiltin(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	want, err := format.Source(src)
	if err != nil {
		t.Fatalf("the generated source does not parse: %v", err)
	}
	got, err := os.ReadFile("builtin_gen.go")
	if err != nil {
		t.Fatalf("%v; run: go generate ./advisor", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("advisor/builtin_gen.go is stale: data/*.yaml or the data types changed since it was generated; run: go generate ./advisor")
	}
}

// TestBuiltinMatchesYAML checks the generated files against what parsing
// the YAML gives now, field by field, unexported fields (positions) included.
func TestBuiltinMatchesYAML(t *testing.T) {
	if builtinSHA256 == "" {
		t.Skip("built with -tags nobuiltin")
	}
	names, contents := dataFiles(t, data.FS)
	if got := hashDataFiles(names, contents); got != builtinSHA256 {
		t.Fatalf("data/*.yaml hash to %s, builtin_gen.go was made from %s; run: go generate ./advisor", got, builtinSHA256)
	}
	fileProblems := make([]problems, len(names))
	parsed := parseLayer("", names, contents, fileProblems)
	built := builtinFor(names, contents)
	if len(built) != len(parsed) {
		t.Fatalf("%d generated files, %d parsed", len(built), len(parsed))
	}
	for i := range parsed {
		if len(fileProblems[i]) > 0 {
			t.Fatalf("%s: %v", names[i], fileProblems[i])
		}
		if !reflect.DeepEqual(built[i], parsed[i]) {
			t.Errorf("%s: the generated file differs from the parsed YAML", names[i])
		}
	}
	// each call returns new values, since Load links into them
	a, b := builtinFiles(), builtinFiles()
	for i := range a {
		if a[i] == b[i] || len(a[i].Paths) > 0 && &a[i].Paths[0] == &b[i].Paths[0] {
			t.Errorf("builtinFiles returned the same %s twice", names[i])
		}
	}
}

// TestBuiltinOnlyForTheSameFiles checks that an edited, added, removed or
// renamed data file is parsed, never replaced by the generated files.
func TestBuiltinOnlyForTheSameFiles(t *testing.T) {
	if builtinSHA256 == "" {
		t.Skip("built with -tags nobuiltin")
	}
	names, contents := dataFiles(t, data.FS)
	if builtinFor(names, contents) == nil {
		t.Fatal("the embedded files are not the generated ones; run: go generate ./advisor")
	}
	edited := func(edit func(m fstest.MapFS)) fstest.MapFS {
		m := fstest.MapFS{}
		for i, n := range names {
			m[n] = &fstest.MapFile{Data: bytes.Clone(contents[i])}
		}
		edit(m)
		return m
	}
	cases := map[string]fstest.MapFS{
		"a byte changed": edited(func(m fstest.MapFS) {
			m["faq.yaml"].Data = bytes.Replace(m["faq.yaml"].Data, []byte("question: "), []byte("question: Edited "), 1)
		}),
		"a file added":   edited(func(m fstest.MapFS) { m["zz-extra.yaml"] = &fstest.MapFile{Data: []byte("disclaimer: Edited.\n")} }),
		"a file removed": edited(func(m fstest.MapFS) { delete(m, "faq.yaml") }),
		"a file renamed": edited(func(m fstest.MapFS) { m["faq2.yaml"] = m["faq.yaml"]; delete(m, "faq.yaml") }),
	}
	for name, fsys := range cases {
		n, c := dataFiles(t, fsys)
		if builtinFor(n, c) != nil {
			t.Errorf("%s: the generated files were used", name)
		}
	}
	// and Load reads the edit
	e, err := Load(cases["a byte changed"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.faq[0].Question, "Edited ") {
		t.Errorf("Load ignored an edited file: the first faq asks %q", e.faq[0].Question)
	}
	e, err = Load(cases["a file added"])
	if err != nil {
		t.Fatal(err)
	}
	if e.disclaimer != "Edited." {
		t.Errorf("Load ignored an added file: the disclaimer is %q", e.disclaimer)
	}
}

// TestGenerateBuiltinRefusesProblems: the generated files skip the parsing
// checks, so they are never made from data with a problem.
func TestGenerateBuiltinRefusesProblems(t *testing.T) {
	names, contents := dataFiles(t, data.FS)
	m := fstest.MapFS{}
	for i, n := range names {
		m[n] = &fstest.MapFile{Data: contents[i]}
	}
	m["extra.yaml"] = &fstest.MapFile{Data: []byte("disclaimr: a misspelt key\n")}
	if _, err := GenerateBuiltin(m); err == nil || !strings.Contains(err.Error(), "extra.yaml:1:1: unknown key") {
		t.Errorf("GenerateBuiltin with an unknown key: %v", err)
	}
}

func TestLitPrinter(t *testing.T) {
	type node struct {
		Next *node
		N    int
	}
	cyc := &node{N: 1}
	cyc.Next = cyc
	type all struct {
		B    bool
		F    float64
		P    *int
		S    []string
		E    []string
		M    map[string]int
		Q    []*Pos
		kept string
	}
	v := all{B: true, F: 3, P: new(7), E: []string{}, M: map[string]int{"b": 2, "a": 1, "c": 3}, Q: []*Pos{{Line: 1}}, kept: "x"}
	lp := litPrinter{pkgPath: "medpath/advisor", imports: map[string]string{}, onStack: map[uintptr]bool{}}
	got, err := lp.literal(reflect.ValueOf(v), false)
	if err != nil {
		t.Fatal(err)
	}
	// zero fields are left out, an empty list is kept (it differs from nil),
	// a float stays a float, keys are sorted
	want := `all{
B: true,
F: 3.0,
P: new(int(7)),
E: []string{},
M: map[string]int{"a": 1, "b": 2, "c": 3},
Q: []*Pos{{Line: 1}},
kept: "x",
}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for name, bad := range map[string]any{
		"a pointer cycle": cyc,
		"a func":          struct{ F func() }{F: func() {}},
		"a NaN":           math.NaN(),
		"an interface":    struct{ A any }{A: 1},
	} {
		if s, err := lp.literal(reflect.ValueOf(bad), false); err == nil {
			t.Errorf("%s: written as %s", name, s)
		}
	}
}

// dataFiles reads a folder's data files, sorted by name, as Load does.
func dataFiles(t *testing.T, fsys fs.FS) ([]string, [][]byte) {
	t.Helper()
	var ps problems
	names, contents, ok := readDataFiles(fsys, "", &ps)
	if !ok || len(ps) > 0 {
		t.Fatalf("reading the data files: %v", ps)
	}
	sortByName(names, contents)
	return names, contents
}
