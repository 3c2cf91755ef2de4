package advisor

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// FormatCSV is the batch output format for spreadsheets (the other batch
// formats are the report formats).
const FormatCSV = "csv"

// BatchFormats lists the formats `medpath batch` writes.
var BatchFormats = []string{FormatCSV, FormatJSON, FormatMarkdown, FormatHTML}

// BatchWriter writes a cohort report as rows arrive; Close adds the summary.
type BatchWriter interface {
	Row(BatchRow) error
	Close(*BatchSummary) error
}

// NewBatchWriter returns a streaming writer for format.
func (e *Engine) NewBatchWriter(w io.Writer, format string) (BatchWriter, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case FormatCSV:
		cw := csv.NewWriter(bw)
		err := cw.Write([]string{"id", "recommended", "title", "level", "plan_months_min", "plan_months_max",
			"plan_cost_min", "plan_cost_max", "eligible_now", "eligible_now_unconfirmed", "interest_code", "error"})
		return &csvBatch{bw: bw, cw: cw}, err
	case FormatJSON:
		_, err := bw.WriteString("{\n  \"students\": [")
		return &jsonBatch{bw: bw}, err
	case FormatMarkdown:
		_, err := bw.WriteString("# Cohort report\n\n| Student | Recommended path | Level | Months to first job | Cost | Can sit now | Only by an unconfirmed route (verify) | Interest code | Problem |\n|---|---|---|---|---|---|---|---|---|\n")
		return &mdBatch{bw: bw}, err
	case FormatHTML:
		var b bytes.Buffer
		writeHTMLHead(&b, "medpath: cohort report")
		b.WriteString("<main>\n<h1>Cohort report</h1>\n<table><caption>One row per student, in input order</caption>\n<thead><tr><th scope=\"col\">Student</th><th scope=\"col\">Recommended path</th><th scope=\"col\">Level</th><th scope=\"col\">Months to first job</th><th scope=\"col\">Cost</th><th scope=\"col\">Can sit now</th><th scope=\"col\">Only by an unconfirmed route (verify)</th><th scope=\"col\">Interest code</th><th scope=\"col\">Problem</th></tr></thead>\n<tbody>\n")
		_, err := bw.Write(b.Bytes())
		return &htmlBatch{bw: bw}, err
	}
	return nil, fmt.Errorf("unknown format %q; allowed: %s", format, quoteList(BatchFormats))
}

// Words of the cohort report's interest columns.
const (
	topInterestHead = "Strongest interest (first letter of the code)"
	noInterestCode  = "No interest code (inventory skipped, too few ratings, or flat)"
)

// codeCell is a student's interest code in a table: "—" when there is none.
func codeCell(code string) string {
	if code == "" {
		return "—"
	}
	return md(code)
}

type csvBatch struct {
	bw *bufio.Writer
	cw *csv.Writer
}

// Row writes one student. Text cells (the id and the error come from the
// input, the titles from the data) go through SafeCell, so a spreadsheet
// shows them and never runs them as formulas.
func (c *csvBatch) Row(r BatchRow) error {
	return c.cw.Write([]string{SafeCell(r.ID), SafeCell(r.Recommended), SafeCell(r.Title), SafeCell(r.Level),
		strconv.Itoa(r.PlanMonths.Min), strconv.Itoa(r.PlanMonths.Max), strconv.Itoa(r.PlanCost.Min), strconv.Itoa(r.PlanCost.Max),
		SafeCell(strings.Join(r.EligibleNow, ";")), SafeCell(strings.Join(r.EligibleNowUnconfirmed, ";")), SafeCell(r.InterestCode), SafeCell(r.Error)})
}

// Close writes the summary as a second small table after a blank line.
func (c *csvBatch) Close(s *BatchSummary) error {
	c.cw.Flush()
	c.bw.WriteString("\n")
	rows := [][]string{{"summary", "value"},
		{"students", strconv.Itoa(s.Students)}, {"failed", strconv.Itoa(s.Failed)},
		{"median_plan_months", fmt.Sprintf("%d-%d", s.MedianPlanMonths.Min, s.MedianPlanMonths.Max)},
		{"share_eligible_now", strconv.FormatFloat(s.ShareEligibleNow, 'f', 3, 64)},
		{"share_eligible_now_unconfirmed_only", strconv.FormatFloat(s.ShareEligibleNowUnconfirmedOnly, 'f', 3, 64)}}
	for _, p := range s.PerPath {
		rows = append(rows, []string{SafeCell("path:" + p.Key), strconv.Itoa(p.N)})
	}
	for _, l := range s.PerLevel {
		rows = append(rows, []string{"level:" + l.Key, strconv.Itoa(l.N)})
	}
	if len(s.PerTopInterest) > 0 {
		for _, c := range s.PerTopInterest {
			rows = append(rows, []string{SafeCell("top_interest:" + c.Key), strconv.Itoa(c.N)})
		}
		rows = append(rows, []string{"no_interest_code", strconv.Itoa(s.NoInterestCode)})
	}
	if err := c.cw.WriteAll(rows); err != nil {
		return err
	}
	return c.bw.Flush()
}

type jsonBatch struct {
	bw *bufio.Writer
	n  int
}

func (j *jsonBatch) Row(r BatchRow) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if j.n > 0 {
		j.bw.WriteByte(',')
	}
	j.n++
	j.bw.WriteString("\n    ")
	_, err = j.bw.Write(b)
	return err
}

