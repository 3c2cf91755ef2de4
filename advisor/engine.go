package advisor

import (
	"sync"

	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm"
)

// Engine holds the loaded, validated data and answers questions about it.
// It is read-only after [Load] and safe for concurrent use.
type Engine struct {
	sections    []*Section
	questions   []*Question
	levels      []*Level
	paths       []*Path
	bodies      []*Body
	credentials []*Credential
	states      []*State
	rules       []*Rule
	sources     []*Source
	faq         []*FAQ
	examples    []*Example
	statePay    []*StatePay
	families    []*Family
	funding     []*Funding
	areas       []*InterestArea // the six interest areas, RIASEC order once linked
	bands       []*MatchBand    // the interest match's bands, in data order
	fit         []FitBand
	fitFile     string
	fitPos      Pos
	disclaimer  string
	// currentLast is when paths the person stands on rank last (rules.yaml).
	currentLast     Cond
	currentLastFile string
	// salaryFinder is the source of CareerOneStop's Salary Finder (data's
	// salary_finder), linked for a state without a pay figure.
	salaryFinder     Ref
	salaryFinderFile string

	sectionIndex  map[string]int
	questionIndex map[string]int
	pathIndex     map[string]int
	credIndex     map[string]int
	sourceIndex   map[string]*Source
	stateIndex    map[string]*State
	familyIndex   map[string]*Family
	// statePayIndex holds the state figures by occupation code, then state.
	statePayIndex map[string]map[string]*StatePay
	licensing     []string
	env           map[string]any
	progCache     map[string]*vm.Program
	conds         condBudget          // the cost of the conditions (cond.go)
	maxSteps      int                 // the steps of all paths together, to size one allocation
	routeCount    int                 // the routes of all credentials together
	envPool       sync.Pool           // condition environments for cohort rows (top)
	reqMemo       map[*vm.Program]int // distinct requirement conditions (evalNow)
	conf          *conf.Config        // compile configuration, built on first use
	items         []int               // the inventory items, question indexes
	itemIDs       []string            // their ids: what an interest reason reads
	areaWords     [6]string           // each area as a sentence names it: "Realistic (hands-on work)"
	condQs        []*Question         // the questions a condition environment holds (condQuestions)
}

func newEngine() *Engine {
	return &Engine{
		sectionIndex:  map[string]int{},
		questionIndex: map[string]int{},
		pathIndex:     map[string]int{},
		credIndex:     map[string]int{},
		sourceIndex:   map[string]*Source{},
		stateIndex:    map[string]*State{},
		familyIndex:   map[string]*Family{},
		statePayIndex: map[string]map[string]*StatePay{},
		progCache:     map[string]*vm.Program{},
	}
}

// Questions returns every question in questionnaire order.
func (e *Engine) Questions() []*Question { return e.questions }

// Question returns the question with id, or nil.
func (e *Engine) Question(id string) *Question { return e.question(id) }

func (e *Engine) question(id string) *Question {
	if i, ok := e.questionIndex[id]; ok {
		return e.questions[i]
	}
	return nil
}

// Section returns the section with id, or nil.
func (e *Engine) Section(id string) *Section {
	if i, ok := e.sectionIndex[id]; ok {
		return e.sections[i]
	}
	return nil
}

// Sections returns the sections in order.
func (e *Engine) Sections() []*Section { return e.sections }

// Levels returns the technician and technologist level descriptions.
func (e *Engine) Levels() []*Level { return e.levels }

// Paths returns every path in data order: the order of the base data's
// paths.yaml (a path an overlay replaces keeps its place), then the paths
// overlays add, by id. This order breaks ties in ranking.
func (e *Engine) Paths() []*Path { return e.paths }

// Path returns the path with id, or nil.
func (e *Engine) Path(id string) *Path {
	if i, ok := e.pathIndex[id]; ok {
		return e.paths[i]
	}
	return nil
}

// FAQ returns the answers to common questions.
func (e *Engine) FAQ() []*FAQ { return e.faq }

// Source returns the source with id, or nil.
func (e *Engine) Source(id string) *Source { return e.sourceIndex[id] }

// DefaultValue returns a question's default: the answer assumed when it is
// not answered.
func (q *Question) DefaultValue() any { return q.def }
