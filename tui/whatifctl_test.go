package tui

import (
	"testing"
)

// TestWhatIfCtl drives the what-if state machine on its own: no results,
// nothing to try; a change that changes nothing is not a what-if; a real
// change is put on show, the next change starts from it, and it is kept or
// discarded.
func TestWhatIfCtl(t *testing.T) {
	e := engine(t)
	real := fixedAnswers()
	rec := e.Recommend(e.VisibleAnswers(real))
	w := whatIfCtl{eng: e}

	if _, _, ok := w.update(whatIfOpen{}, real, nil); ok {
		t.Error("a what-if opened without results")
	}
	if _, _, ok := w.update(whatIfKeep{}, real, rec); ok {
		t.Error("kept a what-if that is not there")
	}
	_, step, ok := w.update(whatIfOpen{}, real, rec)
	if !ok || step.show != stateWhatIf || step.fill != fillPicker || !step.from.Equal(real) {
		t.Fatalf("open: %+v", step)
	}

	w, step, _ = w.update(whatIfTried{answers: real.Clone()}, real, rec)
	if w.cur != nil || step.show != stateResult || step.status == nil || *step.status != whatIfSame {
		t.Errorf("the same answers: what-if %v, step %+v", w.cur != nil, step)
	}

	changed := real.Clone()
	changed["timeline_months"] = 36
	w, step, _ = w.update(whatIfTried{answers: changed}, real, rec)
	if w.cur == nil || w.cur.answers["timeline_months"] != 36 || step.fill != fillResults || *step.status != (status{}) {
		t.Fatalf("a change: what-if %v, step %+v", w.cur, step)
	}
	changed["education"] = "bachelor" // the what-if keeps its own copy
	if w.cur.answers["education"] != "associate" {
		t.Error("the what-if shares the answers it was given")
	}
	if _, step, _ := w.update(whatIfPick{id: "education"}, real, rec); step.fill != fillQuestion || step.id != "education" ||
		step.from["timeline_months"] != 36 {
		t.Errorf("the next change starts from %v, want the what-if answers", step.from)
	}

	kept, step, ok := w.update(whatIfKeep{}, real, rec)
	if !ok || kept.cur != nil || step.fill != fillKept || step.kept["timeline_months"] != 36 || *step.status != whatIfKept {
		t.Errorf("keep: %+v", step)
	}
	dropped, step, _ := w.update(whatIfDiscard{}, real, rec)
	if dropped.cur != nil || step.fill != fillResults || *step.status != whatIfDiscarded {
		t.Errorf("discard: %+v", step)
	}
}
