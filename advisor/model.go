package advisor

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// This file holds the data model: the Go shape of the YAML files in data/.
// Field tags are the YAML keys; the loader rejects any key not listed here.

// typeErr reports a decoding problem without stopping the decoder, so every
// problem in a file is found in one pass.
func typeErr(format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf(format, args...)}}
}

// Pos is a line and column in a data file (1-based).
type Pos struct {
	Line int
	Col  int
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// Cond is a condition written in expr syntax, with where it was written.
// The loader compiles it once against the questionnaire's variable types.
type Cond struct {
	Src  string
	Pos  Pos
	prog *vm.Program
}

// UnmarshalYAML records the condition's source and position.
func (c *Cond) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return typeErr("line %d: a condition must be a string", n.Line)
	}
	c.Src, c.Pos = n.Value, posOf(n)
	return nil
}

// IsZero reports whether no condition was written.
func (c Cond) IsZero() bool { return c.Src == "" }

// Ref is an id that refers to another item (a source, a path, a credential).
type Ref struct {
	ID  string
	Pos Pos
}

// UnmarshalYAML records the id and its position.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return typeErr("line %d: expected an id", n.Line)
	}
	r.ID, r.Pos = n.Value, posOf(n)
	return nil
}

// Range is a low-high pair of whole numbers, written [low, high] or as one number.
type Range struct {
	Min, Max int
	Pos      Pos
	Set      bool
}

// UnmarshalYAML reads [low, high] or a single number.
func (r *Range) UnmarshalYAML(n *yaml.Node) error {
	r.Pos, r.Set = posOf(n), true
	switch n.Kind {
	case yaml.ScalarNode:
		v, err := strconv.Atoi(n.Value)
		if err != nil {
			return typeErr("line %d: expected a whole number or [low, high], got %q", n.Line, n.Value)
		}
		r.Min, r.Max = v, v
		return nil
	case yaml.SequenceNode:
		if len(n.Content) != 2 {
			return typeErr("line %d: a range is [low, high], got %d values", n.Line, len(n.Content))
		}
		lo, err1 := strconv.Atoi(n.Content[0].Value)
		hi, err2 := strconv.Atoi(n.Content[1].Value)
		if err1 != nil || err2 != nil {
			return typeErr("line %d: a range is two whole numbers [low, high]", n.Line)
		}
		r.Min, r.Max = lo, hi
		return nil
	default:
		return typeErr("line %d: expected a whole number or [low, high]", n.Line)
	}
}

// Section groups questions on the questionnaire.
type Section struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Intro string `yaml:"intro"`
	// Inventory marks the interest inventory's section: its answers are
	// shown as the interest profile, not one by one, and never as assumed.
	Inventory bool `yaml:"inventory"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Option is one allowed value of a choice or multi question.
type Option struct {
	Value string `yaml:"value"`
	Label string `yaml:"label"`
	Help  string `yaml:"help"`

	aliases []string // other names answers may use (set by the loader)
}

// Question ids the engine reads by name. They are part of the stable
// contract of question ids (see DESIGN.md), so the data always defines them.
const (
	idState              = "state"               // choice: a state code; the licence step and its note
	idCertificationsHeld = "certifications_held" // multi: credentials held; their exam steps are skipped
	idTimelineMonths     = "timeline_months"     // number: the longest training before a first job, in months
	idBudget             = "budget"              // number: what training may cost, in US dollars
	idEducationAbroad    = "education_abroad"    // yesno: the degree is from abroad; abroad credentials are shown
	idStateLicenceHeld   = "state_licence_held"  // yesno: holds the state's licence for the work done now
	idLabWorkYearsAgo    = "lab_work_years_ago"  // number: when the most recent lab work ended; experience steps reset it
)

// Question is one item of the questionnaire. Its id is a variable in conditions.
type Question struct {
	ID      string `yaml:"id"`
	Section Ref    `yaml:"section"`
	Kind    Kind   `yaml:"kind"`
	Prompt  string `yaml:"prompt"`
	// Label names the question in a few words ("Years in a clinical lab"),
	// where a change of answer is listed; the prompt is used when it is empty.
	Label   string   `yaml:"label"`
	Help    string   `yaml:"help"`
	Options []Option `yaml:"options"`
	Min     *int     `yaml:"min"`
	Max     *int     `yaml:"max"`
	Unit    string   `yaml:"unit"`
	// Decimals allows a number question a fractional answer (3.5 years).
	Decimals bool      `yaml:"decimals"`
	Default  yaml.Node `yaml:"default"`
	ShowIf   Cond      `yaml:"show_if"`
	// Ordered says that later options (or larger numbers) include earlier ones,
	// so a plan step's grant never lowers the answer.
	Ordered bool `yaml:"ordered"`
	// ScaleLabels name the ends of a scale, low first, or every point of it
	// (as many labels as points: "Dislike a lot" ... "Like a lot").
	ScaleLabels []string `yaml:"scale_labels"`
	// Skip names the way to pass over a scale question ("Skip: I can't
	// picture this"): its answer is then 0, outside min..max, which is also
	// its default. Only a skippable scale may be an inventory item.
	Skip string `yaml:"skip"`
	// Area makes a skippable scale question an item of the interest
	// inventory: the RIASEC area (R, I, A, S, E or C) it measures.
	Area string `yaml:"area"`
	// Lever false keeps the question out of "what would change this": an
	// answer about the past, or what the plan itself achieves (a degree, a
	// credential), is not a change a person can simply make.
	Lever *bool `yaml:"lever"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
	def  any    // typed default
}

