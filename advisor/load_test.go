package advisor_test

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"medpath/advisor"
	"medpath/data"
)

// fixture is a small, valid data set; each error test breaks one thing in it.
var fixture = map[string]string{
	"questions.yaml": `sections:
  - {id: education, title: Education}
questions:
  - id: education
    section: education
    kind: choice
    prompt: Highest education?
    help: Pick one.
    ordered: true
    options:
      - {value: high_school, label: High school}
      - {value: associate, label: Associate}
      - {value: bachelor, label: Bachelor's}
    default: high_school
  - id: timeline_months
    section: education
    kind: number
    prompt: Months?
    min: 1
    max: 72
    default: 24
  - id: budget
    section: education
    kind: number
    prompt: Budget?
    min: 0
    max: 100000
    default: 5000
  - id: certifications_held
    section: education
    kind: multi
    prompt: Held?
    options:
      - {value: mlt-ascp, label: MLT(ASCP)}
    default: []
  - id: state
    section: education
    kind: choice
    prompt: State?
    options:
      - {value: CA, label: California}
      - {value: TX, label: Texas}
    default: TX
`,
	"paths.yaml": `paths:
  - id: mlt
    title: Medical Laboratory Technician
    level: technician
    summary: Runs tests.
    salary: {median: 61890, low: 38020, high: 97990, per: year, as_of: 2024-05, source: bls, status: third_party}
    steps:
      - id: program
        kind: education
        title: MLT program
        months: [18, 24]
        cost: [8000, 20000]
        source: bls
        skip_if: education == "bachelor"
        grants: {education: associate}
      - id: exam
        kind: exam
        title: Sit MLT(ASCP)
        credential: mlt-ascp
        months: 1
      - id: licence
        kind: licence
        title: State licence
        when: state in licensing_states
        months: [1, 3]
      - id: job
        kind: job
        title: First job
        months: 1
  - id: mls
    title: Medical Laboratory Scientist
    level: technologist
    summary: Runs complex tests.
    salary: {median: 61890, low: 38020, high: 97990, per: year, as_of: 2024-05, source: bls, status: third_party}
    steps:
      - id: degree
        kind: education
        title: Bachelor's
        months: [36, 48]
        cost: [10000, 40000]
        source: bls
`,
	"certifications.yaml": `bodies:
  - {id: ascp-boc, name: ASCP BOC}
credentials:
  - id: mlt-ascp
    name: MLT(ASCP)
    body: ascp-boc
    fee: {amount: 225, as_of: "2026", source: bls, status: third_party}
    routes:
      - route: "1"
        summary: Associate and a program.
        source: bls
        status: third_party
        requires:
          - {when: 'education in ["associate", "bachelor"]', because: an associate degree}
`,
	"states.yaml": `states:
  - {code: CA, name: California, licenses_lab_personnel: true, source: bls, status: official, note: Own licence only.}
  - {code: TX, name: Texas, licenses_lab_personnel: false, source: bls, status: official}
`,
	"rules.yaml": `fit:
  - {min: 5, label: Strong fit}
  - {min: -1000, label: Weak fit}
rules:
  - id: short
    when: timeline_months <= 12
    score: {mlt: 3, mls: -3}
    because: You want to work soon.
  - id: degree
    when: education == "bachelor"
    score: {mls: 6}
    because: You have a bachelor's.
disclaimer: Not a guarantee.
`,
	"sources.yaml": `sources:
  - {id: bls, publisher: BLS, title: OEWS, url: "https://www.bls.gov", as_of: 2024-05, status: official}
`,
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// with returns the fixture with one file's text replaced (old -> new).
func with(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	files := map[string]string{}
	for k, v := range fixture {
		files[k] = v
	}
	if !strings.Contains(files[file], old) {
		t.Fatalf("fixture %s does not contain %q", file, old)
	}
	files[file] = strings.Replace(files[file], old, new, 1)
	return mapFS(files)
}

func TestFixtureLoads(t *testing.T) {
	if _, err := advisor.Load(mapFS(fixture)); err != nil {
		t.Fatalf("fixture should load: %v", err)
	}
}

func TestEmbeddedDataValidates(t *testing.T) {
	e, err := advisor.Load(data.FS)
	if err != nil {
		t.Fatalf("embedded data: %v", err)
	}
	if f := e.RunExamples(); len(f) > 0 {
		t.Fatalf("examples fail: %v", f)
	}
	for _, id := range []string{"mlt", "mls", "phlebotomy", "ekg", "medication_tech", "behavioral_health_tech",
		"histotechnician", "histotechnologist", "molecular", "health_info_tech"} {
		if e.Path(id) == nil {
			t.Errorf("path %q missing", id)
		}
	}
	for _, id := range []string{"education", "college_credits", "biology_credits", "chemistry_credits", "lab_program",
		"lab_program_years_ago", "lab_experience_years", "military_lab_training", "certifications_held",
		"timeline_months", "budget", "study_format", "work_while_studying", "state", "patient_contact",
		"lab_work", "technology", "helping_people", "goal"} {
		if e.Question(id) == nil {
			t.Errorf("question %q missing", id)
		}
	}
}

func TestDataErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string // each must appear in one problem line
	}{
		{"unknown key", with(t, "paths.yaml", "    summary: Runs tests.", "    sumary: Runs tests."),
			[]string{`paths.yaml:5:5: unknown key "sumary" in a path (did you mean "summary"?)`}},
		{"duplicate id", with(t, "paths.yaml", "  - id: mls", "  - id: mlt"),
			[]string{`paths.yaml:30:5: duplicate path id "mlt" (first defined at paths.yaml:2)`}},
		{"unknown reference", with(t, "paths.yaml", "credential: mlt-ascp", "credential: mlt-acsp"),
			[]string{`paths.yaml:19:21: path mlt step exam: unknown credential "mlt-acsp" (did you mean "mlt-ascp"?)`}},
		{"unknown rule path", with(t, "rules.yaml", "score: {mlt: 3, mls: -3}", "score: {mtl: 3, mls: -3}"),
			[]string{`rules.yaml:5:5: rule short: score names unknown path "mtl" (did you mean "mlt"?)`}},
		{"figure without a source", with(t, "paths.yaml", "        cost: [8000, 20000]\n        source: bls\n", "        cost: [8000, 20000]\n"),
			[]string{`paths.yaml:12:15: path mlt step program cost: a figure without a source`}},
		{"salary without a source", with(t, "paths.yaml", "as_of: 2024-05, source: bls, status: third_party}\n    steps:\n      - id: program", "as_of: 2024-05, status: third_party}\n    steps:\n      - id: program"),
			[]string{`paths.yaml:6:13: path mlt salary: a figure without a source`}},
		{"unknown source", with(t, "paths.yaml", "source: bls\n        skip_if", "source: blss\n        skip_if"),
			[]string{`paths.yaml:13:17: path mlt step program cost: unknown source "blss" (did you mean "bls"?)`}},
		{"min greater than max", with(t, "paths.yaml", "months: [18, 24]", "months: [24, 18]"),
			[]string{`paths.yaml:11:17: path mlt step program: min 24 is greater than max 18`}},
		{"question min greater than max", with(t, "questions.yaml", "min: 1\n    max: 72", "min: 80\n    max: 72"),
			[]string{`questions.yaml:15:5: question timeline_months: min 80 is greater than max 72`}},
		{"condition not boolean", with(t, "rules.yaml", "when: timeline_months <= 12", "when: timeline_months + 12"),
			[]string{`rules.yaml:6:11: rule short when: a condition must be true or false, but this got int`}},
		{"condition unknown variable", with(t, "rules.yaml", `when: education == "bachelor"`, `when: educaton == "bachelor"`),
			[]string{`rules.yaml:10:11: rule degree when: unknown variable "educaton" (did you mean "education"?)`}},
		{"condition syntax", with(t, "paths.yaml", `skip_if: education == "bachelor"`, `skip_if: education == `),
			[]string{`paths.yaml:14:18: path mlt step program skip_if: unexpected token EOF`}},
		{"condition calls a function", with(t, "rules.yaml", `when: education == "bachelor"`, `when: now().Year() > 2000`),
			[]string{`rules.yaml:10:11: rule degree when: the function "now" is not allowed (at column 1 of the condition)`}},
		{"bad default", with(t, "questions.yaml", "default: TX", "default: ZZ"),
			[]string{`questions.yaml:43:14: question state: default: "ZZ" is not an option; allowed: "CA" or "TX"`}},
		{"wrong type", with(t, "rules.yaml", "score: {mlt: 3, mls: -3}", "score: {mlt: three, mls: -3}"),
			[]string{`rules.yaml:7: expected a number, got text "three"`}},
		{"yaml syntax", with(t, "sources.yaml", "sources:\n", "sources:\n  - [\n"),
			[]string{`sources.yaml:2: did not find expected node content`}},
		{"grant of unknown question", with(t, "paths.yaml", "grants: {education: associate}", "grants: {educatoin: associate}"),
			[]string{`paths.yaml:15:29: path mlt step program: grants unknown question "educatoin" (did you mean "education"?)`}},
		{"decimals on a choice", with(t, "questions.yaml", "    default: TX", "    decimals: true\n    default: TX"),
			[]string{`questions.yaml:36:5: question state: decimals is only for number questions, not choice`}},
		{"fit bands out of order", with(t, "rules.yaml", "min: -1000", "min: 1000"),
			[]string{`rules.yaml:2:3: fit bands must be listed from the highest min to the lowest`}},
		{"several problems at once", with(t, "paths.yaml", "level: technologist", "level: expert\n    onet: 1\n    colour: red"),
			[]string{`path mls: level "expert"`, `unknown key "colour" in a path`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := advisor.Load(tt.fsys)
			var de *advisor.DataError
			if !errors.As(err, &de) {
				t.Fatalf("want a *DataError, got %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
		})
	}
}

func TestOverlayReplacesAndAdds(t *testing.T) {
	overlay := mapFS(map[string]string{
		"local.yaml": `paths:
  - id: mlt
    title: MLT at Lakeside College
    level: technician
    summary: The local program.
    salary: {median: 58000, low: 41000, high: 80000, per: year, as_of: 2025-05, source: local, status: unconfirmed}
    steps:
      - {id: program, kind: education, title: Lakeside MLT, months: [20, 20], cost: [9000, 9000], source: local}
sources:
  - {id: local, publisher: Lakeside College, title: Program sheet, url: "https://example.edu", as_of: 2026-09, status: unconfirmed}
rules:
  - id: local-program
    when: budget <= 10000
    score: {mlt: 2}
    because: Lakeside's program fits your budget.
`,
	})
	e, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "school", FS: overlay})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Path("mlt").Title; got != "MLT at Lakeside College" {
		t.Errorf("overlay should replace mlt, title = %q", got)
	}
	if len(e.Paths()) != 2 {
		t.Errorf("overlay replaced in place: want 2 paths, got %d", len(e.Paths()))
	}
	r := e.Recommend(advisor.Answers{})
	found := false
	for _, p := range r.Paths {
		for _, rs := range p.Reasons {
			if rs.Rule == "local-program" {
				found = true
			}
		}
	}
	if !found {
		t.Error("the overlay's new rule should fire")
	}
}

