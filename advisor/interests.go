package advisor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/expr-lang/expr/vm"
)

// This file is the interest inventory: the student's interest profile from
// the activity ratings, and how well it matches each path's O*NET profile.
//
// The profile. Each inventory item (a skippable scale question with an area)
// is rated 1 (dislike a lot) to 5 (like a lot), or skipped (0). An area's
// score is the mean of its answered items put on 0..100: (mean-1)/4*100.
// The code is the three areas with the highest scores, strongest first; a tie
// keeps RIASEC order. The profile counts toward the ranking (it is "scored")
// only when every area has at least minPerArea answered items and the scores
// are not flat: the highest is at least flatSpread above the lowest.
//
// The match. A path's profile is O*NET's six interest scores for its
// occupation (1..7). The match is the Pearson correlation of the student's
// six area means with those six scores, from -1 (opposite) to 1 (same
// shape). It measures the shape of the two profiles, not their level, so a
// student who likes everything a little is matched as one who likes
// everything a lot. The first band of interest_match (rules.yaml) that the
// correlation reaches adds its score to the path, with its sentence.

// riasec is the order of the six interest areas.
const riasec = "RIASEC"

const (
	// minPerArea is how many items of each area must be answered for the
	// profile to count.
	minPerArea = 2
	// flatSpread is the least gap, on 0..100, between the highest and the
	// lowest area score for the profile to count: one step of the scale.
	flatSpread = 25
)

