package advisor_test

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"medpath/advisor"
	"medpath/data"
)

// yamlOnly copies the embedded YAML without the snapshot, to load the slow way.
func yamlOnly(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	names, _ := fs.Glob(data.FS, "*.yaml")
	for _, n := range names {
		b, err := fs.ReadFile(data.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = &fstest.MapFile{Data: b}
	}
	return out
}

// TestSnapshot checks that data/snapshot.gob was made from the YAML as it is
// now, and that loading through it gives exactly what parsing the YAML gives.
// After editing data/*.yaml, regenerate it with:
//
//	go test ./advisor -run TestSnapshot -update
func TestSnapshot(t *testing.T) {
	if *update {
		b, err := advisor.MakeSnapshot(data.FS)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../data/"+advisor.SnapshotName, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote data/snapshot.gob; rebuild so the new file is embedded")
		return
	}
	if !advisor.SnapshotFresh(data.FS) {
		t.Fatalf("data/snapshot.gob is missing or stale (the YAML changed): run go test ./advisor -run TestSnapshot -update")
	}

	fast := embedded(t)
	slow, err := advisor.Load(yamlOnly(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fast.Template(), slow.Template()) {
		t.Fatal("the answers templates differ between the snapshot and the YAML")
	}
	if fast.Summary() != slow.Summary() {
		t.Fatalf("summaries differ:\n%s\n%s", fast.Summary(), slow.Summary())
	}
	for name, a := range goldenPersonas {
		var bf, bs bytes.Buffer
		fast.WriteReport(&bf, fast.Recommend(a), advisor.FormatJSON)
		slow.WriteReport(&bs, slow.Recommend(a), advisor.FormatJSON)
		if !bytes.Equal(bf.Bytes(), bs.Bytes()) {
			t.Errorf("%s: the report differs between the snapshot and the YAML", name)
		}
	}

	// an overlay that breaks the base data is reported at the same places
	breaker := fstest.MapFS{"x.yaml": &fstest.MapFile{Data: []byte(
		"questions:\n  - {id: budget, section: timeline, kind: choice, prompt: p, options: [{value: a, label: A}], default: a}\n")}}
	_, errFast := advisor.LoadLayers(advisor.Layer{FS: data.FS}, advisor.Layer{Dir: "o", FS: breaker})
	_, errSlow := advisor.LoadLayers(advisor.Layer{FS: yamlOnly(t)}, advisor.Layer{Dir: "o", FS: breaker})
	if errFast == nil || errSlow == nil || errFast.Error() != errSlow.Error() {
		t.Fatalf("problems differ:\n%v\n---\n%v", errFast, errSlow)
	}
	if !strings.Contains(errFast.Error(), "rules.yaml:") {
		t.Errorf("a broken base rule should be named with its file and line:\n%v", errFast)
	}
}

func BenchmarkLoadWithoutSnapshot(b *testing.B) {
	fsys := yamlOnly(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := advisor.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
