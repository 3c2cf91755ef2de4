package advisor_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"medpath/advisor"
	"medpath/data"
)

// rate answers the 24 activity items: each area's four items get the
// ratings given for its letter (one rating repeats for all four; four
// ratings set them one by one).
func rate(a advisor.Answers, byArea map[byte][]int) advisor.Answers {
	for _, c := range "RIASEC" {
		r := byArea[byte(c)]
		for n := 1; n <= 4; n++ {
			v := r[0]
			if len(r) == 4 {
				v = r[n-1]
			}
			a[fmt.Sprintf("interest_%c%d", c+'a'-'A', n)] = v
		}
	}
	return a
}

// base is a newcomer with no start whose four quick ratings are neutral, so
// only the inventory moves the ranking between the two groups of paths.
func base() advisor.Answers {
	return advisor.Answers{"education": "high_school", "timeline_months": 24, "budget": 20000, "goal": "unsure"}
}

var (
	patientFacing = []string{"phlebotomy", "ekg", "medication_tech", "behavioral_health_tech"}
	labPaths      = []string{"mlt", "mls", "histotechnician", "histotechnologist", "molecular"}
)

// scoresByID maps each path to its score.
func scoresByID(r *advisor.Recommendation) map[string]int {
	m := map[string]int{}
	for _, p := range r.Paths {
		m[p.ID] = p.Score
	}
	return m
}

func rankOf(r *advisor.Recommendation, id string) int {
	for _, p := range r.Paths {
		if p.ID == id {
			return p.Rank
		}
	}
	return 0
}

func TestInterestProfileRanking(t *testing.T) {
	e := embedded(t)
	// an associate degree puts the lab paths first without the inventory; a
	// high-school diploma the short patient-facing certificates
	associate := advisor.Answers{"education": "associate", "college_credits": 60, "timeline_months": 24, "budget": 20000, "goal": "unsure"}
	tests := []struct {
		name    string
		base    advisor.Answers
		ratings map[byte][]int
		code    string
		up      []string // these paths gain, and pass paths of down
		down    []string
	}{
		{"Social and Realistic", associate, map[byte][]int{'R': {4, 4, 4, 5}, 'I': {1, 2, 2, 2}, 'A': {1}, 'S': {5}, 'E': {1, 2, 2, 2}, 'C': {2}}, "SRC", patientFacing, labPaths},
		{"Investigative and Conventional", base(), map[byte][]int{'R': {2}, 'I': {5}, 'A': {2}, 'S': {1}, 'E': {1}, 'C': {4}}, "ICR", labPaths, patientFacing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			without := e.Recommend(tt.base)
			r := e.Recommend(rate(tt.base.Clone(), tt.ratings))
			if !r.Interests.Scored || r.Interests.Code != tt.code {
				t.Fatalf("profile: scored %v, code %q; want %q (%s)", r.Interests.Scored, r.Interests.Code, tt.code, r.Interests.Note)
			}
			before, after := scoresByID(without), scoresByID(r)
			minUp, maxDown, sumUp, sumDown := 1<<30, -1<<30, 0, 0
			for _, id := range tt.up {
				minUp = min(minUp, after[id]-before[id])
				sumUp += after[id] - before[id]
			}
			for _, id := range tt.down {
				maxDown = max(maxDown, after[id]-before[id])
				sumDown += after[id] - before[id]
			}
			if minUp <= 0 || minUp < maxDown || sumUp*len(tt.down) <= sumDown*len(tt.up) {
				t.Errorf("gains: %v least %d, mean %d/%d; %v most %d, mean %d/%d", tt.up, minUp, sumUp, len(tt.up), tt.down, maxDown, sumDown, len(tt.down))
			}
			// no path of down passes a path of up, and some path of up
			// passes a path of down
			passed := 0
			for _, u := range tt.up {
				for _, d := range tt.down {
					wasAbove, isAbove := rankOf(without, u) < rankOf(without, d), rankOf(r, u) < rankOf(r, d)
					if wasAbove && !isAbove {
						t.Errorf("%s fell below %s", u, d)
					}
					if !wasAbove && isAbove {
						passed++
					}
				}
			}
			if passed == 0 {
				t.Errorf("no path of %v passed one of %v", tt.up, tt.down)
			}
			// each gain comes with a reason a student can read
			for _, p := range r.Paths {
				m := p.InterestMatch
				if m == nil {
					t.Fatalf("%s: no interest match", p.ID)
				}
				if m.Delta == 0 {
					continue
				}
				var because string
				for _, rs := range p.Reasons {
					if rs.Rule == m.Band {
						because = rs.Because
					}
				}
				if because == "" || strings.ContainsAny(because, "{}") || !strings.Contains(because, m.Code) {
					t.Errorf("%s: the match's reason is %q", p.ID, because)
				}
			}
		})
	}
}

