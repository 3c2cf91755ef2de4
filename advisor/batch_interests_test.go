package advisor_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"medpath/advisor"
)

// inventoryHeader is a CSV header with the inventory's question and its 24
// items, in RIASEC order, four an area.
func inventoryHeader() string {
	cols := []string{"id", "interest_inventory"}
	for _, a := range "riasec" {
		for i := 1; i <= 4; i++ {
			cols = append(cols, "interest_"+string(a)+string(rune('0'+i)))
		}
	}
	return strings.Join(cols, ",")
}

// inventoryRow is a CSV row: an id, the inventory cell and each area's four
// cells, all the same (rate) unless cells overrides some by item id.
func inventoryRow(id, inventory string, rate map[byte]string, cells map[string]string) string {
	out := []string{id, inventory}
	for _, a := range "RIASEC" {
		for i := 1; i <= 4; i++ {
			item := "interest_" + strings.ToLower(string(a)) + string(rune('0'+i))
			v := rate[byte(a)]
			if c, ok := cells[item]; ok {
				v = c
			}
			out = append(out, v)
		}
	}
	return strings.Join(out, ",")
}

// inventoryCohort has a student for each way a profile can come out, and
// two bad cells.
func inventoryCohort() string {
	all := func(v string) map[byte]string {
		return map[byte]string{'R': v, 'I': v, 'A': v, 'S': v, 'E': v, 'C': v}
	}
	return strings.Join([]string{
		inventoryHeader(),
		inventoryRow("rea", "", map[byte]string{'R': "5", 'I': "4", 'A': "1", 'S': "1", 'E': "1", 'C': "3"}, nil),
		inventoryRow("soc", "yes", map[byte]string{'R': "1", 'I': "1", 'A': "3", 'S': "5", 'E': "4", 'C': "1"}, nil),
		inventoryRow("skipped", "", all("skip"), nil),
		inventoryRow("flat", "", all("3"), nil),
		// skips written three ways still leave three items an area
		inventoryRow("mix", "", map[byte]string{'R': "3", 'I': "5", 'A': "1", 'S': "1", 'E': "1", 'C': "4"},
			map[string]string{"interest_i1": "s", "interest_r1": "0", "interest_c2": "SKIP"}),
		// the inventory declined: its items are hidden and do not count
		inventoryRow("declined", "no", map[byte]string{'R': "5", 'I': "4", 'A': "1", 'S': "1", 'E': "1", 'C': "3"}, nil),
		inventoryRow("seven", "", all("2"), map[string]string{"interest_r1": "7"}),
		inventoryRow("maybe", "", all("2"), map[string]string{"interest_s3": "maybe"}),
	}, "\n") + "\n"
}