func TestOverlayErrorsNameTheFolder(t *testing.T) {
	overlay := mapFS(map[string]string{"local.yaml": "rules:\n  - id: x\n    when: budgett > 1\n    score: {mlt: 1}\n    because: b\n"})
	_, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "school", FS: overlay})
	if err == nil || !strings.Contains(err.Error(), `school/local.yaml:3:11: rule x when: unknown variable "budgett" (did you mean "budget"?)`) {
		t.Fatalf("got %v", err)
	}
}

func TestCounselorExampleOverlay(t *testing.T) {
	e, err := advisor.Load(data.FS, advisor.Layer{Dir: "examples/counselor", FS: os.DirFS("../examples/counselor")})
	if err != nil {
		t.Fatal(err)
	}
	if f := e.RunExamples(); len(f) > 0 {
		t.Fatalf("the example's own examples fail: %v", f)
	}
	if !strings.Contains(e.Path("mlt").Title, "Lakeside") {
		t.Error("the overlay should replace the mlt path")
	}
	r := e.Recommend(advisor.Answers{"work_while_studying": true, "lab_work": 4})
	fired := false
	for _, p := range r.Paths {
		if p.ID == "mlt" {
			for _, rs := range p.Reasons {
				fired = fired || rs.Rule == "lakeside-evening-sections"
			}
		}
	}
	if !fired {
		t.Error("the overlay's rule should fire")
	}
}