func TestInterestBecauseNamesSharedAreas(t *testing.T) {
	e := embedded(t)
	r := e.Recommend(rate(base(), map[byte][]int{'R': {3}, 'I': {5}, 'A': {1}, 'S': {1}, 'E': {2}, 'C': {5, 5, 4, 5}}))
	p := pathOf(t, r, "mls")
	if p.InterestMatch == nil || p.InterestMatch.Label != "Strong match" {
		t.Fatalf("mls match: %+v", p.InterestMatch)
	}
	want := "Your strongest interests, Investigative (science and puzzles), Conventional (order and detail) and Realistic (hands-on work), are at the core of this work (its O*NET interest code is IRC)."
	found := false
	for _, rs := range p.Reasons {
		found = found || rs.Because == want
	}
	if !found {
		t.Errorf("mls reasons lack %q: %+v", want, p.Reasons)
	}
	// a path whose core the student rated lowest is told so
	r = e.Recommend(rate(base(), map[byte][]int{'R': {1}, 'I': {2}, 'A': {5}, 'S': {2}, 'E': {5}, 'C': {1}}))
	h := pathOf(t, r, "histotechnician")
	if h.InterestMatch == nil || h.InterestMatch.Delta >= 0 ||
		!strings.Contains(reasonText(h), "This work centres on Realistic (hands-on work) and Conventional (order and detail), among the activities you liked least") {
		t.Errorf("histotechnician: %+v; reasons %q", h.InterestMatch, reasonText(h))
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func reasonText(p *advisor.PathResult) string {
	var s []string
	for _, r := range p.Reasons {
		s = append(s, r.Because)
	}
	return strings.Join(s, " | ")
}

// A profile that does not count leaves every score and the order as they
// are without the inventory, and says why.
func TestInterestProfileThatDoesNotCount(t *testing.T) {
	e := embedded(t)
	without := e.Recommend(base())
	allThree := map[byte][]int{'R': {3}, 'I': {3}, 'A': {3}, 'S': {3}, 'E': {3}, 'C': {3}}
	nearlyFlat := map[byte][]int{'R': {4}, 'I': {4}, 'A': {3, 4, 4, 4}, 'S': {4}, 'E': {4}, 'C': {4}}
	gateNo := rate(base(), map[byte][]int{'R': {5}, 'I': {5}, 'A': {1}, 'S': {1}, 'E': {1}, 'C': {5}})
	gateNo["interest_inventory"] = false
	allSkipped := rate(base(), map[byte][]int{'R': {0}, 'I': {0}, 'A': {0}, 'S': {0}, 'E': {0}, 'C': {0}})
	oneEach := base()
	for _, id := range []string{"interest_r1", "interest_i1", "interest_a1", "interest_s1", "interest_e1", "interest_c1"} {
		oneEach[id] = 5
	}
	oneEach["interest_a1"] = 1
	tests := []struct {
		name    string
		a       advisor.Answers
		skipped bool
		flat    bool
		note    string
	}{
		{"not taken", base(), true, false, "skipped"},
		{"gate no", gateNo, true, false, "skipped"},
		{"all skipped", allSkipped, true, false, "skipped"},
		{"all Not sure", rate(base(), allThree), false, true, "about the same in every area"},
		{"nearly flat", rate(base(), nearlyFlat), false, true, "about the same in every area"},
		{"one item per area", oneEach, false, false, "Too few activities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Recommend(tt.a)
			p := r.Interests
			if p.Scored || p.Code != "" || p.Skipped != tt.skipped || p.Flat != tt.flat || !strings.Contains(p.Note, tt.note) {
				t.Errorf("profile %+v; want skipped %v, flat %v, note with %q", p, tt.skipped, tt.flat, tt.note)
			}
			for i, pr := range r.Paths {
				if pr.ID != without.Paths[i].ID || pr.Score != without.Paths[i].Score {
					t.Errorf("rank %d: %s %d; without the inventory %s %d", i+1, pr.ID, pr.Score, without.Paths[i].ID, without.Paths[i].Score)
				}
				if pr.InterestMatch != nil {
					t.Errorf("%s: a match %+v from a profile that does not count", pr.ID, pr.InterestMatch)
				}
			}
		})
	}
}

func TestInterestScores(t *testing.T) {
	e := embedded(t)
	a := rate(base(), map[byte][]int{'R': {1, 2, 0, 5}, 'I': {5}, 'A': {1}, 'S': {3}, 'E': {2}, 'C': {4}})
	p := e.Interests(a)
	want := map[string]int{"R": 42, "I": 100, "A": 0, "S": 50, "E": 25, "C": 75} // R: mean of 1, 2 and 5 (the 0 is a skip)
	if p.Answered != 23 || p.Items != 24 {
		t.Errorf("answered %d of %d; want 23 of 24", p.Answered, p.Items)
	}
	for _, s := range p.Scores {
		if s.Score == nil || *s.Score != want[s.Area] {
			t.Errorf("%s: score %v, want %d", s.Area, deref(s.Score), want[s.Area])
		}
	}
	if p.Code != "ICS" {
		t.Errorf("code %q, want ICS", p.Code)
	}
	// a tie keeps RIASEC order: R and I both 100, then S over C at 75
	p = e.Interests(rate(base(), map[byte][]int{'R': {5}, 'I': {5}, 'A': {1}, 'S': {4}, 'E': {1}, 'C': {4}}))
	if p.Code != "RIS" {
		t.Errorf("tied code %q, want RIS", p.Code)
	}
}

func TestInterestSameAnswersSameBytes(t *testing.T) {
	e := embedded(t)
	a := rate(base(), map[byte][]int{'R': {4, 4, 4, 5}, 'I': {1, 2, 2, 2}, 'A': {1}, 'S': {5}, 'E': {1, 2, 2, 2}, 'C': {2}})
	var first []byte
	for i := range 5 {
		e2, err := advisor.Load(data.FS) // a new engine each time: nothing may depend on map order
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			e2 = e
		}
		var buf bytes.Buffer
		if err := e2.WriteReport(&buf, e2.Recommend(a.Clone()), advisor.FormatJSON); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if i == 0 {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Fatalf("run %d gave different bytes", i)
		}
	}
	if !bytes.Contains(first, []byte(`"interest_match": {`)) || !bytes.Contains(first, []byte(`"code": "SRC"`)) {
		t.Error("the JSON report lacks interest_match or the code")
	}
}

