package advisor

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A cohort is processed as a stream: students are read one at a time, scored by
// a few workers, and written back in input order, so memory stays flat however
// large the cohort, and the output bytes do not depend on the number of workers.

// Student is one student of a cohort: an id, and answers or why they could not be read.
type Student struct {
	ID      string
	Answers Answers
	Err     error

	load func() (Answers, error) // reads the answers in a worker, when set
}

// BatchRow is one student's outcome.
type BatchRow struct {
	ID          string   `json:"id"`
	Recommended string   `json:"recommended,omitempty"`
	Title       string   `json:"title,omitempty"`
	Level       string   `json:"level,omitempty"`
	PlanMonths  Span     `json:"plan_months"`
	PlanCost    Span     `json:"plan_cost"`
	EligibleNow []string `json:"eligible_now"`
	// EligibleNowUnconfirmed are credentials the student could sit now only
	// by a route whose text could not be confirmed: verify before relying on it.
	EligibleNowUnconfirmed []string `json:"eligible_now_unconfirmed"`
	// InterestCode is the student's interest code from the activity
	// inventory ("IRC"), empty when the profile did not count (skipped,
	// too few ratings, or flat).
	InterestCode string `json:"interest_code"`
	Error        string `json:"error,omitempty"`
}

// BatchSummary describes a cohort.
type BatchSummary struct {
	Students         int     `json:"students"`
	Failed           int     `json:"failed"`
	PerPath          []Count `json:"per_path"`
	PerLevel         []Count `json:"per_level"`
	MedianPlanMonths Span    `json:"median_plan_months"`
	ShareEligibleNow float64 `json:"share_eligible_now"`
	// ShareEligibleNowUnconfirmedOnly is the share who could sit a credential
	// now only by an unconfirmed route (not counted in ShareEligibleNow).
	ShareEligibleNowUnconfirmedOnly float64 `json:"share_eligible_now_unconfirmed_only"`
	// PerTopInterest counts the students whose interest code starts with
	// each area, in RIASEC order (every area, zeros too, when the data has
	// an inventory); NoInterestCode counts those whose profile did not count.
	PerTopInterest   []Count `json:"per_top_interest"`
	NoInterestCode   int     `json:"no_interest_code"`
	counts           map[string]int
	firsts           [6]int
	levels           map[string]int
	minHist, maxHist map[int]int
	eligible         int
	unsureOnly       int
}

// Count is a number of students per key.
type Count struct {
	Key   string `json:"key"`
	Title string `json:"title,omitempty"`
	N     int    `json:"n"`
}

// Row scores one student for a cohort report.
func (e *Engine) Row(id string, a Answers) BatchRow {
	top, ok, unsure, code := e.top(a)
	return BatchRow{ID: id, Recommended: top.ID, Title: top.Title, Level: top.Level,
		PlanMonths: top.TotalMonths, PlanCost: top.TotalCost, EligibleNow: ok, EligibleNowUnconfirmed: unsure,
		InterestCode: code}
}

// BatchSink receives rows in input order.
type BatchSink func(BatchRow) error

