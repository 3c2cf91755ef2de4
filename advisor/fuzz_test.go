package advisor_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"medpath/advisor"
	"medpath/data"
)

// The fuzz targets below run briefly in CI (.ci/run) and for as long as you
// like with: go test ./advisor -run XXX -fuzz FuzzParseAnswers -fuzztime 5m
// Every crasher they find is kept in testdata/fuzz/<target>/ and so becomes a
// regression test of the plain `go test` run.

var (
	fuzzOnce sync.Once
	fuzzEng  *advisor.Engine
)

func fuzzEngine(t testing.TB) *advisor.Engine {
	fuzzOnce.Do(func() {
		e, err := advisor.Load(data.FS)
		if err != nil {
			t.Fatal(err)
		}
		fuzzEng = e
	})
	return fuzzEng
}

func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{
		"education: associate\nlab_program: mlt\nlab_program_years_ago: 1\n",
		`{"education": "bachelor", "certifications_held": ["mlt-ascp"], "budget": 1e3}`,
		"budget: 0x10\ntimeline_months: 1_2\nwork_while_studying: yes\n",
		"a: &x [*x]\n",
		"education: !!binary aGVsbG8=\n",
		"? [a]\n: b\n",
		"state: CA\nstate: NY\n",
		"\xef\xbb\xbfeducation: none\n",
		"---\neducation: none\n---\neducation: bachelor\n",
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		e := fuzzEngine(t)
		a, err := e.ParseAnswers("fuzz.yaml", in)
		if err != nil {
			var ae *advisor.AnswersError
			if !errors.As(err, &ae) || len(ae.Problems) == 0 {
				t.Fatalf("an answers error must list its problems: %v", err)
			}
			return
		}
		// whatever parses must recommend, report and round-trip
		r := e.Recommend(a)
		if r.Recommended == "" {
			t.Fatal("no recommendation")
		}
		if err := e.WriteReport(io.Discard, r, advisor.FormatJSON); err != nil {
			t.Fatal(err)
		}
		back, err := e.ParseAnswers("saved.yaml", e.MarshalAnswers(a))
		if err != nil {
			t.Fatalf("saved answers do not load back: %v", err)
		}
		if len(back) != len(a) {
			t.Fatalf("round trip lost answers: %v vs %v", back, a)
		}
	})
}

func FuzzLoadOverlay(f *testing.F) {
	for _, seed := range []string{
		"rules:\n  - id: x\n    when: budget > 1\n    score: {mlt: 1}\n    because: b\n",
		"paths:\n  - id: mlt\n    title: T\n    level: technician\n    summary: s\n    salary: {median: 1, low: 1, high: 1, as_of: x, source: bls, status: official}\n",
		"sources:\n  - {id: s, publisher: p, title: t, url: u, as_of: 2026, status: official}\n",
		"questions:\n  - id: x\n    section: education\n    kind: number\n    prompt: p\n    min: 5\n    max: 1\n    default: 3\n",
		"a: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
		"fit: [{min: 1, label: a}, {min: 2, label: b}]\n",
		"examples:\n  - {name: n, answers: {education: none}, expect: mlt}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		overlay := fstest.MapFS{"overlay.yaml": &fstest.MapFile{Data: in}}
		// the small fixture keeps each run fast enough to explore; the loader
		// code is the same for the embedded data
		e, err := advisor.LoadLayers(advisor.Layer{FS: mapFS(fixture)}, advisor.Layer{Dir: "o", FS: overlay})
		if err != nil {
			var de *advisor.DataError
			if !errors.As(err, &de) || len(de.Problems) == 0 {
				t.Fatalf("a data error must list its problems: %v", err)
			}
			for _, p := range de.Problems {
				if p.File == "" && p.Msg == "" {
					t.Fatalf("empty problem in %v", err)
				}
			}
			return
		}
		// a loaded engine must recommend without failing
		e.RunExamples()
		e.Recommend(advisor.Answers{})
	})
}

func FuzzCompileCondition(f *testing.F) {
	for _, seed := range []string{
		`education in ["associate", "bachelor"] or college_credits >= 60`,
		`"mlt-ascp" in certifications_held and lab_experience_years >= 2`,
		`state in licensing_states`,
		`len(certifications_held) > 0`,
		`all(certifications_held, {# != "x"})`,
		`now()`, `env()`, `1/0 > 1`, `repeat("a", 1000000) == ""`,
		`budget ** 99999 > 1`, `[1..100000000] == []`, `let x = 1; x > 0`,
		strings.Repeat("(", 500) + "true" + strings.Repeat(")", 500),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e := fuzzEngine(t)
		if err := e.CompileCondition(src); err != nil && err.Error() == "" {
			t.Fatal("a compile error needs a message")
		}
	})
}

func FuzzCSV(f *testing.F) {
	for _, seed := range []string{
		"id,education,budget\nana,associate,5000\n",
		"education,certifications_held\nbachelor,mlt-ascp;pbt-ascp\n",
		"id,education\n\"unterminated,associate\n",
		"id,budget\nx,99999999999999999999\n",
		"id\n\n\n",
		"\xff\xfe,x\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		e := fuzzEngine(t)
		next, err := e.CSVStudents(bytes.NewReader(in), "fuzz.csv")
		if err != nil {
			return // a bad header is reported; nothing to score
		}
		w, _ := e.NewBatchWriter(io.Discard, advisor.FormatCSV)
		sum, err := e.Batch(context.Background(), next, 2, w.Row)
		if err != nil {
			return // an unreadable file is reported
		}
		if sum.Failed > sum.Students {
			t.Fatalf("summary %+v", sum)
		}
	})
}