// InterestArea is one of the six RIASEC interest areas, in words.
type InterestArea struct {
	// ID is the area's letter: R, I, A, S, E or C.
	ID string `yaml:"id"`
	// Name is the area's name (Realistic).
	Name string `yaml:"name"`
	// Gloss says in a few words what it is about (hands-on work).
	Gloss string `yaml:"gloss"`
	// Text says it in a sentence, for the profile's legend.
	Text string `yaml:"text"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// PathInterests is an occupation's six O*NET interest scores, on the 1..7
// scale of O*NET's database (interest_profile: in paths.yaml).
type PathInterests struct {
	Scores map[string]float64 `yaml:"scores"`
	AsOf   string             `yaml:"as_of"`
	Source Ref                `yaml:"source"`
	Status Status             `yaml:"status"`
	Note   string             `yaml:"note"`

	pos Pos        // where in the file (set by the loader)
	vec [6]float64 // Scores in RIASEC order (set by the loader)
}

// MatchBand is one band of the interest match: when the correlation is at
// least Min (or at most Max), the path's score changes by Score and the
// student is told Because. Because may name {shared} (the areas both codes
// have, as the student ranks them), {low} (the path's areas the student
// liked least) and {code} (the path's O*NET code); a band that names
// {shared} or {low} applies only when there is such an area.
type MatchBand struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Min     *float64 `yaml:"min"`
	Max     *float64 `yaml:"max"`
	Score   int      `yaml:"score"`
	Because string   `yaml:"because"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// InterestProfile is the student's interest profile from the inventory.
type InterestProfile struct {
	// Scores are the six areas in RIASEC order (empty when skipped).
	Scores []AreaScore `json:"scores"`
	// Code is the top three areas, strongest first ("IRC"); empty when the
	// profile does not count.
	Code string `json:"code"`
	// Skipped says the inventory was not taken: no item was rated.
	Skipped bool `json:"skipped"`
	// Scored says the profile counts toward the ranking.
	Scored bool `json:"scored"`
	// Flat says the ratings were too even to point anywhere.
	Flat     bool `json:"flat"`
	Answered int  `json:"answered"`
	Items    int  `json:"items"`
	// Note says in a sentence what the profile is and whether it counted.
	Note string `json:"note"`

	means [6]float64 // area means, 1..5 (0 for an area with no answer)
	order []byte     // the area letters, highest mean first (when scored)
	vals  [6]int     // the scores Scores point to
}

// AreaScore is one area of a profile.
type AreaScore struct {
	Area string `json:"area"`
	Name string `json:"name"`
	// Score is 0..100; nil when none of the area's items was rated.
	Score    *int `json:"score"`
	Answered int  `json:"answered"`
	Items    int  `json:"items"`
}

// InterestMatch is how a path's O*NET interest profile matches the student's.
type InterestMatch struct {
	// Code is the occupation's O*NET interest code.
	Code string `json:"code"`
	// Correlation is the match, -1..1, to two decimals.
	Correlation float64 `json:"correlation"`
	// Band is the id of the band that scored, if any; Label names it.
	Band  string `json:"band,omitempty"`
	Label string `json:"label"`
	Delta int    `json:"delta"`
	// Shared are the areas both codes have, as the student ranks them.
	Shared []string `json:"shared"`
}

// InterestAreas returns the six interest areas in RIASEC order.
func (e *Engine) InterestAreas() []*InterestArea { return e.areas }

// InterestArea returns the area with letter id, or nil.
func (e *Engine) InterestArea(id string) *InterestArea {
	if i := strings.Index(riasec, id); i >= 0 && len(id) == 1 && i < len(e.areas) {
		return e.areas[i]
	}
	return nil
}

// IsInventoryItem reports whether q is an item of the interest inventory.
func (q *Question) IsInventoryItem() bool { return q.Area != "" }

// InInventory reports whether q belongs to the interest inventory's section
// (its items and the question that offers them): reports show the profile
// instead of these answers, and never list them as assumed.
func (e *Engine) InInventory(q *Question) bool {
	s := e.Section(q.Section.ID)
	return s != nil && s.Inventory
}

// Interests returns the interest profile for answers a (the answers that
// count, as [Engine.VisibleAnswers] gives them).
func (e *Engine) Interests(a Answers) *InterestProfile {
	var m vm.VM
	return e.profile(&m, e.fillCondEnv(make(map[string]any, len(e.condQs)+2), a), a)
}

// profile works out the interest profile: the items visible for these
// answers (their show_if holds) that were rated.
func (e *Engine) profile(m *vm.VM, env map[string]any, a Answers) *InterestProfile {
	p := &InterestProfile{Items: len(e.items)}
	if len(e.items) == 0 {
		p.Skipped = true
		p.Note = profileNoteNone
		return p
	}
	var sum [6]int
	var answered, items [6]int
	// the items share their show_if: each distinct condition is evaluated once
	var lastProg *vm.Program
	var lastShown bool
	for _, qi := range e.items {
		q := e.questions[qi]
		k := strings.IndexByte(riasec, q.Area[0])
		items[k]++
		v, ok := a[q.ID].(int)
		if !ok || v < 1 {
			continue
		}
		if q.ShowIf.prog == nil || q.ShowIf.prog != lastProg {
			lastProg, lastShown = q.ShowIf.prog, eval(m, &q.ShowIf, env)
		}
		if !lastShown {
			continue
		}
		sum[k] += v
		answered[k]++
		p.Answered++
	}
	if p.Answered == 0 {
		p.Skipped = true
		p.Scores = []AreaScore{}
		p.Note = profileNoteSkipped
		return p
	}
	p.Scores = make([]AreaScore, 6)
	complete := true
	lo, hi := 101, -1
	for k := range 6 {
		as := AreaScore{Area: riasec[k : k+1], Answered: answered[k], Items: items[k]}
		if k < len(e.areas) {
			as.Name = e.areas[k].Name
		}
		if answered[k] > 0 {
			p.means[k] = float64(sum[k]) / float64(answered[k])
			s := int(math.Round((p.means[k] - 1) / 4 * 100))
			p.vals[k] = s
			as.Score = &p.vals[k]
			lo, hi = min(lo, s), max(hi, s)
		}
		if answered[k] < min(minPerArea, items[k]) {
			complete = false
		}
		p.Scores[k] = as
	}
	switch {
	case !complete:
		p.Note = fmt.Sprintf(profileNoteIncomplete, minPerArea)
	case hi-lo < flatSpread:
		p.Flat = true
		p.Note = profileNoteFlat
	default:
		p.Scored = true
		p.order = p.ranked()
		p.Code = string(p.order[:3])
		p.Note = profileNoteScored
	}
	return p
}

// ranked returns the area letters from the highest mean to the lowest; a
// tie keeps RIASEC order.
func (p *InterestProfile) ranked() []byte {
	order := []byte(riasec)
	slices.SortStableFunc(order, func(x, y byte) int {
		return cmp.Compare(p.means[strings.IndexByte(riasec, y)], p.means[strings.IndexByte(riasec, x)])
	})
	return order
}

// correlation is the Pearson correlation of x and y, or NaN when either is
// flat.
func correlation(x, y [6]float64) float64 {
	var mx, my float64
	for i := range 6 {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/6, my/6
	var sxy, sxx, syy float64
	for i := range 6 {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// match is how path p matches a scored profile, and the band that scores
// it (nil when none applies) with its sentence (only when words are
// wanted: a cohort row needs the score alone). It is nil when the path has
// no profile.
func (e *Engine) match(prof *InterestProfile, p *Path, words bool) (*InterestMatch, *MatchBand, string) {
	pi := p.InterestProfile
	if pi == nil || !prof.Scored {
		return nil, nil, ""
	}
	r := correlation(prof.means, pi.vec)
	if math.IsNaN(r) {
		return nil, nil, ""
	}
	b := e.band(r, prof.order, p.code)
	if !words {
		return nil, b, ""
	}
	im := &InterestMatch{Code: p.code, Correlation: math.Round(r*100) / 100, Label: MatchNone, Shared: make([]string, 0, 3)}
	for _, c := range prof.order[:3] {
		if strings.IndexByte(p.code, c) >= 0 {
			im.Shared = append(im.Shared, string(c))
		}
	}
	if b == nil {
		return im, nil, ""
	}
	var low []string // the path's areas the student ranks lowest, in the path's order
	for _, c := range p.Interests {
		if strings.Contains(string(prof.order[3:]), c) {
			low = append(low, c)
		}
	}
	im.Band, im.Label, im.Delta = b.ID, b.Label, b.Score
	because := strings.ReplaceAll(b.Because, "{code}", im.Code)
	if strings.Contains(because, "{shared}") {
		because = strings.ReplaceAll(because, "{shared}", e.areaList(im.Shared))
	}
	if strings.Contains(because, "{low}") {
		because = strings.ReplaceAll(because, "{low}", e.areaList(low))
	}
	return im, b, because
}

// band is the first band that correlation r reaches for a path with
// interest code, where ranked are the student's areas, strongest first: a
// band that names {shared} needs one of the path's areas among the
// student's top three, one that names {low} one among the other three.
func (e *Engine) band(r float64, ranked []byte, code string) *MatchBand {
	shared, low := false, false
	for i, c := range ranked {
		if strings.IndexByte(code, c) >= 0 {
			shared = shared || i < 3
			low = low || i >= 3
		}
	}
	for _, b := range e.bands {
		if (b.Min != nil && r < *b.Min) || (b.Max != nil && r > *b.Max) {
			continue
		}
		if (!shared && strings.Contains(b.Because, "{shared}")) || (!low && strings.Contains(b.Because, "{low}")) {
			continue
		}
		return b
	}
	return nil
}

// areaList names areas for a sentence: "Investigative (science and
// puzzles) and Realistic (hands-on work)".
func (e *Engine) areaList(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if k := strings.Index(riasec, id); k >= 0 && len(id) == 1 && e.areaWords[k] != "" {
			names[i] = e.areaWords[k]
		}
	}
	return joinAnd(names)
}

// scoreInterests adds each path's interest match to its score (and reason);
// it returns the matches, per path, when reasons are wanted.
func (e *Engine) scoreInterests(prof *InterestProfile, scores []int, reasons [][]Reason) []*InterestMatch {
	if !prof.Scored {
		return nil
	}
	var out []*InterestMatch
	if reasons != nil {
		out = make([]*InterestMatch, len(e.paths))
	}
	for i, p := range e.paths {
		im, band, because := e.match(prof, p, reasons != nil)
		if band != nil { // with or without its words, the same band (TestCohortBandIsReportBand)
			scores[i] += band.Score
			if reasons != nil {
				reasons[i] = append(reasons[i], Reason{Rule: band.ID, Because: because, Delta: band.Score, Reads: e.itemIDs})
			}
		}
		if out != nil {
			out[i] = im
		}
	}
	return out
}

// linkInterests checks the areas, the items, the paths' profiles and the
// bands, and lists the items.
func (e *Engine) linkInterests(ps *problems) {
	// the areas, in RIASEC order
	byID := map[string]*InterestArea{}
	for _, a := range e.areas {
		if len(a.ID) != 1 || !strings.Contains(riasec, a.ID) {
			ps.add(a.file, a.pos, "interest area %q: the id is one of the letters R, I, A, S, E, C", a.ID)
			continue
		}
		if a.Name == "" || a.Gloss == "" || a.Text == "" {
			ps.add(a.file, a.pos, "interest area %s: needs a name, a gloss and a text", a.ID)
		}
		byID[a.ID] = a
	}
	var items []int
	for i, q := range e.questions {
		where := "question " + q.ID
		if q.Skip != "" && q.Kind != KindScale {
			ps.add(q.file, q.pos, "%s: skip is only for scale questions, not %s", where, q.Kind)
		}
		if q.Skip != "" && q.Min != nil && *q.Min < 1 {
			ps.add(q.file, q.pos, "%s: a skippable scale starts at 1 or more (0 is the skip)", where)
		}
		if n := len(q.ScaleLabels); n != 0 && n != 2 && q.Kind == KindScale && q.Min != nil && q.Max != nil && n != *q.Max-*q.Min+1 {
			ps.add(q.file, q.pos, "%s: scale_labels names the two ends or every point (%d labels), not %d", where, *q.Max-*q.Min+1, n)
		}
		if q.Area == "" {
			continue
		}
		if len(q.Area) != 1 || !strings.Contains(riasec, q.Area) {
			ps.add(q.file, q.pos, "%s: area %q; allowed: R, I, A, S, E, C", where, q.Area)
			continue
		}
		if q.Kind != KindScale || q.Skip == "" {
			ps.add(q.file, q.pos, "%s: an inventory item (area %s) is a scale question with skip", where, q.Area)
			continue
		}
		items = append(items, i)
	}
	e.items = items
	e.itemIDs = make([]string, len(items))
	for i, qi := range items {
		e.itemIDs[i] = e.questions[qi].ID
	}
	if len(items) > 0 {
		e.areas = e.areas[:0]
		for _, c := range riasec {
			a := byID[string(c)]
			if a == nil {
				ps.add("questions.yaml", Pos{}, "interest_areas: no area %c; the inventory needs all six, R, I, A, S, E and C", c)
				a = &InterestArea{ID: string(c), Name: string(c)}
			}
			e.areas = append(e.areas, a)
			e.areaWords[len(e.areas)-1] = a.Name
			if a.Gloss != "" {
				e.areaWords[len(e.areas)-1] += " (" + a.Gloss + ")"
			}
		}
	}
	for _, p := range e.paths {
		pi := p.InterestProfile
		where := "path " + p.ID
		for _, c := range p.Interests {
			if len(c) != 1 || !strings.Contains(riasec, c) {
				ps.add(p.file, p.pos, "%s: interests: %q is not one of R, I, A, S, E, C", where, c)
			}
		}
		p.code = strings.Join(p.Interests, "")
		if pi == nil {
			continue
		}
		for k, v := range pi.Scores {
			i := strings.Index(riasec, k)
			if len(k) != 1 || i < 0 {
				ps.add(p.file, pi.pos, "%s: interest_profile: %q is not one of R, I, A, S, E, C", where, k)
				continue
			}
			if v < 1 || v > 7 || math.IsNaN(v) {
				ps.add(p.file, pi.pos, "%s: interest_profile: %s is %v; O*NET's scores are 1 to 7", where, k, v)
			}
			pi.vec[i] = v
		}
		if len(pi.Scores) != 6 {
			ps.add(p.file, pi.pos, "%s: interest_profile needs all six scores (R, I, A, S, E, C), has %d", where, len(pi.Scores))
		}
		if len(p.Interests) == 0 {
			ps.add(p.file, pi.pos, "%s: interest_profile needs the O*NET code as interests: [R, I, C]", where)
		}
		if pi.AsOf == "" {
			ps.add(p.file, pi.pos, "%s: interest_profile has no as_of date", where)
		}
		if !validStatus(pi.Status) {
			ps.add(p.file, pi.pos, "%s: interest_profile status %q; allowed: %s", where, pi.Status, quoteList(names(statuses)))
		}
		e.requireSource(pi.Source, p.file, pi.pos, where+" interest_profile", ps)
	}
	for _, b := range e.bands {
		where := "interest_match " + b.ID
		if b.Label == "" || b.Because == "" {
			ps.add(b.file, b.pos, "%s: needs a label and a because", where)
		}
		if (b.Min == nil) == (b.Max == nil) {
			ps.add(b.file, b.pos, "%s: give min (the match is at least) or max (at most), not both", where)
		}
		for _, f := range []*float64{b.Min, b.Max} {
			if f != nil && (*f < -1 || *f > 1 || math.IsNaN(*f)) {
				ps.add(b.file, b.pos, "%s: %v is outside -1..1, the range of a correlation", where, *f)
			}
		}
		rest := b.Because
		for _, ph := range []string{"{shared}", "{low}", "{code}"} {
			rest = strings.ReplaceAll(rest, ph, "")
		}
		if strings.ContainsAny(rest, "{}") {
			ps.add(b.file, b.pos, "%s: because may name {shared}, {low} and {code}, nothing else in braces", where)
		}
	}
}

// ProfileHeading heads the interest profile wherever it is shown.
const ProfileHeading = "Your interest profile"

// ProfileRow is one area of a profile as every front end draws it: a bar of
// Score (0..100) with the name, the number and the gloss, so the bar's
// length is never the only signal.
type ProfileRow struct {
	Area  string // the letter
	Name  string // Realistic
	Gloss string // hands-on work
	Score int    // 0..100 (0 when not rated)
	Rated bool   // at least one of the area's items was rated
	// Top is the area's place in the code (1, 2 or 3), 0 when not in it.
	Top int
}

// ProfileRows returns the profile's six areas in RIASEC order, ready to
// draw; nil when the inventory was skipped.
func (e *Engine) ProfileRows(p *InterestProfile) []ProfileRow {
	if p == nil || p.Skipped {
		return nil
	}
	rows := make([]ProfileRow, 0, len(p.Scores))
	for _, s := range p.Scores {
		r := ProfileRow{Area: s.Area, Name: s.Name, Rated: s.Score != nil, Top: strings.Index(p.Code, s.Area) + 1}
		if s.Score != nil {
			r.Score = *s.Score
		}
		if a := e.InterestArea(s.Area); a != nil {
			r.Gloss = a.Gloss
		}
		rows = append(rows, r)
	}
	return rows
}

// CodeWords says the profile's code in words: "Your interest code: SRC
// (Social, Realistic, Conventional)"; "" when the profile has no code.
func (e *Engine) CodeWords(p *InterestProfile) string {
	if p == nil || p.Code == "" {
		return ""
	}
	names := make([]string, 0, 3)
	for _, c := range p.Code {
		if a := e.InterestArea(string(c)); a != nil {
			names = append(names, a.Name)
		}
	}
	return fmt.Sprintf("Your interest code: %s (%s)", p.Code, strings.Join(names, ", "))
}

// Bar draws a 0..100 score as width cells: the filled share with full, the
// rest with empty (a score above 0 shows at least one cell).
func Bar(score, width int, full, empty string) string {
	score = min(max(score, 0), 100)
	n := int(math.Round(float64(score) * float64(width) / 100))
	if score > 0 && n == 0 {
		n = 1
	}
	return strings.Repeat(full, n) + strings.Repeat(empty, width-n)
}

// MatchLead opens a path's interest match in a line (MatchWords).
const MatchLead = "Interest match: "

// MatchText says a path's interest match after MatchLead: "Strong match
// (O*NET interest code SRC; correlation 0.84)"; "" for nil.
func MatchText(m *InterestMatch) string {
	if m == nil {
		return ""
	}
	return fmt.Sprintf("%s (O*NET interest code %s; correlation %.2f)", m.Label, m.Code, m.Correlation)
}

// MatchWords says a path's interest match in a line: "Interest match:
// Strong match (O*NET interest code SRC; correlation 0.84)".
func MatchWords(m *InterestMatch) string {
	if m == nil {
		return ""
	}
	return MatchLead + MatchText(m)
}

// Place says a code letter's place in words: "1st", "2nd", "3rd"; "" for 0.
func Place(top int) string {
	switch top {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return ""
}

// Words says a profile row as a plain line, for a screen reader or a
// reader without the chart: "Social: 94 of 100, helping people (1st in
// your code)", or "Artistic: not rated".
func (r ProfileRow) Words() string {
	s := r.Name + ": not rated"
	if r.Rated {
		s = fmt.Sprintf("%s: %d of 100, %s", r.Name, r.Score, r.Gloss)
	}
	if r.Top > 0 {
		s += " (" + Place(r.Top) + " in your code)"
	}
	return s
}