func TestFailingExampleIsReported(t *testing.T) {
	overlay := mapFS(map[string]string{"x.yaml": "examples:\n  - name: wrong on purpose\n    answers: {education: high_school}\n    expect: mls\n"})
	e, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "school", FS: overlay})
	if err != nil {
		t.Fatal(err)
	}
	f := e.RunExamples()
	if len(f) != 1 || !strings.Contains(f[0], `school/x.yaml:2: example "wrong on purpose": expected top path "mls", got "mlt"`) {
		t.Fatalf("got %v", f)
	}
}

// reverseFS lists a folder's files in reverse name order, as some file
// systems might; loading must not notice.
type reverseFS struct{ fstest.MapFS }

func (r reverseFS) ReadDir(name string) ([]fs.DirEntry, error) {
	des, err := r.MapFS.ReadDir(name)
	slices.Reverse(des)
	return des, err
}

func newPath(id string) string {
	return `paths:
  - id: ` + id + `
    title: Path ` + id + `
    level: technician
    summary: Added by an overlay.
    salary: {median: 50000, low: 40000, high: 60000, per: year, as_of: 2024-05, source: bls, status: third_party}
`
}

// TestLoadIgnoresFileNamesAndOrder checks that paths an overlay adds rank on
// a tie by id, whatever their files are called or however the folder lists
// them, and that the base data's order comes first.
func TestLoadIgnoresFileNamesAndOrder(t *testing.T) {
	layouts := map[string]fs.FS{
		"a then b":       mapFS(map[string]string{"a.yaml": newPath("zeta"), "b.yaml": newPath("alpha")}),
		"renamed":        mapFS(map[string]string{"a.yaml": newPath("alpha"), "b.yaml": newPath("zeta")}),
		"listed reverse": reverseFS{mapFS(map[string]string{"a.yaml": newPath("zeta"), "b.yaml": newPath("alpha")})},
		"one file":       mapFS(map[string]string{"x.yaml": newPath("zeta") + strings.TrimPrefix(newPath("alpha"), "paths:\n")}),
	}
	want := []string{"mlt", "mls", "alpha", "zeta"} // base order, then new ids in order
	for name, overlay := range layouts {
		t.Run(name, func(t *testing.T) {
			e, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "school", FS: overlay})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range e.Paths() {
				got = append(got, p.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("paths in order %v; want %v", got, want)
			}
			// every score is 0 with the defaults: the tie keeps that order
			r := e.Recommend(advisor.Answers{})
			got = got[:0]
			for _, p := range r.Paths {
				if p.Score != 0 {
					t.Fatalf("%s scored %d; this test needs a tie", p.ID, p.Score)
				}
				got = append(got, p.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("ranking %v; want %v", got, want)
			}
			if top := e.Top(advisor.Answers{}); top.ID != want[0] {
				t.Errorf("Top = %s; want %s", top.ID, want[0])
			}
		})
	}
}

func TestDuplicateIDWithinOneOverlay(t *testing.T) {
	overlay := reverseFS{mapFS(map[string]string{"a.yaml": newPath("alpha"), "b.yaml": newPath("alpha")})}
	_, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "school", FS: overlay})
	// the file that comes later by name is the duplicate, however the folder lists them
	if err == nil || !strings.Contains(err.Error(), `school/b.yaml:2:5: duplicate path id "alpha" (first defined at school/a.yaml:2)`) {
		t.Fatalf("got %v", err)
	}
}
