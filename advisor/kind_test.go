package advisor

import (
	"strings"
	"testing"
)

func numberQuestion(lo, hi int, decimals bool) *Question {
	return &Question{ID: "n", Kind: KindNumber, Min: &lo, Max: &hi, Decimals: decimals}
}

func TestParseNumber(t *testing.T) {
	whole := numberQuestion(0, 200000, false)
	years := numberQuestion(0, 50, true)
	scale := &Question{ID: "s", Kind: KindScale, Min: new(1), Max: new(5)}
	tests := []struct {
		q    *Question
		in   string
		want any    // the answer, when the input is good
		msg  string // part of the message, when it is not
	}{
		{whole, "2000", 2000, ""},
		{whole, " 2,000 ", 2000, ""},
		{whole, "$2,000", 2000, ""},
		{whole, "$ 150,000", 150000, ""},
		{whole, "1_000", 1000, ""},
		{whole, "010", 10, ""}, // never octal
		{whole, "0", 0, ""},
		{whole, "+7", 7, ""},
		{whole, "2.0", 2, ""}, // a whole number written with a point
		{whole, "2.5", nil, `"2.5" is not a whole number; type a whole number from 0 to 200000`},
		{whole, "abc", nil, `"abc" is not a whole number; type a whole number from 0 to 200000`},
		{whole, "", nil, `type a whole number from 0 to 200000`},
		{whole, "1,5", nil, `"1,5" is not a number: a comma separates thousands`},
		{whole, "20,00", nil, `a comma separates thousands`},
		{whole, "0x10", nil, `"0x10" is not a whole number`},
		{whole, "1e3", 1000, ""},
		{whole, "inf", nil, `"inf" is not a whole number`},
		{whole, "NaN", nil, `"NaN" is not a whole number`},
		{whole, "10 000", nil, `"10 000" is not a whole number`},
		{whole, "-5", nil, `-5 is less than 0; type a whole number from 0 to 200000`},
		{whole, "250,000", nil, `250000 is more than 200000`},
		{whole, "1e400", nil, `is more than 200000`},
		{whole, "99999999999999999999999", nil, `is more than 200000`},
		{years, "3.5", 3.5, ""},
		{years, "10.67", 10.67, ""},
		{years, ".5", 0.5, ""},
		{years, "3", 3, ""}, // whole answers stay ints
		{years, "3.50", 3.5, ""},
		{years, "abc", nil, `"abc" is not a number; type a number from 0 to 50 (decimals allowed)`},
		{years, "50.5", nil, `50.5 is more than 50`},
		{years, "1,5", nil, `a comma separates thousands`},
		{scale, "4", 4, ""},
		{scale, "4.5", nil, `"4.5" is not a whole number; type a whole number from 1 to 5`},
		{scale, "6", nil, `6 is more than 5`},
	}
	for _, tt := range tests {
		got, msg := tt.q.ParseNumber(tt.in)
		if tt.msg == "" {
			if msg != "" || got != tt.want {
				t.Errorf("%s ParseNumber(%q) = %v (%T), %q; want %v (%T)", tt.q.ID, tt.in, got, got, msg, tt.want, tt.want)
			}
			continue
		}
		if got != nil || !strings.Contains(msg, tt.msg) {
			t.Errorf("%s ParseNumber(%q) = %v, %q; want a message with %q", tt.q.ID, tt.in, got, msg, tt.msg)
		}
	}
}

func TestNumberRule(t *testing.T) {
	tests := []struct {
		q    *Question
		want string
	}{
		{numberQuestion(0, 50, false), "a whole number from 0 to 50"},
		{numberQuestion(0, 50, true), "a number from 0 to 50 (decimals allowed)"},
		{numberQuestion(-5, 5, false), "a whole number from -5 to 5"},
	}
	for _, tt := range tests {
		if got := tt.q.NumberRule(); got != tt.want {
			t.Errorf("NumberRule() = %q; want %q", got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		in   any
		want string
	}{{12, "12"}, {3.5, "3.5"}, {10.67, "10.67"}, {2.0, "2"}, {-1, "-1"}, {"x", "x"}} {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestKind(t *testing.T) {
	for _, tt := range []struct {
		k              Kind
		valid, options bool
	}{
		{KindChoice, true, true},
		{KindMulti, true, true},
		{KindNumber, true, false},
		{KindScale, true, false},
		{KindYesNo, true, false},
		{"text", false, false},
	} {
		if tt.k.Valid() != tt.valid || tt.k.HasOptions() != tt.options {
			t.Errorf("%s: Valid, HasOptions = %v, %v; want %v, %v", tt.k, tt.k.Valid(), tt.k.HasOptions(), tt.valid, tt.options)
		}
	}
	zeros := map[*Question]any{
		{Kind: KindChoice}:                 "",
		{Kind: KindNumber}:                 0,
		{Kind: KindNumber, Decimals: true}: 0.0,
		{Kind: KindScale}:                  0,
		{Kind: KindYesNo}:                  false,
	}
	for q, want := range zeros {
		if got := q.zero(); got != want {
			t.Errorf("%s (decimals %v) zero = %#v; want %#v", q.Kind, q.Decimals, got, want)
		}
	}
	if z, ok := (&Question{Kind: KindMulti}).zero().([]string); !ok || len(z) != 0 {
		t.Errorf("multi zero = %#v; want an empty list", z)
	}
}

func TestParseNumberEchoesLittle(t *testing.T) {
	q := numberQuestion(0, 10, false)
	_, msg := q.ParseNumber(strings.Repeat("9x", 100))
	if len(msg) > 120 || !strings.Contains(msg, `9x9x..."`) {
		t.Errorf("a long input is echoed whole: %q", msg)
	}
}
