package advisor

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Staleness is checked, not remembered: sources.yaml declares, per source
// family (BLS wages, BLS projections, College Board prices), the newest
// release the data uses, and [Engine.Staleness] lists every figure that is
// older than its family's newest release, every figure more than
// [StaleMonths] months older than today, and every source address that is a
// site root rather than a page. `medpath validate` prints them as warnings;
// `medpath validate --strict` fails on them.
//
// The figures checked are the ones a person reads as true today: each
// path's pay (its as_of), each state pay figure (its as_of; a state figure
// may be one release behind the national one, as the engine shows it only
// then, and so also 12 months older than the age limit), each outlook (the first year of its period), each credential fee
// (its as_of), each plan step's cost (the as_of of its source) and each
// state licence's facts (its as_of). An undated figure cannot be judged
// and is not listed. A date written as a year alone ("2025") is taken as
// the last month of that year for the age check, so it is listed only when
// it is certainly too old.

// StaleMonths is how many months older than today a figure may be.
const StaleMonths = 30

// month is a release or as-of date to the month; yearOnly marks a date
// written as a year alone.
type month struct {
	y, m     int
	yearOnly bool
}

func (m month) index() int { return m.y*12 + m.m - 1 }

func (m month) String() string {
	if m.yearOnly {
		return strconv.Itoa(m.y)
	}
	return fmt.Sprintf("%d-%02d", m.y, m.m)
}

// parseMonth reads "2024-05", "2024-05-31", "2024" or a period "2024-2034"
// (its first year). It reports false for anything else, such as "undated".
func parseMonth(s string) (month, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 9 && s[4] == '-' { // a period: 2024-2034
		s = s[:4]
	}
	if len(s) >= 7 && s[4] == '-' {
		y, err1 := strconv.Atoi(s[:4])
		mo, err2 := strconv.Atoi(s[5:7])
		if err1 != nil || err2 != nil || mo < 1 || mo > 12 || (len(s) != 7 && (len(s) != 10 || s[7] != '-')) {
			return month{}, false
		}
		return month{y: y, m: mo}, true
	}
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil {
			return month{}, false
		}
		return month{y: y, m: 12, yearOnly: true}, true
	}
	return month{}, false
}

// siteRoot reports whether u is a site's home page rather than a page on it.
func siteRoot(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return false
	}
	return (p.Path == "" || p.Path == "/") && p.RawQuery == "" && p.Fragment == ""
}

// olderRelease reports whether a figure of date d is older than the newest
// release n of its family, allowing behind releases (a state figure may be
// one behind). When either is a year alone, years are compared.
func olderRelease(d, n month, behind int) bool {
	if d.yearOnly || n.yearOnly {
		return d.y < n.y-behind
	}
	return d.index() < n.index()-12*behind
}

// Staleness lists the data's stale figures and site-root sources as of
// today, in file and line order (see the comment at the top of this file).
// The advisor reads no clock: the caller passes today's date.
func (e *Engine) Staleness(today time.Time) []Problem {
	var ps problems
	now := month{y: today.Year(), m: int(today.Month())}
	check := func(file string, pos Pos, what, asOf string, src Ref, behind int) {
		d, ok := parseMonth(asOf)
		if !ok {
			return
		}
		if s := e.sourceIndex[src.ID]; s != nil && s.Family.ID != "" {
			if f := e.familyIndex[s.Family.ID]; f != nil {
				if n, ok := parseMonth(f.Newest); ok && olderRelease(d, n, behind) {
					allowed := ""
					if behind > 0 {
						allowed = fmt.Sprintf(" (a figure may be %s behind)", plural(behind, "release", "releases"))
					}
					ps.add(file, pos, "%s: as of %s, older than the newest %s release the data uses (%s)%s; update it from that release",
						what, d, f.ID, n, allowed)
					return
				}
			}
		}
		if limit := StaleMonths + 12*behind; now.index()-d.index() > limit {
			ps.add(file, pos, "%s: as of %s, more than %d months before %s; check it and update it or its date",
				what, d, limit, today.Format(time.DateOnly))
		}
	}
	for _, p := range e.paths {
		where := "path " + p.ID
		if p.Salary.Median > 0 {
			check(p.file, p.Salary.pos, where+" salary", p.Salary.AsOf, p.Salary.Source, 0)
		}
		if p.Outlook.Period != "" {
			check(p.file, p.Outlook.pos, where+" outlook", p.Outlook.Period, p.Outlook.Source, 0)
		}
		for i := range p.Steps {
			st := &p.Steps[i]
			if st.Cost.Max <= 0 || st.Source.ID == "" {
				continue
			}
			if s := e.sourceIndex[st.Source.ID]; s != nil {
				check(p.file, st.Cost.Pos, fmt.Sprintf("%s step %s cost (source %s)", where, st.ID, s.ID), s.AsOf, st.Source, 0)
			}
		}
	}
	for _, sp := range e.statePay {
		check(sp.file, sp.pos, fmt.Sprintf("state_pay %s %s", sp.SOC, sp.State), sp.AsOf, sp.Source, 1)
	}
	for _, c := range e.credentials {
		if c.Fee != nil {
			check(c.file, c.Fee.pos, "credential "+c.ID+" fee", c.Fee.AsOf, c.Fee.Source, 0)
		}
	}
	for _, s := range e.states {
		if l := s.Licence; l != nil {
			check(s.file, l.pos, "state "+s.Code+" licence", l.AsOf, l.Source, 0)
		}
	}
	for _, s := range e.sources {
		if siteRoot(s.URL) {
			ps.add(s.file, s.pos, "source %q: url %q is a site root, not the page the figure is on; give the page's address", s.ID, s.URL)
		}
	}
	return ps.sorted()
}
