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
	"time"

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
		"x1: &o {k1: 1, k2: 2}\nx2: &q {id: qq, options: [*o, *o, *o]}\nquestions: [*q, *q, *q]\n",
		"faq: [a, a, a, a]\n",
		"sources:\n  - id: a\n    id: b\n---\nfaq: []\n",
		"rules:\n  - {id: r, when: 'all(licensing_states, all(licensing_states, true))', score: {mlt: 1}, because: b}\n",
		"paths:\n  - id: mlt\n    steps:\n      - {id: s, kind: exam, months: [1, 0600], cost: 4611686018427387904}\n",
		"faq:\n  - {id: \"\\x00\", question: q, answer: a}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		overlay := fstest.MapFS{"overlay.yaml": &fstest.MapFile{Data: in}}
		// the small fixture keeps each run fast enough to explore; the loader
		// code is the same for the embedded data
		e, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "o", FS: overlay})
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

// fuzzAnswers are the answers each compiled condition is run on: the
// defaults, and a student holding every certification in a licensing state
// (the longest lists a condition can see).
func fuzzAnswers(e *advisor.Engine) []advisor.Answers {
	all := []string{}
	for _, o := range e.Question("certifications_held").Options {
		all = append(all, o.Value)
	}
	return []advisor.Answers{
		nil,
		{"certifications_held": all, "state": "CA", "budget": 0, "education": "bachelor", "work_while_studying": true},
	}
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
		// reliability.md S1 and its relatives
		strings.Repeat("all(licensing_states, ", 10) + "true" + strings.Repeat(")", 10),
		strings.Repeat("any(certifications_held, ", 4) + "# == state" + strings.Repeat(")", 4),
		`let v0 = "xxxxxxxxxxxxxxxx"; let v1 = v0 + v0; let v2 = v1 + v1; len(v2) > 0`,
		`len(map(licensing_states, # + #)) > 0`, `reduce(licensing_states, #acc + 1, 0) > 0`,
		`$env.budget > 0`, `state matches "^(a+)+$"`, `count(licensing_states, # == state) in [0, 1]`,
		`max(budget, timeline_months) > abs(-3) and min(1, 2) == 1`,
		`none(certifications_held, # in licensing_states) or one(licensing_states, # == "CA")`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e := fuzzEngine(t)
		if err := e.CompileCondition(src); err != nil {
			if err.Error() == "" {
				t.Fatal("a compile error needs a message")
			}
			return
		}
		// what compiles runs, quickly, on any answers: the budget holds
		for _, a := range fuzzAnswers(e) {
			start := time.Now()
			_, err := e.EvalCondition(src, a)
			if d := time.Since(start); d > time.Second {
				t.Fatalf("evaluating %q took %v", src, d)
			}
			if err != nil && strings.Contains(err.Error(), "memory budget") {
				t.Fatalf("evaluating %q went over the VM's memory budget: %v", src, err)
			}
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
