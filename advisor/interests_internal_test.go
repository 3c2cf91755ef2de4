package advisor

import (
	"math/rand/v2"
	"testing"

	"medpath/data"
)

// TestCohortBandIsReportBand checks that a cohort row's band (band, no
// words) is the report's (match with its sentence) for every path, over
// many random profiles, so the two ways of scoring never rank apart.
func TestCohortBandIsReportBand(t *testing.T) {
	e, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(13, 13))
	scored := 0
	for range 3000 {
		a := Answers{}
		for _, id := range e.itemIDs {
			a[id] = r.IntN(6) // 0 skips
		}
		prof := e.Interests(a)
		if !prof.Scored {
			continue
		}
		scored++
		for _, p := range e.paths {
			im, want, _ := e.match(prof, p, true)
			_, got, _ := e.match(prof, p, false)
			if got != want {
				t.Fatalf("%s, profile %v: the cohort's band %v, the report's %v (%+v)", p.ID, prof.Scores, got, want, im)
			}
		}
	}
	if scored < 1000 {
		t.Fatalf("only %d of 3000 random profiles were scored", scored)
	}
}
