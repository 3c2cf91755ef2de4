package tui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// TestFields drives each kind of field on its own, as the question screen
// does: its keys switched on, keys sent, then its answer, whether the keys
// answered at once, and whether going back would keep what was done.
func TestFields(t *testing.T) {
	e := engine(t)
	st := newStyles(true)
	tests := []struct {
		name     string
		id       string
		start    advisor.Answers
		keys     []string
		want     any  // value() after the keys; nil: none (ok false)
		done     any  // the answer a key gave at once; nil: none
		touched  bool // the student ticked or typed
		on, off  []string
		viewHas  string
		howToHas string
	}{
		{name: "choice moves", id: "education", keys: []string{"home", "down", "down"},
			want: e.Question("education").Options[2].Value, on: []string{"up", "down", "home"}, off: []string{"space", "y"},
			viewHas: "> ( ) ", howToHas: "Type a number from 1 to"},
		{name: "choice digit goes to an option", id: "education", keys: []string{"4", "9"},
			want: e.Question("education").Options[3].Value, on: []string{"1", "5"}, off: []string{"6", "space"}},
		{name: "choice long list jumps", id: "state", start: advisor.Answers{"state": "AL"}, keys: []string{"T", "T"},
			want: "TX", on: []string{"T", "g", "pgdown", "home"}, off: []string{"space"}, viewHas: "Texas"},
		{name: "multi ticks", id: "certifications_held", keys: []string{"space", "down", "down", "space"},
			want: []string{"pbt-ascp", "rpt-amt"}, touched: true, on: []string{"space", "down"}, off: []string{"y", "1"},
			viewHas: "> [x] RPT(AMT)", howToHas: "all that apply"},
		{name: "multi untouched", id: "certifications_held", keys: []string{"down"}, want: []string{}},
		{name: "yes no answers at once", id: "work_while_studying", keys: []string{"y"},
			want: false, done: true, on: []string{"y", "n", "down"}, off: []string{"space"}, howToHas: "y for yes"},
		{name: "yes no by the cursor", id: "work_while_studying", keys: []string{"up"}, want: true},
		{name: "scale rates at once", id: "lab_work", keys: []string{"4"}, want: 4, done: 4,
			on: []string{"1", "5", "down"}, off: []string{"6", "space"}, viewHas: "Not at all", howToHas: "1 = Not at all"},
		{name: "number typed", id: "budget", keys: []string{"$", "1", ",", "2", "0", "0"}, want: 1200, touched: true,
			on: []string{"enter", "esc", "home"}, off: []string{"up", "space", "y"}, howToHas: "in US dollars"},
		{name: "number default", id: "budget", want: 10000, viewHas: "enter alone takes 10000"},
		{name: "number bad", id: "budget", keys: []string{"1", "2", "x"}, want: nil, touched: true, viewHas: `! "12x" is not a whole number`},
		{name: "number home is not typed", id: "budget", keys: []string{"1", "g", "home", "2"}, want: 12, touched: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := e.Question(tt.id)
			f, _ := newField(q, tt.start, map[string]string{}, st)
			k := questionKeys(defaultKeys(), f)
			var done any
			for _, name := range tt.keys {
				var d any
				f, _, d = f.update(keypress(name), k, 5)
				if d != nil {
					done = d
				}
			}
			f, v, ok := f.value()
			if tt.want == nil {
				if ok {
					t.Errorf("value %#v, want none", v)
				}
			} else if !ok || !reflect.DeepEqual(v, tt.want) {
				t.Errorf("value %#v (%v), want %#v", v, ok, tt.want)
			}
			if done != tt.done {
				t.Errorf("answered at once %#v, want %#v", done, tt.done)
			}
			if f.touched() != tt.touched {
				t.Errorf("touched %v, want %v", f.touched(), tt.touched)
			}
			for _, name := range tt.on {
				if !matchesAny(k, keypress(name)) {
					t.Errorf("key %s is off", name)
				}
			}
			for _, name := range tt.off {
				if matchesAny(k, keypress(name)) {
					t.Errorf("key %s is on", name)
				}
			}
			if v := ansi.Strip(strings.Join(f.view(st, 70, 12), "\n")); !strings.Contains(v, tt.viewHas) {
				t.Errorf("view lacks %q:\n%s", tt.viewHas, v)
			}
			if !strings.Contains(f.howTo(), tt.howToHas) {
				t.Errorf("howTo %q lacks %q", f.howTo(), tt.howToHas)
			}
		})
	}
}

// matchesAny reports whether any of the question screen's bindings takes k.
func matchesAny(k keyMap, msg tea.KeyPressMsg) bool {
	return key.Matches(msg, k.Next, k.Back, k.Explain, k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End,
		k.Jump, k.Toggle, k.Yes, k.No, k.Rate)
}
