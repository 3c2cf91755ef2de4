package advisor

import "testing"

func TestPlanNotes(t *testing.T) {
	tests := []struct {
		span     Span
		have     float64
		timeline string
		budget   string
	}{
		{Span{4, 6}, 6, "fits your timeline: 4–6 months against your 6 months",
			"fits your budget: $4–$6 against your $6"},
		{Span{4, 8}, 6, "fits your timeline only at the quick end: 4–8 months against your 6 months",
			"fits your budget only at the low end: $4–$8 against your $6"},
		{Span{18, 24}, 12, "longer than your timeline: 18–24 months against your 12 months",
			"costs more than your budget: $18–$24 against your $12 (ask about financial aid and employer-paid training)"},
		{Span{1, 1}, 1.5, "fits your timeline: 1 month against your 1.5 months",
			"fits your budget: $1 against your $1.50"},
	}
	for _, tt := range tests {
		if got := timelineNote(tt.span, tt.have); got != tt.timeline {
			t.Errorf("timelineNote(%v, %v) = %q; want %q", tt.span, tt.have, got, tt.timeline)
		}
		if got := budgetNote(tt.span, tt.have, nil); got != tt.budget {
			t.Errorf("budgetNote(%v, %v) = %q; want %q", tt.span, tt.have, got, tt.budget)
		}
	}
}

func TestBudgetNoteNamesFunding(t *testing.T) {
	fs := []FundingInfo{{Name: "WIOA Individual Training Account"}, {Name: "employer-paid training"}}
	want := "fits your budget only at the low end: $4–$8 against your $6; ways to pay that may fit: WIOA Individual Training Account and employer-paid training"
	if got := budgetNote(Span{4, 8}, 6, fs); got != want {
		t.Errorf("budgetNote = %q; want %q", got, want)
	}
}

func TestMoney(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{{0, "$0"}, {19355, "$19,355"}, {2000.5, "$2,000.50"}, {1999.999, "$2,000"}, {0.05, "$0.05"}, {-12.5, "-$12.50"}, {-3, "-$3"}} {
		if got := money(tt.in); got != tt.want {
			t.Errorf("money(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestRouteWords(t *testing.T) {
	tests := []struct{ got, want string }{
		{routeMet([]string{"a degree", "a program"}), "you meet every part: a degree; a program"},
		{routeNotMet([]string{"a program"}), "not met: a program"},
		{routeMetAfter("Finish the program", []string{"a program"}), `after "Finish the program" you would meet: a program`},
		{routeDiscontinued(""), "this route is discontinued"},
		{routeDiscontinued(" Closed in 2024. "), "this route is discontinued (Closed in 2024)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q; want %q", tt.got, tt.want)
		}
	}
}

func TestSalaryPeriodAndLine(t *testing.T) {
	s := SalaryInfo{Median: 61890, Low: 38020, High: 97990, AsOf: "2024-05"}
	if s.Period() != "year" {
		t.Errorf("no per: Period = %q; want year", s.Period())
	}
	if got, want := SalaryLine(s), "national median $61,890 a year (range $38,020–$97,990), as of 2024-05"; got != want {
		t.Errorf("SalaryLine = %q; want %q", got, want)
	}
	s.Covers = "lab technologists and technicians together"
	if got, want := SalaryLine(s), "national median $61,890 a year (range $38,020–$97,990), as of 2024-05; covers lab technologists and technicians together"; got != want {
		t.Errorf("SalaryLine with covers = %q; want %q", got, want)
	}
	// an estimate is never called a median, and a release without a range shows none
	e := SalaryInfo{Median: 47890, AsOf: "2025-05", Estimate: true, Covers: "the lower quarter of all cardiovascular technologists and technicians"}
	if got, want := SalaryLine(e), "our estimate $47,890 a year (national; not a BLS median), as of 2025-05; covers the lower quarter of all cardiovascular technologists and technicians"; got != want {
		t.Errorf("SalaryLine of an estimate = %q; want %q", got, want)
	}
	if got, want := PayShort(e), "$47,890, our estimate (the lower quarter of all cardiovascular technologists and technicians)"; got != want {
		t.Errorf("PayShort of an estimate = %q; want %q", got, want)
	}
	s.Per = "hour"
	if s.Period() != "hour" {
		t.Errorf("Period = %q; want hour", s.Period())
	}
}

func TestLicenceLine(t *testing.T) {
	tests := []struct {
		l    LicenceInfo
		want string
	}{
		{LicenceInfo{Name: "California", Required: true, Status: StatusOfficial},
			"California licenses clinical laboratory personnel, so the plan includes the licence step."},
		{LicenceInfo{Name: "California", Required: true, Note: "Own licence only", Status: StatusOfficial},
			"California licenses clinical laboratory personnel, so the plan includes the licence step. Own licence only."},
		{LicenceInfo{Name: "Texas", Status: StatusOfficial},
			"Texas does not license clinical laboratory personnel, so the plan has no licence step."},
		{LicenceInfo{Name: "Georgia", Note: "Georgia licenses laboratories, not people.", Status: StatusUnconfirmed},
			"Georgia: Georgia licenses laboratories, not people. (Unconfirmed: verify with the state.)"},
	}
	for _, tt := range tests {
		if got := LicenceLine(&tt.l); got != tt.want {
			t.Errorf("LicenceLine(%+v) = %q; want %q", tt.l, got, tt.want)
		}
	}
}

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"": "", "fits": "Fits", "éclair": "Éclair", "1 month": "1 month", "\xff": "\xff"} {
		if got := Capitalize(in); got != want {
			t.Errorf("Capitalize(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestCompactWordsCarryTheCaveats(t *testing.T) {
	if got := CompactPay(SalaryInfo{Median: 47890, Estimate: true}); got != "$47.9k est." {
		t.Errorf("CompactPay of an estimate = %q; want $47.9k est.", got)
	}
	if got := CompactPay(SalaryInfo{Median: 61890}); got != "$61.9k" {
		t.Errorf("CompactPay = %q", got)
	}
	p := &PathResult{Funding: []FundingInfo{{Name: "WIOA Individual Training Account"}, {Name: "Workforce Pell Grant"}}}
	if got, want := PlanFunding(p), "Ways to pay that may fit: WIOA Individual Training Account and Workforce Pell Grant."; got != want {
		t.Errorf("PlanFunding = %q; want %q", got, want)
	}
	if got := PlanFunding(&PathResult{}); got != "" {
		t.Errorf("PlanFunding of a plan within the budget = %q", got)
	}
	if got, want := PayFigures(SalaryInfo{Median: 43660}), "median $43,660 (no range for this release)"; got != want {
		t.Errorf("PayFigures without a range = %q; want %q", got, want)
	}
	if got, want := PayFigures(SalaryInfo{Median: 47890, Estimate: true}), "our estimate $47,890 (no range for this release)"; got != want {
		t.Errorf("PayFigures of an estimate = %q; want %q", got, want)
	}
}
