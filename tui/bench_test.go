package tui

import (
	"testing"

	"medpath/advisor"
)

// BenchmarkView draws each screen at 120x40 (the side-by-side layouts).
// Target: under 1 ms per View.
func BenchmarkView(b *testing.B) {
	for _, name := range []string{"welcome", "question-choice", "question-number-error", "question-long-list",
		"review", "result-overview", "result-plan", "result-certification", "result-pay", "compare", "learn"} {
		for _, sc := range screenCases {
			if sc.name != name {
				continue
			}
			b.Run(name, func(b *testing.B) {
				m := sc.build(b, 120, 40)
				b.ReportAllocs()
				for b.Loop() {
					if m.View().Content == "" {
						b.Fatal("empty view")
					}
				}
			})
		}
	}
}

// BenchmarkCountQuestions counts the questions for "Question n of N" on the
// first question with no answers, where the most answers are still to give
// (pacing.go; the screens cache the count per answers and question).
func BenchmarkCountQuestions(b *testing.B) {
	e := engine(b)
	a := advisor.Answers{}
	for b.Loop() {
		countQuestions(e, a, openAfter(a, "education"))
	}
}
