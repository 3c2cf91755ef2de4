package advisor

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// The HTML report is the handout: one self-contained page (no scripts, no
// network, styles inline) that prints on at most two A4 or Letter pages.
// Headings, a captioned table with header cells, words beside every symbol
// and dark-on-light text keep it accessible. The cohort report shares the
// plain page head below.

var htmlFuncs = template.FuncMap{
	"cap":   Capitalize,
	"lower": strings.ToLower,
	"add":   func(a, b float64) float64 { return a + b },
	"join":  func(s []string) string { return strings.Join(s, ", ") },
	// profileHeading heads the interest profile, as in every front end.
	"profileHeading": func() string { return ProfileHeading },
	// grid is the spacing of the timeline's month lines, in percent of the track.
	"grid": func(t []tickView) float64 {
		if len(t) < 2 {
			return 100
		}
		return t[1].Pct - t[0].Pct
	},
}

// handoutHTML is the handout page: its stylesheet, header band and sections.
//
//go:embed handout.html.tmpl
var handoutHTML string

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

// The templates are parsed on first use, not at start-up: most runs never
// write HTML.
var (
	htmlHeadT    = sync.OnceValue(func() *template.Template { return template.Must(template.New("head").Parse(htmlHead)) })
	htmlHandoutT = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("handout").Funcs(htmlFuncs).Parse(handoutHTML))
	})
)

// writeHTMLHead writes the cohort report's page head with its title.
func writeHTMLHead(b *bytes.Buffer, title string) {
	if err := htmlHeadT().Execute(b, struct{ Title string }{title}); err != nil {
		panic(err) // the template is fixed and its data is a string: cannot fail
	}
}

// htmlReport writes the handout (see handout.go) as one self-contained page.
func (e *Engine) htmlReport(b *bytes.Buffer, h *handout) {
	if err := htmlHandoutT().Execute(b, h); err != nil {
		fmt.Fprintf(b, "<p>report could not be rendered: %s</p>", template.HTMLEscapeString(strings.TrimSpace(err.Error())))
	}
}