func TestInterestAnswersRead(t *testing.T) {
	e := embedded(t)
	a, err := e.ParseAnswers("a.yaml", []byte("interest_r1: skip\ninterest_r2: 0\ninterest_r3: S\ninterest_r4: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]int{"interest_r1": 0, "interest_r2": 0, "interest_r3": 0, "interest_r4": 5} {
		if a[id] != want {
			t.Errorf("%s = %v, want %d", id, a[id], want)
		}
	}
	if got := e.AnswerText("interest_r1", 0); got != "skipped" {
		t.Errorf("a skip reads %q", got)
	}
	if got := e.AnswerText("interest_r4", 4); got != "4 of 5 (Like)" {
		t.Errorf("a 4 reads %q", got)
	}
	_, err = e.ParseAnswers("a.yaml", []byte("interest_r1: 6\ninterest_r2: maybe\n"))
	for _, w := range []string{`a.yaml:1:14: interest_r1: 6 is out of bounds; allowed: 1 to 5, or 0, "s" or "skip" to skip it`,
		`a.yaml:2:14: interest_r2: expected a whole number from 1 to 5, or 0, "s" or "skip" to skip it, got "maybe"`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("want %q in %v", w, err)
		}
	}
	// a front end's message says how to skip, too
	if _, msg := e.Question("interest_r1").ParseNumber("7"); !strings.Contains(msg, `type a whole number from 1 to 5, or 0, "s" or "skip" to skip it`) {
		t.Errorf("typing 7: %q", msg)
	}
	// the four quick ratings are not skippable
	if _, err := e.ParseAnswers("a.yaml", []byte("lab_work: skip\n")); err == nil {
		t.Error("lab_work: skip was taken")
	}
}

