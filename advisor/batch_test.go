package advisor_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"medpath/advisor"
)

// randomAnswers makes a plausible answers file from the questionnaire itself,
// with a fixed seed so every run sees the same cohort.
func randomAnswers(e *advisor.Engine, r *rand.Rand) advisor.Answers {
	a := advisor.Answers{}
	for _, q := range e.Questions() {
		if r.IntN(5) == 0 {
			continue // some questions left to their defaults
		}
		switch q.Kind {
		case advisor.KindChoice:
			a[q.ID] = q.Options[r.IntN(len(q.Options))].Value
		case advisor.KindMulti:
			var v []string
			for _, o := range q.Options {
				if r.IntN(6) == 0 {
					v = append(v, o.Value)
				}
			}
			if v == nil {
				v = []string{}
			}
			a[q.ID] = v
		case advisor.KindNumber, advisor.KindScale:
			hi := *q.Max
			if q.Kind == advisor.KindNumber {
				hi = min(hi, *q.Min+60) // keep most numbers in a realistic range
			}
			a[q.ID] = *q.Min + r.IntN(hi-*q.Min+1)
		case advisor.KindYesNo:
			a[q.ID] = r.IntN(2) == 0
		}
	}
	return a
}

func cohortFS(t testing.TB, e *advisor.Engine, n int) fstest.MapFS {
	r := rand.New(rand.NewPCG(1, 2))
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[fmt.Sprintf("student-%04d.yaml", i)] = &fstest.MapFile{Data: e.MarshalAnswers(randomAnswers(e, r))}
	}
	return fsys
}

func runBatch(t testing.TB, e *advisor.Engine, next func() (advisor.Student, error), jobs int, format string) ([]byte, *advisor.BatchSummary) {
	t.Helper()
	var out bytes.Buffer
	w, err := e.NewBatchWriter(&out, format)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Batch(context.Background(), next, jobs, w.Row)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), sum
}

func TestBatchDirSameBytesForAnyJobs(t *testing.T) {
	e := embedded(t)
	fsys := cohortFS(t, e, 1000)
	for _, format := range advisor.BatchFormats {
		t.Run(format, func(t *testing.T) {
			next1, err := e.DirStudents(fsys, "cohort")
			if err != nil {
				t.Fatal(err)
			}
			one, sum := runBatch(t, e, next1, 1, format)
			next4, _ := e.DirStudents(fsys, "cohort")
			four, _ := runBatch(t, e, next4, 4, format)
			if !bytes.Equal(one, four) {
				t.Fatal("--jobs 1 and --jobs 4 gave different bytes")
			}
			if sum.Students != 1000 || sum.Failed != 0 {
				t.Fatalf("summary %+v", sum)
			}
			total := 0
			for _, c := range sum.PerPath {
				total += c.N
			}
			if total != 1000 {
				t.Errorf("per-path counts add to %d", total)
			}
			if format == advisor.FormatCSV && strings.Count(string(one), "\n") < 1001 {
				t.Error("want a header and 1000 rows")
			}
		})
	}
}

func TestTopMatchesRecommend(t *testing.T) {
	e := embedded(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		a := randomAnswers(e, r)
		top, full := e.Top(a), e.Recommend(a).Paths[0]
		if top.ID != full.ID || top.Score != full.Score || top.TotalMonths != full.TotalMonths || top.TotalCost != full.TotalCost {
			t.Fatalf("Top %s %d %v disagrees with Recommend %s %d %v for %v", top.ID, top.Score, top.TotalMonths, full.ID, full.Score, full.TotalMonths, a)
		}
	}
}

func TestBatchRowMatchesReport(t *testing.T) {
	e := embedded(t)
	a := goldenPersonas["mlt-california"]
	row := e.Row("x", a)
	r := e.Recommend(a)
	if row.Recommended != r.Recommended || row.PlanMonths != r.Paths[0].TotalMonths {
		t.Fatalf("batch row %+v disagrees with the report (%s, %v)", row, r.Recommended, r.Paths[0].TotalMonths)
	}
	if len(row.EligibleNow) == 0 || row.EligibleNow[0] != "MLT(ASCP)" {
		t.Errorf("a recent MLT graduate can sit MLT(ASCP) now: %v", row.EligibleNow)
	}
}