// IsLever reports whether a change of this answer is offered in "what would
// change this" (see Question.Lever).
func (q *Question) IsLever() bool { return q.Lever == nil || *q.Lever }

// Salary is a pay figure with its source.
type Salary struct {
	// Median is the headline figure: the median, or for an estimate the
	// figure the project stands by (see Estimate).
	Median int `yaml:"median"`
	// Low and High are the 10th and 90th percentiles of the same release;
	// both 0 when that release's range was not found.
	Low    int    `yaml:"low"`
	High   int    `yaml:"high"`
	Per    string `yaml:"per"`
	AsOf   string `yaml:"as_of"`
	Source Ref    `yaml:"source"`
	Status Status `yaml:"status"`
	Note   string `yaml:"note"`
	// Covers says in a few words what the figure covers ("phlebotomists",
	// "lab technologists and technicians together"); it is shown beside the
	// figure wherever it appears.
	Covers string `yaml:"covers"`
	// Estimate marks the project's own estimate (such as a lower quartile
	// standing in for an occupation BLS does not publish): it is labelled
	// "our estimate", never a median.
	Estimate bool `yaml:"estimate"`
	// SOC is the occupation code of the figure (29-2010): state figures for
	// the same code are shown beside it.
	SOC string `yaml:"soc"`
	// Occupation is the occupation's title as BLS writes it, used to point
	// to CareerOneStop's Salary Finder for a state without a figure.
	Occupation string `yaml:"occupation"`

	pos Pos // where in the file (set by the loader)
}