func (j *jsonBatch) Close(s *BatchSummary) error {
	b, err := json.MarshalIndent(s, "  ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(j.bw, "\n  ],\n  \"summary\": %s\n}\n", b)
	return j.bw.Flush()
}

type mdBatch struct{ bw *bufio.Writer }

func (m *mdBatch) Row(r BatchRow) error {
	if r.Error != "" {
		_, err := fmt.Fprintf(m.bw, "| %s | — | — | — | — | — | — | — | %s |\n", md(r.ID), md(r.Error))
		return err
	}
	_, err := fmt.Fprintf(m.bw, "| %s | %s | %s | %s | %s | %s | %s | %s | |\n", md(r.ID), md(r.Title), r.Level, MonthsText(r.PlanMonths),
		DollarSpan(r.PlanCost), md(strings.Join(r.EligibleNow, ", ")), md(strings.Join(r.EligibleNowUnconfirmed, ", ")), codeCell(r.InterestCode))
	return err
}

func (m *mdBatch) Close(s *BatchSummary) error {
	fmt.Fprintf(m.bw, "\n## Summary\n\n- Students: %d (%d could not be read)\n- Median time to a first job: %s\n- Can sit a credential now: %.0f%%\n- Could sit one now only by a route whose text is unconfirmed (verify first): %.0f%%\n",
		s.Students, s.Failed, MonthsText(s.MedianPlanMonths), 100*s.ShareEligibleNow, 100*s.ShareEligibleNowUnconfirmedOnly)
	m.bw.WriteString("\n| Recommended path | Students |\n|---|---|\n")
	for _, p := range s.PerPath {
		fmt.Fprintf(m.bw, "| %s | %d |\n", md(p.Title), p.N)
	}
	m.bw.WriteString("\n| Level | Students |\n|---|---|\n")
	for _, l := range s.PerLevel {
		fmt.Fprintf(m.bw, "| %s | %d |\n", l.Key, l.N)
	}
	if len(s.PerTopInterest) > 0 {
		fmt.Fprintf(m.bw, "\n| %s | Students |\n|---|---|\n", topInterestHead)
		for _, c := range s.PerTopInterest {
			fmt.Fprintf(m.bw, "| %s (%s) | %d |\n", md(c.Title), md(c.Key), c.N)
		}
		fmt.Fprintf(m.bw, "| %s | %d |\n", noInterestCode, s.NoInterestCode)
	}
	return m.bw.Flush()
}

type htmlBatch struct{ bw *bufio.Writer }

func (h *htmlBatch) Row(r BatchRow) error {
	esc := template.HTMLEscapeString
	if r.Error != "" {
		_, err := fmt.Fprintf(h.bw, "<tr><td>%s</td><td colspan=\"7\">not scored</td><td>%s</td></tr>\n", esc(r.ID), esc(r.Error))
		return err
	}
	_, err := fmt.Fprintf(h.bw, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td></td></tr>\n",
		esc(r.ID), esc(r.Title), esc(r.Level), esc(MonthsText(r.PlanMonths)), esc(DollarSpan(r.PlanCost)), esc(strings.Join(r.EligibleNow, ", ")),
		esc(strings.Join(r.EligibleNowUnconfirmed, ", ")), esc(codeCell(r.InterestCode)))
	return err
}

func (h *htmlBatch) Close(s *BatchSummary) error {
	esc := template.HTMLEscapeString
	fmt.Fprintf(h.bw, "</tbody></table>\n<h2>Summary</h2>\n<ul><li>Students: %d (%d could not be read)</li><li>Median time to a first job: %s</li><li>Can sit a credential now: %.0f%%</li><li>Could sit one now only by a route whose text is unconfirmed (verify first): %.0f%%</li></ul>\n",
		s.Students, s.Failed, esc(MonthsText(s.MedianPlanMonths)), 100*s.ShareEligibleNow, 100*s.ShareEligibleNowUnconfirmedOnly)
	h.bw.WriteString("<table><caption>Students per recommended path</caption>\n<thead><tr><th scope=\"col\">Recommended path</th><th scope=\"col\">Students</th></tr></thead><tbody>\n")
	for _, p := range s.PerPath {
		fmt.Fprintf(h.bw, "<tr><td>%s</td><td>%d</td></tr>\n", esc(p.Title), p.N)
	}
	h.bw.WriteString("</tbody></table>\n<table><caption>Students per level</caption>\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Students</th></tr></thead><tbody>\n")
	for _, l := range s.PerLevel {
		fmt.Fprintf(h.bw, "<tr><td>%s</td><td>%d</td></tr>\n", esc(l.Key), l.N)
	}
	h.bw.WriteString("</tbody></table>\n")
	if len(s.PerTopInterest) > 0 {
		fmt.Fprintf(h.bw, "<table><caption>Students per interest area first in their interest code</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">Students</th></tr></thead><tbody>\n", esc(topInterestHead))
		for _, c := range s.PerTopInterest {
			fmt.Fprintf(h.bw, "<tr><td>%s (%s)</td><td>%d</td></tr>\n", esc(c.Title), esc(c.Key), c.N)
		}
		fmt.Fprintf(h.bw, "<tr><td>%s</td><td>%d</td></tr>\n</tbody></table>\n", esc(noInterestCode), s.NoInterestCode)
	}
	h.bw.WriteString("</main>\n</body>\n</html>\n")
	return h.bw.Flush()
}