func TestBatchCSVBadRows(t *testing.T) {
	e := embedded(t)
	csv := "id,education,budget,certifications_held,lab_work\n" +
		"ana,associate,5000,mlt-ascp;pbt-ascp,5\n" +
		"ben,doctorate,5000,,3\n" + // not an option
		"cy,high_school,lots,,3\n" + // not a number
		"dee,bachelor,20000\n" + // too few cells
		"eve,high_school,1000,,6\n" + // out of bounds
		"fay,,,,\n" // all defaults
	next, err := e.CSVStudents(strings.NewReader(csv), "cohort.csv")
	if err != nil {
		t.Fatal(err)
	}
	out, sum := runBatch(t, e, next, 2, advisor.FormatCSV)
	if sum.Students != 6 || sum.Failed != 4 {
		t.Fatalf("want 6 students, 4 failed: %+v", sum)
	}
	for _, want := range []string{
		`cohort.csv:3: row 2: education: ""doctorate"" is not an option`,
		`cohort.csv:4: row 3: budget: expected a whole number`,
		`cohort.csv:5: row 4 has 3 cells; the header has 5`,
		`cohort.csv:6: row 5: lab_work: 6 is out of bounds; allowed: 1 to 5`,
		"ana,", "fay,",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBatchCSVBadHeader(t *testing.T) {
	e := embedded(t)
	_, err := e.CSVStudents(strings.NewReader("id,educaton,budget,budget\n"), "c.csv")
	var ae *advisor.AnswersError
	if !errors.As(err, &ae) {
		t.Fatalf("want *AnswersError, got %v", err)
	}
	for _, want := range []string{`c.csv:1:2: column "educaton" is not a question id (did you mean "education"?)`, `c.csv:1:4: column "budget" appears twice`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in %v", want, err)
		}
	}
	if _, err := e.CSVStudents(strings.NewReader(""), "empty.csv"); err == nil || !strings.Contains(err.Error(), "empty file") {
		t.Errorf("empty CSV: %v", err)
	}
}

func TestBatchHTMLIsWellFormed(t *testing.T) {
	e := embedded(t)
	next, _ := e.DirStudents(cohortFS(t, e, 20), "c")
	out, _ := runBatch(t, e, next, 2, advisor.FormatHTML)
	checkHTML(t, out)
}

func TestReportHTMLIsAccessible(t *testing.T) {
	e := embedded(t)
	for name, a := range goldenPersonas {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := e.WriteReport(&b, e.Recommend(a), advisor.FormatHTML); err != nil {
				t.Fatal(err)
			}
			checkHTML(t, b.Bytes())
		})
	}
}

