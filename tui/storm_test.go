package tui

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"medpath/advisor"
)

// TestKeyStorm sends 10,000 random keys and resizes (down to 1x1) through
// Update, with sessions off, on (saving into a copy of the fixtures) and
// failing, and every mode the keys reach (what-if included; f12 without the
// test hook). The model must never panic, never draw an empty screen, and
// never draw wider or taller than the terminal.
func TestKeyStorm(t *testing.T) {
	keys := []string{
		"enter", "enter", "enter", "tab", "shift+tab", "esc", "up", "down", "down", "left", "right",
		"home", "end", "pgup", "pgdown", "backspace", "space", "ctrl+u", "ctrl+d", "ctrl+s",
		"?", "h", "l", "j", "k", "g", "G", "y", "n", "r", "e", "c", "f", "b", "T", "N", "x", "$", ",",
		"0", "1", "2", "3", "4", "5", "6", "9", "q",
		"w", "w", "a", "f12", "M",
	}
	for _, sessions := range []string{"off", "on", "failing"} {
		t.Run("sessions-"+sessions, func(t *testing.T) {
			o := Options{}
			switch sessions {
			case "on":
				o.SessionDir = sessCopyFixtures(t)
			case "failing":
				blocker := filepath.Join(t.TempDir(), "file")
				if err := os.WriteFile(blocker, nil, 0o600); err != nil {
					t.Fatal(err)
				}
				o.SessionDir = filepath.Join(blocker, "sessions")
			}
			keyStorm(t, keys, o)
		})
	}
}

// keyStorm sends 10,000 random keys and resizes to a model with options o.
func keyStorm(t *testing.T, keys []string, o Options) {
	seed := uint64(20261124)
	rng := rand.New(rand.NewPCG(seed, seed))
	m := sessModel(t, o, 80, 24)
	m.export = func(*advisor.Engine, advisor.Answers, string, string) (string, string, error) {
		return "report.md", "answers.yaml", nil
	}
	w, h := 80, 24
	for i := range 10000 {
		var msg tea.Msg
		switch r := rng.IntN(100); {
		case r < 6:
			w, h = rng.IntN(130)+1, rng.IntN(50)+1
			if rng.IntN(4) == 0 {
				w, h = 1, 1
			}
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case r < 7:
			msg = tea.PasteMsg{Content: "12,5"}
		default:
			if k := keys[rng.IntN(len(keys))]; k == "f12" {
				msg = tea.KeyPressMsg{Code: tea.KeyF12}
			} else {
				msg = keypress(k)
			}
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("step %d (%#v) in state %s: panic: %v", i, msg, m.state, p)
				}
			}()
			m = send(m, msg)
		}()
		if m.quitting { // a real program would stop; start over
			m.quitting, m.cancelled, m.confirmQuit = false, false, false
		}
		v := m.View().Content
		if strings.TrimSpace(ansi.Strip(v)) == "" {
			t.Fatalf("step %d in state %s at %dx%d: empty view", i, m.state, w, h)
		}
		lines := strings.Split(v, "\n")
		if len(lines) > max(h, 1) {
			t.Fatalf("step %d in state %s: %d lines on a %d-line terminal", i, m.state, len(lines), h)
		}
		for _, l := range lines {
			if lw := ansi.StringWidth(l); lw > max(w, 1) {
				t.Fatalf("step %d in state %s: a %d-cell line on a %d-column terminal:\n%s", i, m.state, lw, w, ansi.Strip(v))
			}
		}
	}
}
