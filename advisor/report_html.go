package advisor

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// The HTML report is one self-contained page: no scripts, no network, styles
// inline, laid out to print on A4 or Letter. Headings, captioned tables with
// header cells and dark-on-light text keep it accessible.

var htmlFuncs = template.FuncMap{
	"dollars":  Dollars,
	"span":     DollarSpan,
	"months":   MonthsText,
	"eligible": EligibleLabel,
	"status":   StatusLabel,
	"salary":   SalaryLine,
	"outlook":  OutlookLine,
	"cap":      Capitalize,
	"add":      func(a, b int) int { return a + b },
	"line":     oneLine,
	"sentence": sentence,
	"licence":  LicenceLine,
}

const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; border-bottom: 1px solid #555; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #666; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
.now { font-weight: bold; } .note { font-size: .9em; color: #333; }
.disclaimer { border: 1px solid #555; padding: .6em; margin-top: 1.5em; }
@page { size: auto; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
`

const htmlReportTmpl = `{{with .Top}}<header>
<h1>Career recommendation: {{.Title}}</h1>
<p><strong>Recommended path:</strong> {{.Title}}, {{.Level}} level: <strong>{{.Fit}}</strong>, score {{.Score}}.</p>
<p>{{line .Summary}}</p>
</header>
<main>
<section aria-labelledby="why"><h2 id="why">Why</h2>
<ul>{{range .Reasons}}<li>({{printf "%+d" .Delta}}) {{.Because}}</li>{{end}}
{{range .Gates}}<li>{{if .Met}}Met: {{sentence .Because}}{{else}}<strong>Not met:</strong> {{sentence .Because}} Bridge: {{sentence .Bridge}}{{end}}</li>{{end}}</ul>
</section>
<section aria-labelledby="plan"><h2 id="plan">Plan: {{months .TotalMonths}} to a first job, {{span .TotalCost}}</h2>
<table><caption>Steps in order</caption>
<thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Kind</th><th scope="col">Starts</th><th scope="col">Months</th><th scope="col">Cost</th></tr></thead>
<tbody>{{range $i, $s := .Plan}}<tr><td>{{add $i 1}}</td><td>{{$s.Title}}{{if $s.Note}}<div class="note">{{$s.Note}}</div>{{end}}</td><td>{{$s.Kind}}</td><td>{{if $s.Later}}later{{else}}month {{$s.StartMonth.Min}}{{end}}</td><td>{{months $s.Months}}</td><td>{{span $s.Cost}}</td></tr>
{{end}}</tbody></table>
<p>{{cap .TimelineNote}}.<br>{{cap .BudgetNote}}.</p>
</section>
{{if .Certifications}}<section aria-labelledby="certs"><h2 id="certs">Certification routes</h2>
<table><caption>Eligibility by route</caption>
<thead><tr><th scope="col">Credential</th><th scope="col">Route</th><th scope="col">Eligible</th><th scope="col">Why</th></tr></thead>
<tbody>{{range .Certifications}}<tr><td>{{.Credential}}</td><td>{{.Route}}</td><td{{if eq .Eligible "now"}} class="now"{{end}}>{{eligible .Eligible}}</td><td>{{cap .Because}}{{if eq .Status "unconfirmed"}} (unconfirmed: verify with the certifying body){{end}}</td></tr>
{{end}}</tbody></table></section>{{end}}
{{with .Licence}}<section aria-labelledby="licence"><h2 id="licence">State licence</h2>
<p>{{licence .}}</p></section>{{end}}
<section aria-labelledby="pay"><h2 id="pay">Pay and outlook</h2>
<ul><li>Pay: {{salary .Salary}}. Source: {{$.SourceName .Salary.Source}} ({{status .Salary.Status}}).{{if .Salary.Note}} <span class="note">{{.Salary.Note}}</span>{{end}}</li>
<li>Outlook: {{outlook .Outlook}}. Source: {{$.SourceName .Outlook.Source}} ({{status .Outlook.Status}}).</li></ul></section>
{{end}}
<section aria-labelledby="alts"><h2 id="alts">Alternatives</h2>
<table><caption>Other paths, ranked</caption>
<thead><tr><th scope="col">Rank</th><th scope="col">Path</th><th scope="col">Level</th><th scope="col">Fit</th><th scope="col">Time to first job</th><th scope="col">Cost</th><th scope="col">Median pay</th></tr></thead>
<tbody>{{range .Others}}<tr><td>{{.Rank}}</td><td>{{.Title}}</td><td>{{.Level}}</td><td>{{.Fit}} ({{.Score}})</td><td>{{months .TotalMonths}}</td><td>{{span .TotalCost}}</td><td>{{dollars .Salary.Median}}</td></tr>
{{end}}</tbody></table></section>
{{if .R.Assumed}}<section aria-labelledby="assumed"><h2 id="assumed">Assumed answers</h2>
<ul>{{range .R.Assumed}}<li><code>{{.ID}}</code>: {{$.AnswerText .ID .Value}} ({{line .Prompt}})</li>{{end}}</ul></section>{{end}}
<section aria-labelledby="sources"><h2 id="sources">Sources</h2>
<ul>{{range .R.Sources}}<li>{{.Publisher}}, <cite>{{.Title}}</cite>, as of {{.AsOf}} ({{status .Status}}). {{.URL}}</li>{{end}}</ul></section>
<p class="disclaimer" role="note"><strong>Please note:</strong> {{line .R.Disclaimer}}</p>
</main>
`

// The templates are parsed on first use, not at start-up: most runs never
// write HTML.
var (
	htmlHeadT   = sync.OnceValue(func() *template.Template { return template.Must(template.New("head").Parse(htmlHead)) })
	htmlReportT = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("report").Funcs(htmlFuncs).Parse(htmlReportTmpl))
	})
)

type htmlData struct {
	e      *Engine
	R      *Recommendation
	Top    *PathResult
	Others []PathResult
}

func (d htmlData) SourceName(id string) string { return d.e.SourceName(id) }

func (d htmlData) AnswerText(id string, v any) string { return d.e.AnswerText(id, v) }

// writeHTMLHead writes the page head with its title; the batch report uses it too.
func writeHTMLHead(b *bytes.Buffer, title string) {
	if err := htmlHeadT().Execute(b, struct{ Title string }{title}); err != nil {
		panic(err) // the template is fixed and its data is a string: cannot fail
	}
}

func (e *Engine) htmlReport(b *bytes.Buffer, r *Recommendation) {
	writeHTMLHead(b, "medpath: "+r.Paths[0].Title)
	e.htmlBody(b, r)
	b.WriteString("</body>\n</html>\n")
}

// htmlBody writes one student's report sections (no page head).
func (e *Engine) htmlBody(b *bytes.Buffer, r *Recommendation) {
	d := htmlData{e: e, R: r, Top: &r.Paths[0], Others: r.Paths[1:]}
	if err := htmlReportT().Execute(b, d); err != nil {
		fmt.Fprintf(b, "<p>report could not be rendered: %s</p>", template.HTMLEscapeString(strings.TrimSpace(err.Error())))
	}
}