// checkHTML parses a page and checks what makes it self-contained and
// accessible: a language, a title, one h1, no scripts or external resources,
// and every table with a caption and header cells.
func checkHTML(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var tables []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			counts[n.Data]++
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> loads something from outside the page", n.Data, a.Key, a.Val)
				}
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s %s> is a script handler", n.Data, a.Key)
				}
			}
			if n.Data == "html" && attr(n, "lang") == "" {
				t.Error("<html> has no lang")
			}
			if n.Data == "table" {
				tables = append(tables, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, bad := range []string{"script", "iframe", "img", "link", "object"} {
		if counts[bad] > 0 {
			t.Errorf("page has <%s>", bad)
		}
	}
	if counts["title"] != 1 || counts["h1"] != 1 || counts["main"] != 1 {
		t.Errorf("want one title, h1 and main: %v", counts)
	}
	if len(tables) == 0 {
		t.Error("no tables")
	}
	for _, tb := range tables {
		var caption, th bool
		var find func(n *html.Node)
		find = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "caption" {
				caption = true
			}
			if n.Type == html.ElementNode && n.Data == "th" && attr(n, "scope") != "" {
				th = true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				find(c)
			}
		}
		find(tb)
		if !caption || !th {
			t.Errorf("a table lacks a caption (%v) or scoped header cells (%v)", caption, th)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// csvRows generates a CSV cohort of n rows on the fly, so a benchmark can
// stream a large cohort without holding it.
type csvRows struct {
	e    *advisor.Engine
	r    *rand.Rand
	n, i int
	buf  bytes.Buffer
	cols []*advisor.Question
}

func newCSVRows(e *advisor.Engine, n int) *csvRows {
	c := &csvRows{e: e, r: rand.New(rand.NewPCG(3, 4)), n: n}
	ids := []string{"id"}
	for _, q := range e.Questions() {
		c.cols = append(c.cols, q)
		ids = append(ids, q.ID)
	}
	c.buf.WriteString(strings.Join(ids, ",") + "\n")
	return c
}

func (c *csvRows) Read(p []byte) (int, error) {
	for c.buf.Len() < len(p) && c.i < c.n {
		a := randomAnswers(c.e, c.r)
		fmt.Fprintf(&c.buf, "s%d", c.i)
		for _, q := range c.cols {
			c.buf.WriteByte(',')
			switch v := a[q.ID].(type) {
			case []string:
				c.buf.WriteString(strings.Join(v, ";"))
			case nil:
			default:
				fmt.Fprint(&c.buf, v)
			}
		}
		c.buf.WriteByte('\n')
		c.i++
	}
	if c.buf.Len() == 0 {
		return 0, io.EOF
	}
	return c.buf.Read(p)
}

// BenchmarkBatch measures cohort throughput: students scored and written a second.
func BenchmarkBatch(b *testing.B) {
	e := embedded(b)
	const n = 20000
	cohort, err := io.ReadAll(newCSVRows(e, n)) // generated before the clock starts
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		next, err := e.CSVStudents(bytes.NewReader(cohort), "gen.csv")
		if err != nil {
			b.Fatal(err)
		}
		w, _ := e.NewBatchWriter(io.Discard, advisor.FormatCSV)
		sum, err := e.Batch(context.Background(), next, 2, w.Row)
		if err != nil || sum.Students != n {
			b.Fatal(err, sum)
		}
		w.Close(sum)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "students/s")
}

func TestWhatWouldChange(t *testing.T) {
	e := embedded(t)
	a := advisor.Answers{"education": "bachelor", "college_credits": 120, "biology_credits": 12, "chemistry_credits": 16,
		"certifications_held": []string{"mlt-ascp"}, "lab_experience_years": 2, "goal": "technologist"}
	var found *advisor.Lever
	for _, l := range e.WhatWouldChange(a, "mls") {
		if l.What == "MLS(ASCP) route 2" {
			found = &l
		}
	}
	if found == nil {
		t.Fatal("MLS(ASCP) route 2 should be one biology change away")
	}
	if len(found.Changes) != 1 || found.Changes[0].ID != "biology_credits" || found.Changes[0].To != 16 {
		t.Fatalf("want biology_credits 12 -> 16, got %v", found.Changes)
	}
	// and the change it names really does meet the route
	a["biology_credits"] = 16
	r := e.Recommend(a)
	if got := route(t, pathOf(t, r, "mls"), "mls-ascp", "2"); got.Eligible != advisor.EligibleNow {
		t.Fatalf("after the change route 2 is %s", got.Eligible)
	}
}

func TestCompare(t *testing.T) {
	e := embedded(t)
	before := advisor.Answers{"education": "high_school", "timeline_months": 6, "patient_contact": 5, "lab_work": 4}
	after := before.Clone()
	after["timeline_months"] = 36
	d := e.Compare(before, after)
	if len(d.Answers) != 1 || d.Answers[0].ID != "timeline_months" {
		t.Fatalf("answers diff %v", d.Answers)
	}
	if !d.Changed() || len(d.Ranks) == 0 {
		t.Fatal("a longer timeline should move the ranking")
	}
	var b strings.Builder
	e.WriteDiffText(&b, d)
	if !strings.Contains(b.String(), "~ Longest training before a first job: 6 months -> 36 months") {
		t.Errorf("text diff:\n%s", b.String())
	}
	same := e.Compare(before, before.Clone())
	if same.Changed() {
		t.Error("identical answers should show no change")
	}
}

// Found by FuzzCSV: a malformed quoted field gave an empty record, and asking
// for its position panicked.
func TestBatchCSVMalformedQuote(t *testing.T) {
	e := embedded(t)
	next, err := e.CSVStudents(strings.NewReader("id,education\nana,associate\n\"x\n"), "q.csv")
	if err != nil {
		t.Fatal(err)
	}
	out, sum := runBatch(t, e, next, 1, advisor.FormatCSV)
	if sum.Students != 2 || sum.Failed != 1 || !strings.Contains(string(out), `q.csv:3: extraneous or missing "" in quoted-field`) {
		t.Fatalf("%+v\n%s", sum, out)
	}
}

// Found by FuzzParseAnswers: saving no answers wrote a file that did not load back.
func TestEmptyAnswersRoundTrip(t *testing.T) {
	e := embedded(t)
	a, err := e.ParseAnswers("s.yaml", e.MarshalAnswers(advisor.Answers{}))
	if err != nil || len(a) != 0 {
		t.Fatalf("%v %v", a, err)
	}
}

var (
	cohortOut  = flag.String("cohort", "", "TestWriteCohortCSV: write a generated CSV cohort to this file")
	cohortRows = flag.Int("rows", 1000000, "TestWriteCohortCSV: rows to generate")
)

// TestWriteCohortCSV writes a generated cohort for scripts/bench.sh; without
// -cohort it does nothing.
func TestWriteCohortCSV(t *testing.T) {
	if *cohortOut == "" {
		t.Skip("run with -args -cohort FILE -rows N to write a generated cohort")
	}
	f, err := os.Create(*cohortOut)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := io.Copy(f, newCSVRows(embedded(t), *cohortRows)); err != nil {
		t.Fatal(err)
	}
}

// TestBatchCSVNumbersAsWritten checks that CSV cells (which have no type) are
// read as numbers the way a spreadsheet writes them, by the same reader as
// the front ends, and that a fraction is refused where the question wants a
// whole number.
func TestBatchCSVNumbersAsWritten(t *testing.T) {
	e := embedded(t)
	tests := []struct {
		cell string
		id   string
		want any    // the answer, for a good cell
		msg  string // part of the error, for a bad one
	}{
		{"$2,000", "budget", 2000, ""},
		{"2,000", "budget", 2000, ""},
		{"010", "budget", 10, ""},
		{"3.5", "lab_experience_years", 3.5, ""},
		{"10.67", "college_credits", 10.67, ""},
		{"2.5", "budget", nil, "budget: expected a whole number"},
		{"1,5", "lab_experience_years", nil, "lab_experience_years: expected a number from 0 to 50 (decimals allowed)"},
	}
	for _, tt := range tests {
		next, err := e.CSVStudents(strings.NewReader("id,"+tt.id+"\nx,\""+tt.cell+"\"\n"), "c.csv")
		if err != nil {
			t.Fatal(err)
		}
		st, err := next()
		if err != nil {
			t.Fatal(err)
		}
		if tt.msg != "" {
			if st.Err == nil || !strings.Contains(st.Err.Error(), tt.msg) {
				t.Errorf("%s %q: error %v; want %q", tt.id, tt.cell, st.Err, tt.msg)
			}
			continue
		}
		if st.Err != nil || st.Answers[tt.id] != tt.want {
			t.Errorf("%s %q = %#v (%v); want %#v", tt.id, tt.cell, st.Answers[tt.id], st.Err, tt.want)
		}
	}
}
