package advisor

import (
	"runtime"
	"testing"
	"testing/fstest"

	"medpath/data"
)

// TestPrecompileGathersEveryCondition fails when link compiles a condition
// that condSources does not list: a new kind of condition in the data must
// be added there, or it is compiled one at a time after the others.
func TestPrecompileGathersEveryCondition(t *testing.T) {
	e, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	gathered := map[string]bool{}
	for _, s := range e.condSources() {
		gathered[s] = true
	}
	for src := range e.progCache {
		if !gathered[src] {
			t.Errorf("link compiles %q, which condSources (precompile.go) does not list: add its kind there", src)
		}
	}
	if len(gathered) < minPrecompile {
		t.Errorf("%d conditions; precompile only runs from %d", len(gathered), minPrecompile)
	}
}

// TestPrecompileChangesNothing loads data with conditions that do not
// compile, repeated and mixed with good ones, on one CPU (no precompile) and
// on two, and expects the same problems, in the same order, and the same
// programs' costs.
func TestPrecompileChangesNothing(t *testing.T) {
	overlay := fstest.MapFS{"bad.yaml": {Data: []byte(`rules:
  - id: bad-one
    when: 'no_such_question > 2'
    score: {mls: 1}
    because: A bad condition.
  - id: bad-two
    when: 'no_such_question > 2'
    score: {mls: 1}
    because: The same bad condition again.
  - id: bad-three
    when: 'education == '
    score: {mls: 1}
    because: A condition that does not parse.
  - id: good-one
    when: 'education == "none" or budget > 100'
    score: {mls: 1}
    because: A good condition.
`)}}
	load := func(procs int) (string, int) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		_, err := Load(data.FS, Layer{Dir: "school", FS: overlay})
		if err == nil {
			t.Fatal("no problems with bad conditions")
		}
		e, err2 := Load(data.FS)
		if err2 != nil {
			t.Fatal(err2)
		}
		return err.Error(), e.conds.total
	}
	oneErr, oneTotal := load(1)
	twoErr, twoTotal := load(2)
	if oneErr != twoErr {
		t.Errorf("problems on one CPU:\n%s\non two:\n%s", oneErr, twoErr)
	}
	if oneTotal != twoTotal {
		t.Errorf("the conditions' cost is %d on one CPU, %d on two", oneTotal, twoTotal)
	}
	t.Log(twoErr)
}
