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
		if got := budgetNote(tt.span, tt.have); got != tt.budget {
			t.Errorf("budgetNote(%v, %v) = %q; want %q", tt.span, tt.have, got, tt.budget)
		}
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
