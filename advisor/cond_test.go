package advisor_test

import (
	"strings"
	"testing"
	"time"
)

// TestConditionLimits: a condition can use only the variables and the few
// functions the rules need, is capped in size, and cannot run away.
func TestConditionLimits(t *testing.T) {
	e := fixtureEngine(t)
	tests := []struct{ src, want string }{
		{`now().Year() > 2000`, `unknown variable "now"`},
		{`env() != nil`, `unknown variable "env"`},
		{`repeat("a", 100000000) == ""`, `unknown variable "repeat"`},
		{`split(state, ",") == []`, `unknown variable "split"`},
		{`budget + 1`, `must be true or false`},
		{strings.Repeat("budget > 1 and ", 200) + "true", `the limit is 2000`},
		{strings.Repeat("1==1 and ", 150) + "true", `exceeds maximum allowed nodes`},
		{strings.Repeat("(", 400) + "true" + strings.Repeat(")", 400), ``}, // deep but tiny: fine
		{`len([1..100000000]) > 0`, ``},                                    // compiles; evaluation is bounded (below)
	}
	for _, tt := range tests {
		err := e.CompileCondition(tt.src)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%.40s: unexpected error %v", tt.src, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%.40s: want %q, got %v", tt.src, tt.want, err)
		}
	}
	// A condition that would build a huge list stops at the VM's memory budget
	// and counts as false, quickly.
	start := time.Now()
	if e.EvalCondition(`len([1..100000000]) > 0`, nil) {
		t.Error("a runaway condition should not hold")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a runaway condition took %v", d)
	}
}