// StatePay is one state's pay figure for an occupation (state_pay: in the
// data). It is shown beside the national figure only when it is from the
// same release or at most one release older, and it is never scaled.
type StatePay struct {
	SOC    string `yaml:"soc"`
	State  string `yaml:"state"`
	Amount int    `yaml:"amount"`
	// Kind is "mean" or "median": state tables often give only the mean.
	Kind   string `yaml:"kind"`
	Per    string `yaml:"per"`
	AsOf   string `yaml:"as_of"`
	Source Ref    `yaml:"source"`
	Status Status `yaml:"status"`
	Note   string `yaml:"note"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Pay kinds of a state figure.
const (
	PayMean   = "mean"
	PayMedian = "median"
)

// Family is a source family that publishes releases (BLS wages, College
// Board prices): newest is the newest release the data uses, so a figure
// from an older one is stale (see [Engine.Staleness]).
type Family struct {
	ID     string `yaml:"id"`
	Title  string `yaml:"title"`
	Newest string `yaml:"newest"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Funding is a way to pay for training, named on a plan that costs more
// than the person's budget when its conditions hold.
type Funding struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Text says what it is, who it is for and what to ask, in a sentence or two.
	Text string `yaml:"text"`
	// When is a condition over the answers; empty always holds.
	When Cond `yaml:"when"`
	// Paths limits it to these paths; empty is every path.
	Paths []Ref `yaml:"paths"`
	// StepKinds limits it to plans with a step of one of these kinds that
	// costs money (a degree program, a short training course); empty is any.
	StepKinds []StepKind `yaml:"step_kinds"`
	Source    Ref        `yaml:"source"`
	Status    Status     `yaml:"status"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Outlook is projected employment growth with its source.
type Outlook struct {
	GrowthPct float64 `yaml:"growth_pct"`
	Period    string  `yaml:"period"`
	Openings  int     `yaml:"openings"`
	Source    Ref     `yaml:"source"`
	Status    Status  `yaml:"status"`
	Note      string  `yaml:"note"`

	pos Pos // where in the file (set by the loader)
}

// Gate is a requirement of a path; when it is not met the bridge says how to meet it.
type Gate struct {
	ID      string `yaml:"id"`
	When    Cond   `yaml:"when"`
	Because string `yaml:"because"`
	Bridge  string `yaml:"bridge"`
}

// StepKind is the kind of a plan step.
type StepKind string

// Step kinds, in the usual order of a plan.
const (
	StepEducation   StepKind = "education"
	StepTraining    StepKind = "training"
	StepExam        StepKind = "exam"
	StepLicence     StepKind = "licence"
	StepJob         StepKind = "job"
	StepAdvancement StepKind = "advancement"
	// StepExperience is work that adds years of one kind of experience: its
	// length is worked out per person (see Step.Adds).
	StepExperience StepKind = "experience"
)

var stepKinds = []StepKind{StepEducation, StepTraining, StepExperience, StepExam, StepLicence, StepJob, StepAdvancement}

// meets reports whether a step of this kind can be part of meeting a
// certification route: study, training, work, or another credential's exam.
func (k StepKind) meets() bool {
	return k == StepEducation || k == StepTraining || k == StepExperience || k == StepExam
}

// Step is one stage of a path's plan. Steps apply when `when` holds (or is absent)
// and `skip_if` does not. Grants are what finishing the step adds to the answers.
type Step struct {
	ID         string               `yaml:"id"`
	Kind       StepKind             `yaml:"kind"`
	Title      string               `yaml:"title"`
	Detail     string               `yaml:"detail"`
	Months     Range                `yaml:"months"`
	Cost       Range                `yaml:"cost"`
	Source     Ref                  `yaml:"source"`
	When       Cond                 `yaml:"when"`
	SkipIf     Cond                 `yaml:"skip_if"`
	Credential Ref                  `yaml:"credential"`
	Grants     map[string]yaml.Node `yaml:"grants"`
	Note       string               `yaml:"note"`
	// Adds names the years question an experience step adds to (such as
	// lab_experience_years). The step lasts as long as the route it serves
	// needs: the fewest half years, up to UpTo years in all, that meet it.
	Adds string  `yaml:"adds"`
	UpTo float64 `yaml:"up_to"`

	pos    Pos // where in the file (set by the loader)
	grants map[string]any
	// sets are the questions the step's grants change; reads are those its
	// when and skip_if read (for an exam step, also its credential's routes).
	sets, reads varSet
	// labLicence marks the state's laboratory licence step: a licence step
	// whose condition reads licensing_states. The student's state note goes there.
	labLicence bool
}

// Path is a career path at the technician or technologist level.
type Path struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Level string `yaml:"level"`
	ONet  string `yaml:"onet"`
	// Interests is the occupation's O*NET interest code (its high-point
	// letters, strongest first: [R, I, C]).
	Interests []string `yaml:"interests"`
	// InterestProfile is the occupation's six O*NET interest scores, which
	// the student's profile is matched against (interests.go).
	InterestProfile *PathInterests `yaml:"interest_profile"`
	Summary         string         `yaml:"summary"`
	Duties          []string       `yaml:"duties"`
	Scope           string         `yaml:"scope"`
	Leads           string         `yaml:"leads_to"`
	Setting         string         `yaml:"settings"`
	Salary          Salary         `yaml:"salary"`
	Outlook         Outlook        `yaml:"outlook"`
	Gates           []Gate         `yaml:"gates"`
	Steps           []Step         `yaml:"steps"`
	Stackable       []string       `yaml:"stackable"`
	// Credentials lists more credentials to show for this path, beyond those its
	// exam steps name (for paths without targets).
	Credentials []Ref `yaml:"credentials"`
	// Targets are the credentials the path leads to, the main one first. The
	// plan follows the route of one of them that fits the person best.
	Targets []Ref `yaml:"targets"`
	// CurrentIf says the person already stands on this path (holds its
	// credential or does the job now).
	CurrentIf Cond `yaml:"current_if"`

	file          string // the file it was read from (set by the loader)
	pos           Pos    // where in the file (set by the loader)
	hasLabLicence bool
	targets       []*Credential // resolved Targets
	// finderHead and finderTail are the Salary Finder address around the
	// state code (linkFinder).
	finderHead, finderTail string
	cands                  []int  // steps that can help meet a target's route (planner.go)
	code                   string // Interests as one string: the O*NET interest code
}

// Level describes the technician or technologist level as a whole, for comparison.
type Level struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	Education  string `yaml:"education"`
	Time       string `yaml:"time"`
	Scope      string `yaml:"scope"`
	Trajectory string `yaml:"trajectory"`
	Pay        string `yaml:"pay"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Body is a certifying organisation.
type Body struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	URL  string `yaml:"url"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Fee is an exam or application fee with its source.
type Fee struct {
	Amount int    `yaml:"amount"`
	AsOf   string `yaml:"as_of"`
	Source Ref    `yaml:"source"`
	Status Status `yaml:"status"`
	Note   string `yaml:"note"`

	pos Pos // where in the file (set by the loader)
}

// Requirement is one named part of a certification route.
type Requirement struct {
	When    Cond   `yaml:"when"`
	Because string `yaml:"because"`

	reads varSet // the questions When reads
	memo  int    // the condition's index among distinct requirement conditions
}

// Route is one way to become eligible for a credential.
type Route struct {
	Route        string        `yaml:"route"`
	Summary      string        `yaml:"summary"`
	Requires     []Requirement `yaml:"requires"`
	Source       Ref           `yaml:"source"`
	Status       Status        `yaml:"status"`
	Discontinued bool          `yaml:"discontinued"`
	Note         string        `yaml:"note"`

	pos    Pos    // where in the file (set by the loader)
	allMet string // the "because" when every part is met, built once at load
}

// Credential is a certification such as MLT(ASCP).
type Credential struct {
	ID      string  `yaml:"id"`
	Name    string  `yaml:"name"`
	Body    Ref     `yaml:"body"`
	Level   string  `yaml:"level"`
	Fee     *Fee    `yaml:"fee"`
	Exam    string  `yaml:"exam"`
	Renewal string  `yaml:"renewal"`
	Note    string  `yaml:"note"`
	Routes  []Route `yaml:"routes"`
	// Abroad marks a credential for people educated outside the US (such as
	// MLS(ASCPi)): a path shows it instead of its US credentials when the
	// person's degree is from abroad.
	Abroad bool `yaml:"abroad"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
	// reads are the questions any of its routes read.
	reads varSet
}

