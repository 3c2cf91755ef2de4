package advisor

import (
	"fmt"
	"github.com/expr-lang/expr/vm"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Layer is a folder of data files that overlays the embedded data: an item
// whose id already exists replaces it in place, a new id adds one.
type Layer struct {
	// Dir names the layer in messages, such as "school/paths.yaml:3:5".
	Dir string
	FS  fs.FS
}

// Load reads every *.yaml file of base (the data medpath ships with), then of
// each overlay in the order given, and returns the validated engine. All
// problems are reported together in a [*DataError].
//
// Nothing depends on file names or on the order a folder lists its files:
// the files of a folder are merged in name order, an id defined twice within
// one folder is a problem, and the paths an overlay adds come after the
// others in order of id, since that order breaks ties in ranking (see
// [Engine.Recommend]).
//
// When base's files are the ones builtin_gen.go was generated from (the
// embedded data, unedited), their decoded form there is used instead of
// parsing them; every check and condition compile runs all the same.
func Load(base fs.FS, overlays ...Layer) (*Engine, error) {
	return load(base, true, overlays)
}

// load is Load; builtin false always parses the YAML, never the generated
// files of builtin_gen.go (for benchmarks and tests of the YAML path).
func load(base fs.FS, builtin bool, overlays []Layer) (*Engine, error) {
	e := newEngine()
	var ps problems
	complete := true // every file decoded, so references can be checked
	layers := append([]Layer{{FS: base}}, overlays...)
	for li, l := range layers {
		names, contents, ok := readDataFiles(l.FS, l.Dir, &ps)
		if !ok {
			complete = false
		}
		sortByName(names, contents) // whatever order the folder listed them in
		// files are parsed in parallel under the layer's budget, then merged in name order
		display := make([]string, len(names))
		for i, name := range names {
			display[i] = name
			if l.Dir != "" {
				display[i] = path.Join(l.Dir, name)
			}
		}
		fileProblems := make([]problems, len(names))
		var parsed []*dataFile
		if li == 0 && builtin && ok {
			parsed = builtinFor(names, contents) // the embedded files, parsed at build time (builtin.go)
		}
		if parsed == nil {
			parsed = parseLayer(l.Dir, display, contents, fileProblems)
		}
		seen := map[string]string{} // kind/id -> where, to catch duplicates within a layer
		known := len(e.paths)
		for i, df := range parsed {
			ps = append(ps, fileProblems[i]...)
			if df == nil {
				complete = false
				continue
			}
			e.merge(df, seen, &ps)
		}
		if li > 0 {
			added := e.paths[known:]
			slices.SortStableFunc(added, func(a, b *Path) int { return strings.Compare(a.ID, b.ID) })
		}
	}
	if complete {
		e.link(&ps)
	}
	if len(ps) > 0 {
		return nil, &DataError{Problems: ps.sorted()}
	}
	return e, nil
}

// sortByName puts the files of a layer in name order, their contents with them.
func sortByName(names []string, contents [][]byte) {
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	n, c := slices.Clone(names), slices.Clone(contents)
	for to, from := range idx {
		names[to], contents[to] = n[from], c[from]
	}
}

// parseDataFile decodes one data file strictly and records where each item is.
func parseDataFile(name string, b []byte, lb *layerBudget, ps *problems) *dataFile {
	root := parseYAMLIn(name, b, lb, ps)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		ps.add(name, posOf(root), "a data file is a mapping of lists (sections:, questions:, paths:, ...)")
		return nil
	}
	checkKeys(root, typeOfDataFile, name, ps)
	var df dataFile
	if err := root.Decode(&df); err != nil {
		addYAMLError(name, err, ps)
		return nil
	}
	annotate(name, root, &df)
	return &df
}

