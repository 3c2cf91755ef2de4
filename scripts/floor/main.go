// Command floor is the smallest program on medpath's stack (Bubble Tea v2 and
// Lip Gloss v2), the floor that scripts/bench.sh compares medpath to:
//
//	floor        renders one view to a string and prints it (like medpath report)
//	floor -tui   runs a Bubble Tea program on the alternate screen until a key
//	             is pressed (like the interactive advisor's first frame)
package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (model) View() tea.View {
	v := tea.NewView(lipgloss.NewStyle().Bold(true).Render("floor: career advisor"))
	v.AltScreen = true
	return v
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-tui" {
		if _, err := tea.NewProgram(model{}, tea.WithFPS(120)).Run(); err != nil {
			os.Exit(1)
		}
		return
	}
	lipgloss.Fprintln(os.Stdout, lipgloss.NewStyle().Bold(true).Render("floor"))
}
