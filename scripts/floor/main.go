// Command floor is the smallest program on medpath's stack (Bubble Tea v2 and
// Lip Gloss v2): it builds a model, renders one view to a string and prints it.
// scripts/bench.sh times it as the floor that medpath's start-up is compared to.
package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type model struct{}

func (model) Init() tea.Cmd                         { return nil }
func (m model) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, tea.Quit }
func (model) View() tea.View                        { return tea.NewView("floor") }

func main() {
	var m tea.Model = model{}
	v := m.View()
	lipgloss.Fprintln(os.Stdout, lipgloss.NewStyle().Bold(true).Render(v.Content))
}