// annotate stores the file and position of every item, for later messages.
func annotate(name string, root *yaml.Node, df *dataFile) {
	nodes := items(root, "sections")
	for i := range df.Sections {
		df.Sections[i].file, df.Sections[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "questions")
	for i := range df.Questions {
		df.Questions[i].file, df.Questions[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "levels")
	for i := range df.Levels {
		df.Levels[i].file, df.Levels[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "paths")
	for i := range df.Paths {
		p := &df.Paths[i]
		p.file, p.pos = name, itemPos(nodes, i, Pos{})
		var pn *yaml.Node
		if i < len(nodes) {
			pn = nodes[i]
		}
		if sn := child(pn, "salary"); sn != nil {
			p.Salary.pos = posOf(sn)
		} else {
			p.Salary.pos = p.pos
		}
		p.Outlook.pos = p.pos
		if on := child(pn, "outlook"); on != nil {
			p.Outlook.pos = posOf(on)
		}
		if pi := p.InterestProfile; pi != nil {
			pi.pos = p.pos
			if in := child(pn, "interest_profile"); in != nil {
				pi.pos = posOf(in)
			}
		}
		steps := items(pn, "steps")
		for j := range p.Steps {
			p.Steps[j].pos = itemPos(steps, j, p.pos)
		}
	}
	nodes = items(root, "bodies")
	for i := range df.Bodies {
		df.Bodies[i].file, df.Bodies[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "credentials")
	for i := range df.Credentials {
		c := &df.Credentials[i]
		c.file, c.pos = name, itemPos(nodes, i, Pos{})
		var cn *yaml.Node
		if i < len(nodes) {
			cn = nodes[i]
		}
		if c.Fee != nil {
			c.Fee.pos = c.pos
			if fn := child(cn, "fee"); fn != nil {
				c.Fee.pos = posOf(fn)
			}
		}
		routes := items(cn, "routes")
		for j := range c.Routes {
			c.Routes[j].pos = itemPos(routes, j, c.pos)
		}
	}
	nodes = items(root, "states")
	for i := range df.States {
		df.States[i].file, df.States[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "rules")
	for i := range df.Rules {
		df.Rules[i].file, df.Rules[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "sources")
	for i := range df.Sources {
		df.Sources[i].file, df.Sources[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "faq")
	for i := range df.FAQ {
		df.FAQ[i].file, df.FAQ[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "examples")
	for i := range df.Examples {
		df.Examples[i].file, df.Examples[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "state_pay")
	for i := range df.StatePay {
		df.StatePay[i].file, df.StatePay[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "families")
	for i := range df.Families {
		df.Families[i].file, df.Families[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "funding")
	for i := range df.Funding {
		df.Funding[i].file, df.Funding[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "interest_areas")
	for i := range df.InterestAreas {
		df.InterestAreas[i].file, df.InterestAreas[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "interest_match")
	for i := range df.InterestMatch {
		df.InterestMatch[i].file, df.InterestMatch[i].pos = name, itemPos(nodes, i, Pos{})
	}
	nodes = items(root, "states")
	for i := range df.States {
		if l := df.States[i].Licence; l != nil {
			l.pos = df.States[i].pos
			if i < len(nodes) {
				if ln := child(nodes[i], "licence"); ln != nil {
					l.pos = posOf(ln)
				}
			}
		}
	}
	if fn := child(root, "fit"); fn != nil {
		df.fitFile, df.fitPos = name, posOf(fn)
	}
	df.name = name
}

// upsert adds item to list, or replaces the item with the same id. Within one
// layer a repeated id is an error; across layers it is an overlay.
func upsert[T any](list *[]*T, item *T, id, kind, file string, pos Pos, seen map[string]string, ps *problems) {
	if id == "" {
		ps.add(file, pos, "%s has no id", kind)
		return
	}
	key := kind + "/" + id
	if where, dup := seen[key]; dup {
		ps.add(file, pos, "duplicate %s id %q (first defined at %s)", kind, id, where)
		return
	}
	seen[key] = fmt.Sprintf("%s:%d", file, pos.Line)
	for i, old := range *list {
		if idOf(old) == id {
			(*list)[i] = item
			return
		}
	}
	*list = append(*list, item)
}

func idOf(v any) string {
	switch x := v.(type) {
	case *Section:
		return x.ID
	case *Question:
		return x.ID
	case *Level:
		return x.ID
	case *Path:
		return x.ID
	case *Body:
		return x.ID
	case *Credential:
		return x.ID
	case *State:
		return x.Code
	case *Rule:
		return x.ID
	case *Source:
		return x.ID
	case *FAQ:
		return x.ID
	case *Example:
		return x.Name
	case *StatePay:
		return x.SOC + "/" + x.State
	case *Family:
		return x.ID
	case *Funding:
		return x.ID
	case *InterestArea:
		return x.ID
	case *MatchBand:
		return x.ID
	}
	return ""
}

func (e *Engine) merge(df *dataFile, seen map[string]string, ps *problems) {
	for i := range df.Sections {
		s := &df.Sections[i]
		upsert(&e.sections, s, s.ID, "section", s.file, s.pos, seen, ps)
	}
	for i := range df.Questions {
		q := &df.Questions[i]
		upsert(&e.questions, q, q.ID, "question", q.file, q.pos, seen, ps)
	}
	for i := range df.Levels {
		l := &df.Levels[i]
		upsert(&e.levels, l, l.ID, "level", l.file, l.pos, seen, ps)
	}
	for i := range df.Paths {
		p := &df.Paths[i]
		upsert(&e.paths, p, p.ID, "path", p.file, p.pos, seen, ps)
	}
	for i := range df.Bodies {
		b := &df.Bodies[i]
		upsert(&e.bodies, b, b.ID, "body", b.file, b.pos, seen, ps)
	}
	for i := range df.Credentials {
		c := &df.Credentials[i]
		upsert(&e.credentials, c, c.ID, "credential", c.file, c.pos, seen, ps)
	}
	for i := range df.States {
		s := &df.States[i]
		upsert(&e.states, s, s.Code, "state", s.file, s.pos, seen, ps)
	}
	for i := range df.Rules {
		r := &df.Rules[i]
		upsert(&e.rules, r, r.ID, "rule", r.file, r.pos, seen, ps)
	}
	for i := range df.Sources {
		s := &df.Sources[i]
		upsert(&e.sources, s, s.ID, "source", s.file, s.pos, seen, ps)
	}
	for i := range df.FAQ {
		f := &df.FAQ[i]
		upsert(&e.faq, f, f.ID, "faq", f.file, f.pos, seen, ps)
	}
	for i := range df.Examples {
		x := &df.Examples[i]
		upsert(&e.examples, x, x.Name, "example", x.file, x.pos, seen, ps)
	}
	for i := range df.StatePay {
		sp := &df.StatePay[i]
		id := ""
		if sp.SOC != "" && sp.State != "" {
			id = sp.SOC + "/" + sp.State
		}
		upsert(&e.statePay, sp, id, "state_pay (soc/state)", sp.file, sp.pos, seen, ps)
	}
	for i := range df.Families {
		f := &df.Families[i]
		upsert(&e.families, f, f.ID, "family", f.file, f.pos, seen, ps)
	}
	for i := range df.Funding {
		f := &df.Funding[i]
		upsert(&e.funding, f, f.ID, "funding", f.file, f.pos, seen, ps)
	}
	for i := range df.InterestAreas {
		a := &df.InterestAreas[i]
		upsert(&e.areas, a, a.ID, "interest area", a.file, a.pos, seen, ps)
	}
	for i := range df.InterestMatch {
		b := &df.InterestMatch[i]
		upsert(&e.bands, b, b.ID, "interest_match band", b.file, b.pos, seen, ps)
	}
	if df.SalaryFinder.ID != "" {
		e.salaryFinder, e.salaryFinderFile = df.SalaryFinder, df.name
	}
	if len(df.Fit) > 0 {
		if where, dup := seen["fit"]; dup {
			ps.add(df.fitFile, df.fitPos, "fit bands defined twice (first at %s)", where)
		}
		seen["fit"] = fmt.Sprintf("%s:%d", df.fitFile, df.fitPos.Line)
		e.fit, e.fitFile, e.fitPos = df.Fit, df.fitFile, df.fitPos
	}
	if !df.CurrentLastWhen.IsZero() {
		e.currentLast, e.currentLastFile = df.CurrentLastWhen, df.name
	}
	if df.Disclaimer != "" {
		e.disclaimer = df.Disclaimer
	}
}

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// link checks every reference and figure, builds the indexes and compiles every
// condition once against the variable types the questionnaire declares.
func (e *Engine) link(ps *problems) {
	for i, s := range e.sections {
		e.sectionIndex[s.ID] = i
	}
	for i, p := range e.paths {
		e.pathIndex[p.ID] = i
		e.maxSteps += len(p.Steps) + 1
	}
	for i, c := range e.credentials {
		e.credIndex[c.ID] = i
		e.routeCount += len(c.Routes)
	}
	for _, s := range e.sources {
		e.sourceIndex[s.ID] = s
	}
	for _, f := range e.families {
		e.familyIndex[f.ID] = f
	}
	bodies := map[string]*Body{}
	for _, b := range e.bodies {
		bodies[b.ID] = b
	}
	for _, s := range e.states {
		e.stateIndex[s.Code] = s
		if s.Licenses {
			e.licensing = append(e.licensing, s.Code)
		}
	}

	e.linkQuestions(ps)
	e.env = e.shapeEnv()
	e.precompile() // on every CPU: only faster (precompile.go)
	for _, q := range e.questions {
		e.compile(&q.ShowIf, q.file, "show_if", ps)
	}
	for _, c := range e.credentials {
		e.linkCredential(c, bodies, ps)
	}
	for _, p := range e.paths {
		e.linkPath(p, ps)
	}
	e.compile(&e.currentLast, e.currentLastFile, "current_last_when", ps)
	for _, s := range e.states {
		if !validStatus(s.Status) {
			ps.add(s.file, s.pos, "state %s: status %q; allowed: %s", s.Code, s.Status, quoteList(names(statuses)))
		}
		e.requireSource(s.Source, s.file, s.pos, "state "+s.Code, ps)
	}
	for _, s := range e.sources {
		if s.Title == "" || s.Publisher == "" || s.AsOf == "" {
			ps.add(s.file, s.pos, "source %q needs a publisher, a title and an as_of date", s.ID)
		}
		if !validStatus(s.Status) {
			ps.add(s.file, s.pos, "source %q: status %q; allowed: %s", s.ID, s.Status, quoteList(names(statuses)))
		}
		if s.Family.ID != "" && e.familyIndex[s.Family.ID] == nil {
			ps.add(s.file, s.Family.Pos, "source %q: unknown family %q%s", s.ID, s.Family.ID, didYouMean(s.Family.ID, idsOf(e.families)))
		}
	}
	for _, f := range e.families {
		if _, ok := parseMonth(f.Newest); !ok {
			ps.add(f.file, f.pos, "family %q: newest %q is not a date; write YYYY-MM or YYYY", f.ID, f.Newest)
		}
	}
	e.linkStatePay(ps)
	for _, s := range e.states {
		e.linkStateLicence(s, ps)
	}
	for _, f := range e.funding {
		e.linkFunding(f, ps)
	}
	e.linkFinder()
	if e.salaryFinder.ID != "" {
		e.requireSource(e.salaryFinder, e.salaryFinderFile, e.salaryFinder.Pos, "salary_finder", ps)
	}
	for _, r := range e.rules {
		e.linkRule(r, ps)
	}
	e.linkInterests(ps)
	e.condQuestions() // after every condition is compiled
	for _, f := range e.faq {
		if f.Question == "" || f.Answer == "" {
			ps.add(f.file, f.pos, "faq %q needs a question and an answer", f.ID)
		}
		for _, s := range f.Sources {
			e.requireSource(s, f.file, f.pos, "faq "+f.ID, ps)
		}
	}
	if len(e.fit) == 0 {
		ps.add("rules.yaml", Pos{}, "no fit bands: add fit: [{min: 8, label: Strong fit}, ...]")
	}
	for i := 1; i < len(e.fit); i++ {
		if e.fit[i].Min >= e.fit[i-1].Min {
			ps.add(e.fitFile, e.fitPos, "fit bands must be listed from the highest min to the lowest")
			break
		}
	}
	if len(e.paths) == 0 {
		ps.add("data", Pos{}, "no paths defined: add a paths: list")
	}
	for _, x := range e.examples {
		e.linkExample(x, ps)
	}
}

func (e *Engine) linkQuestions(ps *problems) {
	for i, q := range e.questions {
		e.questionIndex[q.ID] = i
		where := "question " + q.ID
		if msg := varNameProblem(q.ID); msg != "" {
			ps.add(q.file, q.pos, "%s: %s", where, msg)
		}
		if _, ok := e.sectionIndex[q.Section.ID]; !ok {
			ps.add(q.file, q.Section.Pos, "%s: unknown section %q%s", where, q.Section.ID, didYouMean(q.Section.ID, e.sectionIDs()))
		}
		if !q.Kind.Valid() {
			ps.add(q.file, q.pos, "%s: kind %q%s; allowed: %s", where, q.Kind, didYouMean(string(q.Kind), names(kinds)), quoteList(names(kinds)))
			continue
		}
		if q.Prompt == "" {
			ps.add(q.file, q.pos, "%s: no prompt", where)
		}
		switch q.Kind {
		case KindChoice, KindMulti:
			if len(q.Options) == 0 {
				ps.add(q.file, q.pos, "%s: a %s question needs options", where, q.Kind)
			}
			seen := map[string]bool{}
			for oi := range q.Options {
				// an option that is a credential also answers to its name
				if ci, ok := e.credIndex[q.Options[oi].Value]; ok {
					q.Options[oi].aliases = []string{e.credentials[ci].Name}
				}
			}
			for _, o := range q.Options {
				if o.Value == "" || o.Label == "" {
					ps.add(q.file, q.pos, "%s: every option needs a value and a label", where)
				}
				if seen[o.Value] {
					ps.add(q.file, q.pos, "%s: option %q listed twice", where, o.Value)
				}
				seen[o.Value] = true
			}
		case KindNumber, KindScale:
			if q.Kind == KindScale {
				if q.Min == nil {
					q.Min = new(1)
				}
				if q.Max == nil {
					q.Max = new(5)
				}
			}
			if q.Min == nil || q.Max == nil {
				ps.add(q.file, q.pos, "%s: a number question needs min and max", where)
			} else if *q.Min > *q.Max {
				ps.add(q.file, q.pos, "%s: min %d is greater than max %d", where, *q.Min, *q.Max)
			}
		}
		if q.Decimals && q.Kind != KindNumber {
			ps.add(q.file, q.pos, "%s: decimals is only for number questions, not %s", where, q.Kind)
		}
		if q.Default.Kind == 0 && q.Skip != "" && q.Kind == KindScale {
			q.def = 0 // a skippable scale's default is the skip
			continue
		}
		if q.Default.Kind == 0 {
			ps.add(q.file, q.pos, "%s: no default (it is used when the answer is missing)", where)
			continue
		}
		v, msg := e.convert(q, &q.Default)
		if msg != "" {
			ps.add(q.file, posOf(&q.Default), "%s: default: %s", where, msg)
			continue
		}
		q.def = v
	}
}

func (e *Engine) linkPath(p *Path, ps *problems) {
	where := "path " + p.ID
	if p.Level != LevelTechnician && p.Level != LevelTechnologist {
		ps.add(p.file, p.pos, "%s: level %q; allowed: %q or %q", where, p.Level, LevelTechnician, LevelTechnologist)
	}
	if p.Title == "" || p.Summary == "" {
		ps.add(p.file, p.pos, "%s: needs a title and a summary", where)
	}
	s := p.Salary
	if s.Median > 0 || s.Low > 0 || s.High > 0 {
		e.requireSource(s.Source, p.file, s.pos, where+" salary", ps)
		if s.AsOf == "" {
			ps.add(p.file, s.pos, "%s: salary has no as_of date", where)
		}
		switch {
		case s.Low == 0 && s.High == 0: // no range for this release
		case s.Low > s.High:
			ps.add(p.file, s.pos, "%s: salary low %d is greater than high %d", where, s.Low, s.High)
		case s.Median < s.Low || s.Median > s.High:
			ps.add(p.file, s.pos, "%s: salary median %d is outside low..high %d..%d", where, s.Median, s.Low, s.High)
		}
		if !validStatus(s.Status) {
			ps.add(p.file, s.pos, "%s: salary status %q; allowed: %s", where, s.Status, quoteList(names(statuses)))
		}
	} else {
		ps.add(p.file, s.pos, "%s: no salary figures", where)
	}
	if p.Outlook.Period != "" || p.Outlook.GrowthPct != 0 {
		e.requireSource(p.Outlook.Source, p.file, p.pos, where+" outlook", ps)
		if !validStatus(p.Outlook.Status) {
			ps.add(p.file, p.pos, "%s: outlook status %q; allowed: %s", where, p.Outlook.Status, quoteList(names(statuses)))
		}
	}
	for i := range p.Gates {
		g := &p.Gates[i]
		e.compile(&g.When, p.file, where+" gate "+g.ID+" when", ps)
		if g.Because == "" || g.Bridge == "" {
			ps.add(p.file, g.When.Pos, "%s: gate %q needs because and bridge", where, g.ID)
		}
	}
	if len(p.Steps) > maxPathSteps {
		ps.add(p.file, p.pos, "%s: %d steps; a path has at most %d", where, len(p.Steps), maxPathSteps)
		p.Steps = p.Steps[:maxPathSteps]
	}
	stepIDs := map[string]bool{}
	for i := range p.Steps {
		st := &p.Steps[i]
		sw := fmt.Sprintf("%s step %s", where, st.ID)
		if st.ID == "" {
			ps.add(p.file, st.pos, "%s: step %d has no id", where, i+1)
		} else if stepIDs[st.ID] {
			ps.add(p.file, st.pos, "%s: duplicate step id %q", where, st.ID)
		}
		stepIDs[st.ID] = true
		if !slices.Contains(stepKinds, st.Kind) {
			ps.add(p.file, st.pos, "%s: kind %q%s; allowed: %s", sw, st.Kind, didYouMean(string(st.Kind), names(stepKinds)), quoteList(names(stepKinds)))
		}
		for _, r := range []Range{st.Months, st.Cost} {
			if r.Min > r.Max {
				ps.add(p.file, r.Pos, "%s: min %d is greater than max %d", sw, r.Min, r.Max)
			}
			if r.Min < 0 {
				ps.add(p.file, r.Pos, "%s: negative value %d", sw, r.Min)
			}
		}
		if st.Credential.ID != "" {
			if _, ok := e.credIndex[st.Credential.ID]; !ok {
				ps.add(p.file, st.Credential.Pos, "%s: unknown credential %q%s", sw, st.Credential.ID, didYouMean(st.Credential.ID, e.credentialIDs()))
			}
		}
		if st.Cost.Max > 0 {
			e.requireSource(st.Source, p.file, st.Cost.Pos, sw+" cost", ps)
		} else if st.Source.ID != "" {
			e.requireSource(st.Source, p.file, st.pos, sw, ps)
		}
		e.compile(&st.When, p.file, sw+" when", ps)
		e.compile(&st.SkipIf, p.file, sw+" skip_if", ps)
		st.grants = e.linkGrants(st.Grants, p.file, sw, ps)
		st.labLicence = st.Kind == StepLicence && st.When.prog != nil && usesName(st.When.prog, licensingStates)
		p.hasLabLicence = p.hasLabLicence || st.labLicence
		e.linkStepVars(p, st, sw, ps)
	}
	for _, c := range p.Credentials {
		if _, ok := e.credIndex[c.ID]; !ok {
			ps.add(p.file, c.Pos, "%s: unknown credential %q%s", where, c.ID, didYouMean(c.ID, e.credentialIDs()))
		}
	}
	p.targets = nil
	for _, t := range p.Targets {
		i, ok := e.credIndex[t.ID]
		if !ok {
			ps.add(p.file, t.Pos, "%s: unknown target credential %q%s", where, t.ID, didYouMean(t.ID, e.credentialIDs()))
			continue
		}
		p.targets = append(p.targets, e.credentials[i])
	}
	e.compile(&p.CurrentIf, p.file, where+" current_if", ps)
	p.cands = candidates(p)
	// an experience step's length depends on the route it serves, so it
	// comes after the study and training that may also serve it
	seenExperience := false
	for i := range p.Steps {
		st := &p.Steps[i]
		switch {
		case st.Kind == StepExperience:
			seenExperience = true
		case seenExperience && (st.Kind == StepEducation || st.Kind == StepTraining):
			ps.add(p.file, st.pos, "%s step %s: a %s step must come before the path's experience steps", where, st.ID, st.Kind)
		}
	}
}

// linkStepVars records which questions a step's grants change and which its
// conditions read, and checks an experience step's adds and up_to.
func (e *Engine) linkStepVars(p *Path, st *Step, sw string, ps *problems) {
	st.sets, st.reads = varSet{}, varSet{}
	for id := range st.grants {
		st.sets.union(e.varsOf(id))
	}
	for _, c := range []*Cond{&st.When, &st.SkipIf} {
		if c.prog != nil {
			st.reads.union(e.varsOf(e.reads(c.prog)...))
		}
	}
	if st.Kind == StepExam && st.Credential.ID != "" {
		if i, ok := e.credIndex[st.Credential.ID]; ok {
			st.reads.union(e.credentials[i].reads)
		}
	}
	if st.Kind != StepExperience {
		if st.Adds != "" || st.UpTo != 0 {
			ps.add(p.file, st.pos, "%s: adds and up_to are only for experience steps", sw)
		}
		return
	}
	q := e.question(st.Adds)
	switch {
	case q == nil:
		ps.add(p.file, st.pos, "%s: adds %q is not a question%s; an experience step adds years to a number question", sw, st.Adds, didYouMean(st.Adds, e.questionIDs()))
		return
	case q.Kind != KindNumber:
		ps.add(p.file, st.pos, "%s: adds %q is a %s question; an experience step adds years to a number question", sw, st.Adds, q.Kind)
		return
	}
	if _, hi := q.Bounds(); st.UpTo <= 0 || st.UpTo > float64(hi) {
		ps.add(p.file, st.pos, "%s: up_to %g must be more than 0 and at most %s's max %d", sw, st.UpTo, q.ID, hi)
	}
	st.sets.union(e.varsOf(st.Adds, idLabWorkYearsAgo))
	st.reads.union(e.varsOf(st.Adds))
}

func (e *Engine) linkGrants(g map[string]yaml.Node, file, where string, ps *problems) map[string]any {
	if len(g) == 0 {
		return nil
	}
	out := make(map[string]any, len(g))
	for id, n := range g {
		q := e.question(id)
		if q == nil {
			ps.add(file, posOf(&n), "%s: grants unknown question %q%s", where, id, didYouMean(id, e.questionIDs()))
			continue
		}
		v, msg := e.convert(q, &n)
		if msg != "" {
			ps.add(file, posOf(&n), "%s: grants %s: %s", where, id, msg)
			continue
		}
		out[id] = v
	}
	return out
}

func (e *Engine) linkCredential(c *Credential, bodies map[string]*Body, ps *problems) {
	where := "credential " + c.ID
	if _, ok := bodies[c.Body.ID]; !ok {
		keys := make([]string, 0, len(bodies))
		for k := range bodies {
			keys = append(keys, k)
		}
		ps.add(c.file, c.Body.Pos, "%s: unknown body %q%s", where, c.Body.ID, didYouMean(c.Body.ID, keys))
	}
	if c.Name == "" {
		ps.add(c.file, c.pos, "%s: no name", where)
	}
	if c.Fee != nil {
		e.requireSource(c.Fee.Source, c.file, c.Fee.pos, where+" fee", ps)
		if c.Fee.AsOf == "" {
			ps.add(c.file, c.Fee.pos, "%s: fee has no as_of date", where)
		}
		if !validStatus(c.Fee.Status) {
			ps.add(c.file, c.Fee.pos, "%s: fee status %q; allowed: %s", where, c.Fee.Status, quoteList(names(statuses)))
		}
	}
	for i := range c.Routes {
		r := &c.Routes[i]
		rw := fmt.Sprintf("%s route %s", where, r.Route)
		if r.Route == "" {
			ps.add(c.file, r.pos, "%s: route %d has no route name", where, i+1)
		}
		e.requireSource(r.Source, c.file, r.pos, rw, ps)
		if !validStatus(r.Status) {
			ps.add(c.file, r.pos, "%s: status %q; allowed: %s", rw, r.Status, quoteList(names(statuses)))
		}
		if len(r.Requires) > 32 {
			ps.add(c.file, r.pos, "%s: %d requirements; the limit is 32", rw, len(r.Requires))
			r.Requires = r.Requires[:32]
		}
		parts := make([]string, len(r.Requires))
		for j, req := range r.Requires {
			parts[j] = req.Because
		}
		r.allMet = routeMet(parts)
		for j := range r.Requires {
			req := &r.Requires[j]
			e.compile(&req.When, c.file, rw+" requires", ps)
			if req.Because == "" {
				ps.add(c.file, req.When.Pos, "%s: every requirement needs a because", rw)
			}
			if req.When.prog != nil {
				req.reads = e.varsOf(e.reads(req.When.prog)...)
				c.reads.union(req.reads)
				// routes share many parts ("a high-school diploma"): evalNow
				// evaluates each distinct condition once
				if e.reqMemo == nil {
					e.reqMemo = map[*vm.Program]int{}
				}
				k, ok := e.reqMemo[req.When.prog]
				if !ok {
					k = len(e.reqMemo)
					e.reqMemo[req.When.prog] = k
				}
				req.memo = k
			}
		}
	}
}

func (e *Engine) linkRule(r *Rule, ps *problems) {
	where := "rule " + r.ID
	if r.When.IsZero() {
		ps.add(r.file, r.pos, "%s: no when condition", where)
	}
	e.compile(&r.When, r.file, where+" when", ps)
	if r.Because == "" {
		ps.add(r.file, r.pos, "%s: no because (the sentence a student sees when it applies)", where)
	}
	if len(r.Score) == 0 {
		ps.add(r.file, r.pos, "%s: no score changes", where)
	}
	ids := make([]string, 0, len(r.Score))
	for id := range r.Score {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	r.score = r.score[:0]
	for _, id := range ids {
		pi, ok := e.pathIndex[id]
		if !ok {
			ps.add(r.file, r.pos, "%s: score names unknown path %q%s", where, id, didYouMean(id, e.pathIDs()))
			continue
		}
		r.score = append(r.score, pathDelta{path: pi, delta: r.Score[id]})
	}
	if r.When.prog != nil {
		r.reads = e.reads(r.When.prog)
	}
}

func (e *Engine) linkExample(x *Example, ps *problems) {
	if _, ok := e.pathIndex[x.Expect.ID]; !ok {
		ps.add(x.file, x.Expect.Pos, "example %q: expects unknown path %q%s", x.Name, x.Expect.ID, didYouMean(x.Expect.ID, e.pathIDs()))
	}
	for id, n := range x.Answers {
		q := e.question(id)
		if q == nil {
			ps.add(x.file, posOf(&n), "example %q: unknown question %q%s", x.Name, id, didYouMean(id, e.questionIDs()))
			continue
		}
		if _, msg := e.convert(q, &n); msg != "" {
			ps.add(x.file, posOf(&n), "example %q: %s: %s", x.Name, id, msg)
		}
	}
}

// Path levels.
const (
	LevelTechnician   = "technician"
	LevelTechnologist = "technologist"
)

func (e *Engine) requireSource(r Ref, file string, pos Pos, what string, ps *problems) {
	if r.ID == "" {
		ps.add(file, pos, "%s: a figure without a source; add source: <id from sources.yaml>", what)
		return
	}
	if _, ok := e.sourceIndex[r.ID]; !ok {
		ps.add(file, r.Pos, "%s: unknown source %q%s", what, r.ID, didYouMean(r.ID, e.sourceIDs()))
	}
}

// idsOf lists the ids of items, for did-you-mean suggestions.
func idsOf[T any](items []*T) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = idOf(x)
	}
	return out
}

func (e *Engine) sectionIDs() []string    { return idsOf(e.sections) }
func (e *Engine) questionIDs() []string   { return idsOf(e.questions) }
func (e *Engine) pathIDs() []string       { return idsOf(e.paths) }
func (e *Engine) credentialIDs() []string { return idsOf(e.credentials) }
func (e *Engine) sourceIDs() []string     { return idsOf(e.sources) }

// names converts a list of enum values to strings, for messages.
func names[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// linkStatePay checks the state pay figures and indexes them by occupation
// code and state.
func (e *Engine) linkStatePay(ps *problems) {
	for _, sp := range e.statePay {
		where := fmt.Sprintf("state_pay %s %s", sp.SOC, sp.State)
		if _, ok := e.stateIndex[sp.State]; !ok {
			ps.add(sp.file, sp.pos, "%s: unknown state %q", where, sp.State)
		}
		if sp.Amount <= 0 {
			ps.add(sp.file, sp.pos, "%s: amount must be more than 0", where)
		}
		if sp.Kind != PayMean && sp.Kind != PayMedian {
			ps.add(sp.file, sp.pos, "%s: kind %q; allowed: %q or %q (a state figure says which it is)", where, sp.Kind, PayMean, PayMedian)
		}
		if _, ok := parseMonth(sp.AsOf); !ok {
			ps.add(sp.file, sp.pos, "%s: as_of %q is not a date; write YYYY-MM (a state figure needs its release)", where, sp.AsOf)
		}
		if !validStatus(sp.Status) {
			ps.add(sp.file, sp.pos, "%s: status %q; allowed: %s", where, sp.Status, quoteList(names(statuses)))
		}
		e.requireSource(sp.Source, sp.file, sp.pos, where, ps)
		m := e.statePayIndex[sp.SOC]
		if m == nil {
			m = map[string]*StatePay{}
			e.statePayIndex[sp.SOC] = m
		}
		m[sp.State] = sp
	}
}

// linkStateLicence checks a state's licence facts: a board page, at least
// one level, each level's title and ranges, a source and a status.
func (e *Engine) linkStateLicence(s *State, ps *problems) {
	l := s.Licence
	if l == nil {
		return
	}
	where := "state " + s.Code + " licence"
	if l.Board == "" {
		ps.add(s.file, l.pos, "%s: no board (who issues the licence)", where)
	}
	if l.URL != "" && siteRoot(l.URL) {
		ps.add(s.file, l.pos, "%s: url %q is a site root; give the board's licensing page", where, l.URL)
	}
	if l.Technician == nil && l.Technologist == nil {
		ps.add(s.file, l.pos, "%s: give technician:, technologist: or both", where)
	}
	for _, lv := range []*LicenceLevel{l.Technician, l.Technologist} {
		if lv == nil {
			continue
		}
		if lv.Title == "" {
			ps.add(s.file, l.pos, "%s: a level has no title", where)
		}
		for _, r := range []Range{lv.Months, lv.Cost} {
			if r.Min > r.Max || r.Min < 0 {
				ps.add(s.file, r.Pos, "%s: a range must be [low, high] with 0 <= low <= high", where)
			}
		}
		if lv.Status != "" && !validStatus(lv.Status) {
			ps.add(s.file, l.pos, "%s: status %q; allowed: %s", where, lv.Status, quoteList(names(statuses)))
		}
	}
	if !validStatus(l.Status) {
		ps.add(s.file, l.pos, "%s: status %q; allowed: %s", where, l.Status, quoteList(names(statuses)))
	}
	if l.AsOf == "" {
		ps.add(s.file, l.pos, "%s: no as_of date", where)
	}
	e.requireSource(l.Source, s.file, l.pos, where, ps)
}

// linkFunding checks a way to pay: its words, condition, paths, step kinds
// and source.
func (e *Engine) linkFunding(f *Funding, ps *problems) {
	where := "funding " + f.ID
	if f.Name == "" || f.Text == "" {
		ps.add(f.file, f.pos, "%s: needs a name and a text", where)
	}
	e.compile(&f.When, f.file, where+" when", ps)
	for _, r := range f.Paths {
		if _, ok := e.pathIndex[r.ID]; !ok {
			ps.add(f.file, r.Pos, "%s: unknown path %q%s", where, r.ID, didYouMean(r.ID, e.pathIDs()))
		}
	}
	for _, k := range f.StepKinds {
		if !slices.Contains(stepKinds, k) {
			ps.add(f.file, f.pos, "%s: step kind %q%s; allowed: %s", where, k, didYouMean(string(k), names(stepKinds)), quoteList(names(stepKinds)))
		}
	}
	if !validStatus(f.Status) {
		ps.add(f.file, f.pos, "%s: status %q; allowed: %s", where, f.Status, quoteList(names(statuses)))
	}
	e.requireSource(f.Source, f.file, f.pos, where, ps)
}