// Batch scores every student from next (which returns io.EOF at the end)
// with jobs workers and hands rows to sink in input order. It returns the
// cohort summary; a failed student is counted and reported in its row.
func (e *Engine) Batch(ctx context.Context, next func() (Student, error), jobs int, sink BatchSink) (*BatchSummary, error) {
	jobs = max(1, jobs)
	type item struct {
		seq int
		st  Student
	}
	type result struct {
		seq int
		row BatchRow
	}
	in := make(chan item, jobs*4)
	out := make(chan result, jobs*4)
	window := make(chan struct{}, jobs*16) // bounds students in flight, so memory stays flat

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	go func() {
		defer close(in)
		for seq := 0; ; seq++ {
			st, err := next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				readErr = err
				return
			}
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case in <- item{seq, st}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for it := range in {
				st := it.st
				if st.load != nil && st.Err == nil {
					st.Answers, st.Err = st.load()
				}
				var row BatchRow
				if st.Err != nil {
					row = BatchRow{ID: st.ID, Error: st.Err.Error(), EligibleNow: []string{}, EligibleNowUnconfirmed: []string{}}
				} else {
					row = e.Row(st.ID, st.Answers)
				}
				select {
				case out <- result{it.seq, row}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(out) }()

	sum := newSummary()
	pending := map[int]BatchRow{}
	nextSeq := 0
	var sinkErr error
	for res := range out {
		pending[res.seq] = res.row
		for {
			row, ok := pending[nextSeq]
			if !ok {
				break
			}
			delete(pending, nextSeq)
			nextSeq++
			<-window
			if sinkErr != nil {
				continue
			}
			sum.add(row)
			if err := sink(row); err != nil {
				sinkErr = err
				cancel()
			}
		}
	}
	if sinkErr != nil {
		return nil, sinkErr
	}
	if readErr != nil {
		return nil, readErr
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	e.finish(sum)
	return sum, nil
}

func newSummary() *BatchSummary {
	return &BatchSummary{counts: map[string]int{}, levels: map[string]int{}, minHist: map[int]int{}, maxHist: map[int]int{}}
}

func (s *BatchSummary) add(r BatchRow) {
	s.Students++
	if r.Error != "" {
		s.Failed++
		return
	}
	s.counts[r.Recommended]++
	s.levels[r.Level]++
	if i := strings.IndexByte(riasec, firstByte(r.InterestCode)); i >= 0 {
		s.firsts[i]++
	} else {
		s.NoInterestCode++
	}
	s.minHist[r.PlanMonths.Min]++
	s.maxHist[r.PlanMonths.Max]++
	if len(r.EligibleNow) > 0 {
		s.eligible++
	} else if len(r.EligibleNowUnconfirmed) > 0 {
		s.unsureOnly++
	}
}

// finish turns the running counts into the summary's lists, in data order.
func (e *Engine) finish(s *BatchSummary) {
	ok := s.Students - s.Failed
	s.PerPath, s.PerLevel = []Count{}, []Count{}
	for _, p := range e.paths {
		if n := s.counts[p.ID]; n > 0 {
			s.PerPath = append(s.PerPath, Count{Key: p.ID, Title: p.Title, N: n})
		}
	}
	for _, l := range []string{LevelTechnician, LevelTechnologist} {
		if n := s.levels[l]; n > 0 {
			s.PerLevel = append(s.PerLevel, Count{Key: l, N: n})
		}
	}
	s.PerTopInterest = []Count{}
	for i, a := range e.areas {
		s.PerTopInterest = append(s.PerTopInterest, Count{Key: a.ID, Title: a.Name, N: s.firsts[i]})
	}
	s.MedianPlanMonths = Span{histMedian(s.minHist, ok), histMedian(s.maxHist, ok)}
	if ok > 0 {
		s.ShareEligibleNow = float64(s.eligible) / float64(ok)
		s.ShareEligibleNowUnconfirmedOnly = float64(s.unsureOnly) / float64(ok)
	}
}

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// histMedian is the lower median of n values counted in h.
func histMedian(h map[int]int, n int) int {
	if n == 0 {
		return 0
	}
	keys := make([]int, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	seen := 0
	for _, k := range keys {
		seen += h[k]
		if seen*2 >= n {
			return k
		}
	}
	return keys[len(keys)-1]
}

// DirStudents returns a reader of one student per answers file (*.yaml, *.yml,
// *.json) in fsys, in name order. Files are read by the workers.
func (e *Engine) DirStudents(fsys fs.FS, dir string) (func() (Student, error), error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var names []string
	for _, de := range entries {
		ext := path.Ext(de.Name())
		if !de.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			names = append(names, de.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no answers files (*.yaml, *.yml, *.json)", dir)
	}
	i := 0
	return func() (Student, error) {
		if i >= len(names) {
			return Student{}, io.EOF
		}
		name := names[i]
		i++
		// A file name can hold escape sequences and line breaks: the id and
		// the name in messages are made plain.
		display := path.Join(PlainText(dir), PlainText(name))
		return Student{ID: studentID(strings.TrimSuffix(name, path.Ext(name))), load: func() (Answers, error) {
			b, err := readLimit(fsys, name)
			if err != nil {
				return nil, err
			}
			return e.ParseAnswers(display, b)
		}}, nil
	}, nil
}

// maxIDLen bounds a student id (a CSV cell or a file name) as shown in the
// output and in messages, in bytes.
const maxIDLen = 64

// studentID makes an id from a CSV cell or a file name fit to print: one
// plain line (no escape sequences, control characters or line breaks), cut
// to maxIDLen bytes.
func studentID(s string) string {
	return clip(PlainText(s), maxIDLen)
}

// Limits on a CSV file, so that a file that is not a cohort (a 300 MB line,
// /dev/zero, a million columns) is refused quickly in little memory.
const (
	maxCSVHeader  = 1 << 20  // bytes of the header row
	maxCSVRecord  = 64 << 10 // bytes of one student's row (a quoted cell may span lines)
	maxCSVColumns = 1000     // columns of the header
)

// errCSVTooLong is returned by a csvLimiter when a row is over its budget.
var errCSVTooLong = errors.New("row too long")

// csvLimiter is the reader under encoding/csv, which has no limit of its
// own: it fails once more than limit bytes are read since the last reset
// (one row; encoding/csv reads ahead a few KiB, which the limits allow for).
type csvLimiter struct {
	r     io.Reader
	n     int
	limit int
}

func (l *csvLimiter) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, errCSVTooLong
	}
	if len(p) > l.limit-l.n+1 {
		p = p[:l.limit-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

func (l *csvLimiter) reset(limit int) { l.n, l.limit = 0, limit }

// csvReadError turns an error of the CSV reader into a message for the whole
// file: the row that is too long, or the read error.
func csvReadError(name string, row int, err error) error {
	if errors.Is(err, errCSVTooLong) {
		what, limit := fmt.Sprintf("row %d", row), "64 KiB"
		if row == 0 {
			what, limit = "the header row", "1 MiB"
		}
		// Bad input, not a failure to read: an AnswersError (exit 2).
		return &AnswersError{Problems: []Problem{{File: name,
			Msg: fmt.Sprintf("%s is longer than %s; is this a CSV file of answers (one student a row)?", what, limit)}}}
	}
	return fmt.Errorf("%s: %w", name, err)
}

func readLimit(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// CSVStudents returns a reader of one student per CSV row. The header row is
// required: its columns are question ids, plus an optional "id" column. A list
// answer separates values with ";". An empty cell takes the default. A bad row
// becomes a student with an error naming the row and column; a bad header is
// an error for the whole file.
func (e *Engine) CSVStudents(r io.Reader, name string) (func() (Student, error), error) {
	name = PlainText(name)
	lim := &csvLimiter{r: r, limit: maxCSVHeader}
	cr := csv.NewReader(lim)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: empty file; the first row must name the columns (question ids)", name)
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(err, errCSVTooLong) {
			return nil, fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
		}
		return nil, csvReadError(name, 0, err)
	}
	if len(header) > maxCSVColumns {
		return nil, fmt.Errorf("%s:1: the header has %d columns; the limit is %d (columns are question ids and an optional id)", name, len(header), maxCSVColumns)
	}
	idCol := -1
	cols := make([]*Question, len(header))
	var ps problems
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if seen[h] {
			ps.add(name, Pos{Line: 1, Col: i + 1}, "column %q appears twice", h)
		}
		seen[h] = true
		if h == "id" {
			idCol = i
			continue
		}
		if cols[i] = e.question(h); cols[i] == nil {
			ps.add(name, Pos{Line: 1, Col: i + 1}, "column %q is not a question id%s (columns are question ids and an optional id)", h, didYouMean(h, e.questionIDs()))
		}
	}
	if len(ps) > 0 {
		return nil, &AnswersError{Problems: ps}
	}
	row := 0
	return func() (Student, error) {
		lim.reset(maxCSVRecord)
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return Student{}, io.EOF
		}
		row++
		if errors.Is(err, errCSVTooLong) {
			return Student{}, csvReadError(name, row, err)
		}
		line := 0
		if len(rec) > 0 {
			line, _ = cr.FieldPos(0)
		}
		id := fmt.Sprintf("row %d", row)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return Student{ID: id, Err: fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)}, nil
			}
			return Student{}, fmt.Errorf("%s: %w", name, err)
		}
		if idCol >= 0 && idCol < len(rec) {
			if cell := studentID(rec[idCol]); cell != "" {
				id = cell
			}
		}
		if len(rec) != len(header) {
			return Student{ID: id, Err: fmt.Errorf("%s:%d: row %d has %d cells; the header has %d", name, line, row, len(rec), len(header))}, nil
		}
		a := make(Answers, len(rec))
		var msgs []string
		for i, cell := range rec {
			q := cols[i]
			cell = strings.TrimSpace(cell)
			if q == nil || cell == "" {
				continue
			}
			v, msg := e.cellValue(q, cell)
			if msg != "" {
				msgs = append(msgs, fmt.Sprintf("%s: %s", q.ID, msg))
				continue
			}
			a[q.ID] = v
		}
		if len(msgs) > 0 {
			return Student{ID: id, Err: fmt.Errorf("%s:%d: row %d: %s", name, line, row, strings.Join(msgs, "; "))}, nil
		}
		return Student{ID: id, Answers: a}, nil
	}, nil
}

// cellValue checks a CSV cell against its question by the same rules as
// answers files. A CSV cell has no type, so a number question's cell is read
// as a number as people write it in a spreadsheet ("$2,000", "3.5"), by the
// same reader as the front ends; the other kinds go through convert.
func (e *Engine) cellValue(q *Question, cell string) (any, string) {
	if q.Kind != KindNumber && q.Kind != KindScale {
		return e.convert(q, cellNode(q, cell))
	}
	skip := q.skippable()
	if skip && isSkipText(cell) {
		return 0, "" // a skipped inventory item, as in an answers file
	}
	v, _, p := q.readNumber(cell)
	or := q.skipWords()
	switch p {
	case numberOK:
		return v, ""
	case numberTooSmall, numberTooLarge:
		lo, hi := q.Bounds()
		return nil, fmt.Sprintf("%s is out of bounds; allowed: %d to %d%s", clip(cell, maxEcho), lo, hi, or)
	}
	return nil, fmt.Sprintf("expected %s%s, got %s", q.NumberRule(), or, echo(cell))
}

// cellNode builds the YAML node a CSV cell of a choice, multi or yes/no
// question stands for, so it is checked as an answers file's value is.
func cellNode(q *Question, cell string) *yaml.Node {
	if q.Kind == KindMulti {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, part := range strings.Split(cell, ";") {
			if part = strings.TrimSpace(part); part != "" {
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: part})
			}
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: cell}
}