func TestInterestDataErrors(t *testing.T) {
	tests := []struct {
		name, overlay, want string
	}{
		{"score out of range", `paths:
  - id: extra
    title: Extra
    level: technician
    summary: An extra path.
    interests: [R, I]
    interest_profile:
      scores: {R: 9, I: 5, A: 1, S: 1, E: 1, C: 1}
      as_of: 2026-02
      source: onet-interests-30-2
      status: official
    salary: {median: 1, per: year, as_of: 2024-05, source: onet-interests-30-2, status: official}
`, "local.yaml:8:7: path extra: interest_profile: R is 9; O*NET's scores are 1 to 7"},
		{"five scores", `paths:
  - id: extra
    title: Extra
    level: technician
    summary: An extra path.
    interests: [R]
    interest_profile:
      scores: {R: 5, I: 5, A: 1, S: 1, E: 1}
      as_of: 2026-02
      source: onet-interests-30-2
      status: official
    salary: {median: 1, per: year, as_of: 2024-05, source: onet-interests-30-2, status: official}
`, "local.yaml:8:7: path extra: interest_profile needs all six scores (R, I, A, S, E, C), has 5"},
		{"bad letter", `paths:
  - id: extra
    title: Extra
    level: technician
    summary: An extra path.
    interests: [X]
    salary: {median: 1, per: year, as_of: 2024-05, source: onet-interests-30-2, status: official}
`, `local.yaml:2:5: path extra: interests: "X" is not one of R, I, A, S, E, C`},
		{"band with both ends", `interest_match:
  - {id: interests-strong-match, label: Strong, min: 0.5, max: 0.9, score: 2, because: Yes.}
`, "local.yaml:2:5: interest_match interests-strong-match: give min (the match is at least) or max (at most), not both"},
		{"band with an unknown word", `interest_match:
  - {id: interests-strong-match, label: Strong, min: 0.5, score: 2, because: "Your {best} areas."}
`, "because may name {shared}, {low} and {code}, nothing else in braces"},
		{"band outside -1..1", `interest_match:
  - {id: interests-strong-match, label: Strong, min: 1.5, score: 2, because: Yes.}
`, "1.5 is outside -1..1, the range of a correlation"},
		{"band of no number", `interest_match:
  - {id: interests-strong-match, label: Strong, min: .nan, score: 2, because: Yes.}
`, "NaN is outside -1..1, the range of a correlation"},
		{"score of no number", `paths:
  - id: extra
    title: Extra
    level: technician
    summary: An extra path.
    interests: [R]
    interest_profile:
      scores: {R: .nan, I: 5, A: 1, S: 1, E: 1, C: 1}
      as_of: 2026-02
      source: onet-interests-30-2
      status: official
    salary: {median: 1, per: year, as_of: 2024-05, source: onet-interests-30-2, status: official}
`, "interest_profile: R is NaN; O*NET's scores are 1 to 7"},
		{"item that cannot be skipped", `questions:
  - {id: interest_r1, section: activities, kind: scale, area: R, prompt: Fix things, label: Fixing, default: 3}
`, "local.yaml:2:5: question interest_r1: an inventory item (area R) is a scale question with skip"},
		{"item of no area", `questions:
  - {id: interest_r1, section: activities, kind: scale, area: Q, skip: Skip, prompt: Fix things, label: Fixing}
`, `question interest_r1: area "Q"; allowed: R, I, A, S, E, C`},
		{"skip on a choice", `questions:
  - {id: goal, section: situation, kind: choice, skip: Skip, prompt: Goal, label: Goal, options: [{value: a, label: A}], default: a}
`, "question goal: skip is only for scale questions, not choice"},
		{"labels that do not fit the scale", `questions:
  - {id: lab_work, section: interests, kind: scale, prompt: Lab work, label: Lab, scale_labels: [a, b, c], default: 3}
`, "question lab_work: scale_labels names the two ends or every point (5 labels), not 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := advisor.Load(data.FS, advisor.Layer{Dir: "", FS: mapFS(map[string]string{"local.yaml": tt.overlay})})
			var de *advisor.DataError
			if !errors.As(err, &de) {
				t.Fatalf("want a *DataError, got %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("missing %q in:\n%v", tt.want, err)
			}
		})
	}
}

