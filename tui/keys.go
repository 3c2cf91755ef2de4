package tui

import (
	"charm.land/bubbles/v2/key"
)

// keyMap holds every key the advisor reacts to. Screens keep their own copy
// and switch off what does not apply to them, so the help line never lists a
// key that does nothing (a disabled binding also never matches).
type keyMap struct {
	// Moving in lists. Move only describes Up and Down together in the help.
	Move     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Jump     key.Binding // first letter of an option in long lists
	Filter   key.Binding // type to narrow a long list

	// Answering.
	Next    key.Binding
	Back    key.Binding
	Choose  key.Binding
	Toggle  key.Binding
	Yes     key.Binding
	No      key.Binding
	Rate    key.Binding
	Skip    key.Binding // skip a skippable scale (an activity of the inventory)
	Explain key.Binding

	// Review and results.
	Change     key.Binding
	Results    key.Binding
	NextTab    key.Binding
	PrevTab    key.Binding
	TabNumber  key.Binding
	ScrollUp   key.Binding
	ScrollDown key.Binding
	Compare    key.Binding
	Learn      key.Binding
	Export     key.Binding
	WhatIf     key.Binding // try a change to one answer on the results
	Keep       key.Binding // keep a what-if: it becomes the real answers

	// The welcome's saved sessions and name field.
	Rename key.Binding
	Delete key.Binding
	Focus  key.Binding // to the name field and back

	// Everywhere.
	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
	Confirm   key.Binding
	Deny      key.Binding

	// TestPanic panics inside Update, to test crash handling end to end. It
	// only works when Options.TestPanic is set (main sets it when
	// MEDPATH_TEST_PANIC=1) and is never shown in the help.
	TestPanic key.Binding
}

// jumpKeys are the letters that jump to an option: every letter except the
// ones with another job in a list (j/k move, h explains, q quits), plus the
// capitals, which always jump.
var jumpKeys = func() []string {
	var ks []string
	for r := 'a'; r <= 'z'; r++ {
		switch r {
		case 'j', 'k', 'h', 'q':
			continue
		}
		ks = append(ks, string(r))
	}
	for r := 'A'; r <= 'Z'; r++ {
		ks = append(ks, string(r))
	}
	return ks
}()

// defaultKeys returns the advisor's key bindings.
func defaultKeys() keyMap {
	return keyMap{
		Move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "first")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		Jump:     key.NewBinding(key.WithKeys(jumpKeys...), key.WithHelp("a-z", "jump to letter")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),

		Next:    key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next")),
		Back:    key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),
		Choose:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Toggle:  key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick/untick")),
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y/n", "yes/no")),
		No:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Rate:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-5", "rate")),
		Skip:    key.NewBinding(key.WithKeys("0", "s"), key.WithHelp("0/s", "skip")),
		Explain: key.NewBinding(key.WithKeys("?", "h"), key.WithHelp("?", "explain")),

		Change:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "change")),
		Results:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "see results")),
		NextTab:    key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next tab")),
		PrevTab:    key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("←", "previous tab")),
		TabNumber:  key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "open tab")),
		ScrollUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u", "b"), key.WithHelp("pgup/b", "scroll back")),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn/space", "scroll")),
		Compare:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare levels")),
		Learn:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "FAQ")),
		Export:     key.NewBinding(key.WithKeys("e", "ctrl+s"), key.WithHelp("e", "export")),
		WhatIf:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "what if")),
		Keep:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "keep the change")),
		Rename:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Delete:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Focus:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "name")),

		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Confirm:   key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes, quit")),
		Deny:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no, stay")),
		TestPanic: key.NewBinding(key.WithKeys("f12")),
	}
}

// enable switches off every screen binding of k, then switches on the ones
// given (pointers into k), so each screen lists exactly the keys it uses.
func (k *keyMap) enable(on ...*key.Binding) {
	all := []*key.Binding{
		&k.Move, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End, &k.Jump, &k.Filter,
		&k.Next, &k.Back, &k.Choose, &k.Toggle, &k.Yes, &k.No, &k.Rate, &k.Skip, &k.Explain,
		&k.Change, &k.Results, &k.NextTab, &k.PrevTab, &k.TabNumber, &k.ScrollUp, &k.ScrollDown,
		&k.Compare, &k.Learn, &k.Export, &k.WhatIf, &k.Keep, &k.Rename, &k.Delete, &k.Focus,
	}
	for _, b := range all {
		b.SetEnabled(false)
	}
	for _, b := range on {
		b.SetEnabled(true)
	}
}

// helpKeys is what the help line shows for one screen; it implements
// help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