func TestBatchInterestCodes(t *testing.T) {
	e := embedded(t)
	next, err := e.CSVStudents(strings.NewReader(inventoryCohort()), "cohort.csv")
	if err != nil {
		t.Fatal(err)
	}
	var rows []advisor.BatchRow
	sum, err := e.Batch(context.Background(), next, 2, func(r advisor.BatchRow) error { rows = append(rows, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"rea": "RIC", "soc": "SEA", "skipped": "", "flat": "", "mix": "ICR", "declined": ""}
	errs := map[string]string{
		"seven": `cohort.csv:8: row 7: interest_r1: 7 is out of bounds; allowed: 1 to 5, or 0, "s" or "skip" to skip it`,
		"maybe": `cohort.csv:9: row 8: interest_s3: expected a whole number from 1 to 5, or 0, "s" or "skip" to skip it, got "maybe"`,
	}
	if len(rows) != len(want)+len(errs) {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if msg, bad := errs[r.ID]; bad {
			if r.Error != msg {
				t.Errorf("%s: error\n got %q\nwant %q", r.ID, r.Error, msg)
			}
			continue
		}
		if r.Error != "" || r.InterestCode != want[r.ID] {
			t.Errorf("%s: code %q (error %q); want %q", r.ID, r.InterestCode, r.Error, want[r.ID])
		}
	}
	if sum.Students != 8 || sum.Failed != 2 || sum.NoInterestCode != 3 {
		t.Errorf("summary %+v; want 8 students, 2 failed, 3 without a code", sum)
	}
	firsts := map[string]int{}
	var keys []string
	for _, c := range sum.PerTopInterest {
		firsts[c.Key] = c.N
		keys = append(keys, c.Key)
	}
	if strings.Join(keys, "") != "RIASEC" || firsts["R"] != 1 || firsts["I"] != 1 || firsts["S"] != 1 || firsts["A"]+firsts["E"]+firsts["C"] != 0 {
		t.Errorf("per top interest %+v; want R, I and S once each, in RIASEC order", sum.PerTopInterest)
	}
	if sum.PerTopInterest[0].Title != "Realistic" {
		t.Errorf("the areas are named: %+v", sum.PerTopInterest[0])
	}
}

// TestBatchInterestFormats checks every batch format carries each student's
// code and the cohort's distribution of first letters.
func TestBatchInterestFormats(t *testing.T) {
	e := embedded(t)
	wants := map[string][]string{
		advisor.FormatCSV: {",interest_code,error\n", ",RIC,\n", ",SEA,\n", "\nflat,", "top_interest:R,1\n", "top_interest:A,0\n",
			"top_interest:S,1\n", "no_interest_code,3\n"},
		advisor.FormatMarkdown: {"| Interest code | Problem |", "| RIC | |", "| SEA | |", "| — | |",
			"| Realistic (R) | 1 |", "| Artistic (A) | 0 |", "| Social (S) | 1 |", "| No interest code (inventory skipped, too few ratings, or flat) | 3 |"},
		advisor.FormatHTML: {`<th scope="col">Interest code</th>`, "<td>RIC</td><td></td></tr>", "<td>—</td><td></td></tr>",
			"<tr><td>Realistic (R)</td><td>1</td></tr>", "<tr><td>Social (S)</td><td>1</td></tr>",
			"<td>No interest code (inventory skipped, too few ratings, or flat)</td><td>3</td>"},
		advisor.FormatJSON: {`"interest_code":"RIC"`, `"interest_code":""`, `"no_interest_code": 3`, `"key": "C",`},
	}
	for format, want := range wants {
		t.Run(format, func(t *testing.T) {
			next, err := e.CSVStudents(strings.NewReader(inventoryCohort()), "cohort.csv")
			if err != nil {
				t.Fatal(err)
			}
			out, _ := runBatch(t, e, next, 3, format)
			for _, w := range want {
				if !strings.Contains(string(out), w) {
					t.Errorf("%s output lacks %q:\n%s", format, w, out)
				}
			}
			switch format {
			case advisor.FormatJSON:
				var doc struct {
					Students []advisor.BatchRow `json:"students"`
					Summary  struct {
						PerTopInterest []advisor.Count `json:"per_top_interest"`
					} `json:"summary"`
				}
				if err := json.Unmarshal(out, &doc); err != nil || len(doc.Students) != 8 || len(doc.Summary.PerTopInterest) != 6 {
					t.Errorf("JSON: %v, %d students, %d areas", err, len(doc.Students), len(doc.Summary.PerTopInterest))
				}
			case advisor.FormatHTML:
				checkHTML(t, out)
			}
		})
	}
}

// TestBatchInterestCodeMatchesReport: a cohort row's code is the report's,
// for random answers (most with the inventory taken).
func TestBatchInterestCodeMatchesReport(t *testing.T) {
	e := embedded(t)
	r := rand.New(rand.NewPCG(7, 8))
	codes := 0
	for range 300 {
		a := randomAnswers(e, r)
		row, rec := e.Row("x", a), e.Recommend(a)
		if row.InterestCode != rec.Interests.Code {
			t.Fatalf("row code %q, report %q for %v", row.InterestCode, rec.Interests.Code, a)
		}
		if row.InterestCode != "" {
			codes++
		}
	}
	if codes < 50 {
		t.Errorf("only %d of 300 random students have a code: the test does not exercise it", codes)
	}
}