func TestCorrelationBands(t *testing.T) {
	e := embedded(t)
	// a student whose profile has the shape of the MLT's O*NET profile
	// (R 6.01, I 5.89, A 1, S 2.88, E 1, C 4.85) matches it almost exactly
	r := e.Recommend(rate(base(), map[byte][]int{'R': {5}, 'I': {5}, 'A': {1}, 'S': {2, 2, 3, 3}, 'E': {1}, 'C': {4}}))
	m := pathOf(t, r, "mlt").InterestMatch
	if m == nil || m.Correlation < 0.95 || m.Band != "interests-strong-match" || m.Delta != 3 {
		t.Errorf("mlt match %+v; want a correlation near 1 in the strong band", m)
	}
	if got := advisor.MatchWords(m); !strings.HasPrefix(got, "Interest match: Strong match (O*NET interest code RIC; correlation ") {
		t.Errorf("MatchWords: %q", got)
	}
}

// BenchmarkRecommendWithInventory is BenchmarkRecommend's career changer with
// all 24 activities rated, so the profile and the ten matches are worked out.
func BenchmarkRecommendWithInventory(b *testing.B) {
	e := embedded(b)
	a := rate(goldenPersonas["career-changer"].Clone(), map[byte][]int{'R': {4, 4, 3, 5}, 'I': {5}, 'A': {1, 2, 1, 2}, 'S': {3}, 'E': {2}, 'C': {4}})
	b.ReportAllocs()
	for b.Loop() {
		e.Recommend(a)
	}
}

// A counselor's rule may read an activity item directly: the item is then
// in the conditions' environment like any other answer.
func TestRuleReadsAnItem(t *testing.T) {
	overlay := mapFS(map[string]string{"local.yaml": `rules:
  - id: local-loves-microscopes
    when: interest_i2 == 5
    score: {histotechnician: 4}
    because: You loved looking at cells; our histology program starts in May.
`})
	e, err := advisor.Load(data.FS, advisor.Layer{Dir: "school", FS: overlay})
	if err != nil {
		t.Fatal(err)
	}
	for v, want := range map[int]bool{5: true, 4: false} {
		r := e.Recommend(advisor.Answers{"interest_i2": v})
		fired := strings.Contains(reasonText(pathOf(t, r, "histotechnician")), "our histology program")
		if fired != want {
			t.Errorf("interest_i2 = %d: the rule fired %v, want %v", v, fired, want)
		}
		if top := e.Top(advisor.Answers{"interest_i2": v}); (top.ID == "histotechnician") != want && want {
			t.Errorf("interest_i2 = %d: the cohort's top is %s", v, top.ID)
		}
	}
}

// Compare says when the interest code changes, and not when it does not.
func TestCompareNamesTheInterestCode(t *testing.T) {
	e := embedded(t)
	sr := rate(base(), map[byte][]int{'R': {4, 4, 4, 5}, 'I': {1, 2, 2, 2}, 'A': {1}, 'S': {5}, 'E': {1, 2, 2, 2}, 'C': {2}})
	ic := rate(base(), map[byte][]int{'R': {2}, 'I': {5}, 'A': {2}, 'S': {1}, 'E': {1}, 'C': {4}})
	tests := []struct {
		before, after advisor.Answers
		want          string
	}{
		{sr, ic, "Interest code changed: SRC -> ICR"},
		{base(), sr, "Interest code changed: none -> SRC"},
		{sr, sr, ""},
	}
	for _, tt := range tests {
		d := e.Compare(tt.before, tt.after)
		var b strings.Builder
		e.WriteDiffText(&b, d)
		if got := d.InterestCodeWords(); got != tt.want {
			t.Errorf("InterestCodeWords = %q, want %q", got, tt.want)
		}
		if tt.want != "" && !strings.Contains(b.String(), tt.want) {
			t.Errorf("the text lacks %q:\n%s", tt.want, b.String())
		}
		if tt.want == "" && strings.Contains(b.String(), "Interest code") {
			t.Errorf("an unchanged code is named:\n%s", b.String())
		}
	}
}