// State says whether a state licenses clinical laboratory personnel.
type State struct {
	Code     string `yaml:"code"`
	Name     string `yaml:"name"`
	Licenses bool   `yaml:"licenses_lab_personnel"`
	Note     string `yaml:"note"`
	Source   Ref    `yaml:"source"`
	Status   Status `yaml:"status"`
	// Licence is what the state's laboratory licence takes, by level; the
	// plan's lab licence step says it for the person's state.
	Licence *StateLicence `yaml:"licence"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// StateLicence is a state's laboratory personnel licence: who issues it,
// what it is called and costs at each level, and its rules.
type StateLicence struct {
	Board string `yaml:"board"`
	// URL is the board's licensing page (a page, not a site root).
	URL          string        `yaml:"url"`
	Technician   *LicenceLevel `yaml:"technician"`
	Technologist *LicenceLevel `yaml:"technologist"`
	// NationalExam says whether a national certification meets the exam
	// requirement, and which.
	NationalExam string `yaml:"national_exam"`
	// Trainee is the trainee licence and approved training, where the state has them.
	Trainee string `yaml:"trainee"`
	Renewal string `yaml:"renewal"`
	AsOf    string `yaml:"as_of"`
	Source  Ref    `yaml:"source"`
	Status  Status `yaml:"status"`

	pos Pos // where in the file (set by the loader)
}

// LicenceLevel is a state licence at one level: its title as the state
// writes it, and what applying takes.
type LicenceLevel struct {
	Title  string `yaml:"title"`
	Months Range  `yaml:"months"`
	Cost   Range  `yaml:"cost"`
	// Fee says how the cost is made up, or that it is not confirmed.
	Fee string `yaml:"fee"`
	// Status is how sure the fee is (the licence's status when empty).
	Status Status `yaml:"status"`
}

// Rule changes path scores when its condition holds.
type Rule struct {
	ID      string         `yaml:"id"`
	When    Cond           `yaml:"when"`
	Score   map[string]int `yaml:"score"`
	Because string         `yaml:"because"`

	file  string // the file it was read from (set by the loader)
	pos   Pos    // where in the file (set by the loader)
	reads []string
	score []pathDelta
}

type pathDelta struct {
	path  int
	delta int
}

// FitBand maps a minimum score to a fit label.
type FitBand struct {
	Min   int    `yaml:"min"`
	Label string `yaml:"label"`
}

// Source is a publication that a figure comes from.
type Source struct {
	ID        string `yaml:"id"`
	Publisher string `yaml:"publisher"`
	Title     string `yaml:"title"`
	URL       string `yaml:"url"`
	AsOf      string `yaml:"as_of"`
	Status    Status `yaml:"status"`
	Note      string `yaml:"note"`
	// Family names the source family whose releases it belongs to, if any.
	Family Ref `yaml:"family"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// FAQ is a question people ask, answered in the data.
type FAQ struct {
	ID       string `yaml:"id"`
	Question string `yaml:"question"`
	Answer   string `yaml:"answer"`
	Sources  []Ref  `yaml:"sources"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Example is an answers-to-expected-top-path check that `medpath validate` runs.
type Example struct {
	Name    string               `yaml:"name"`
	Answers map[string]yaml.Node `yaml:"answers"`
	Expect  Ref                  `yaml:"expect"`

	file string // the file it was read from (set by the loader)
	pos  Pos    // where in the file (set by the loader)
}

// Status says how sure a figure or a route is. It is shown next to it, so an
// unconfirmed one is never presented as fact.
type Status string

// Statuses.
const (
	StatusOfficial    Status = "official"
	StatusThirdParty  Status = "third_party"
	StatusUnconfirmed Status = "unconfirmed"
)

var statuses = []Status{StatusOfficial, StatusThirdParty, StatusUnconfirmed}

func validStatus(s Status) bool { return slices.Contains(statuses, s) }

// dataFile is the shape of every YAML file: any of these top-level lists.
type dataFile struct {
	Sections    []Section    `yaml:"sections"`
	Questions   []Question   `yaml:"questions"`
	Levels      []Level      `yaml:"levels"`
	Paths       []Path       `yaml:"paths"`
	Bodies      []Body       `yaml:"bodies"`
	Credentials []Credential `yaml:"credentials"`
	States      []State      `yaml:"states"`
	Rules       []Rule       `yaml:"rules"`
	Fit         []FitBand    `yaml:"fit"`
	Sources     []Source     `yaml:"sources"`
	FAQ         []FAQ        `yaml:"faq"`
	Disclaimer  string       `yaml:"disclaimer"`
	Examples    []Example    `yaml:"examples"`
	// CurrentLastWhen is when a path the person already stands on ranks
	// after every other (for people who want to move on).
	CurrentLastWhen Cond       `yaml:"current_last_when"`
	StatePay        []StatePay `yaml:"state_pay"`
	Families        []Family   `yaml:"families"`
	Funding         []Funding  `yaml:"funding"`
	// SalaryFinder is the source whose page finds a state's pay (CareerOneStop's
	// Salary Finder), linked where the data has no state figure.
	SalaryFinder Ref `yaml:"salary_finder"`
	// InterestAreas are the six RIASEC areas, in RIASEC order, in words.
	InterestAreas []InterestArea `yaml:"interest_areas"`
	// InterestMatch are the bands of the interest match that score a path
	// (interests.go), strongest first.
	InterestMatch []MatchBand `yaml:"interest_match"`

	fitFile string
	fitPos  Pos
	name    string // the file's name
}

var typeOfDataFile = reflect.TypeFor[dataFile]()
