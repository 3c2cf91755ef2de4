package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestU2AttackBudget is the budget test of issue 11: every attack input of
// the reliability review, given to validate, report and batch (and the
// session files to the advisor), finishes within 5 s and under 512 MiB of
// heap (RLIMIT_DATA; over it the Go runtime dies with "fatal error: out of
// memory", exit 2, which no program can catch), with exit 0, 1 or 2 and,
// when it is refused, a short message that starts with "medpath". The
// review found out-of-memory crashes (U2) for overlays, answers files, CSVs
// and session files; the budgets on everything read are what prevent them.
func TestU2AttackBudget(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", answersA)
	cohort := filepath.Dir(write(t, dir, "cohort/s1.yaml", answersA))

	overlays := map[string]string{
		"S1 12^10-step condition":   evilCPU(t, dir),
		"S1 2^40-byte string":       evilMem(t, dir),
		"S6 alias amplification":    aliasOverlay(t, dir),
		"S7 one 1 MiB file":         bigOverlay(t, dir, 1),
		"S7 ten 1 MiB files":        bigOverlay(t, dir, 10),
		"S4 escape codes in text":   lakeside(t, dir, "esc", "title: Medical Laboratory Technician (MLT), Lakeside example", `title: "MLT \e[2J\e]0;X\a"`),
		"U10 a cost of 2^62":        lakeside(t, dir, "cost", "cost: [11400, 12900]", "cost: [11400, 4611686018427387904]"),
		"D3 a label of two lines":   filepath.Dir(write(t, dir, "label/x.yaml", "questions:\n  - {id: q1, section: situation, kind: yesno, prompt: \"a\\u2029b: 1\"}\n")),
		"U15 1 MiB of unknown keys": filepath.Dir(write(t, dir, "keys/x.yaml", unknownKeys())),
		"49,000 keys in 490 KB":     filepath.Dir(write(t, dir, "keys49k/x.yaml", manyKeys(49_000))),
		"S5 a link out":             linkOut(t, dir),
		"H3 a FIFO":                 fifoIn(t, dir, "fifo-overlay"),
	}
	for name, ov := range overlays {
		for _, args := range [][]string{{"validate", "--data", ov}, {"report", "--data", ov, "--answers", a}, {"batch", "--data", ov, cohort}} {
			t.Run(name+"/"+args[0], func(t *testing.T) { withinBudget(t, runBin(t, runOpts{}, args...)) })
		}
	}
	t.Cleanup(func() { t.Logf("slowest run %v, largest peak %d MiB", slowest.Round(time.Millisecond), largest) })

	huge := strings.Repeat("a", 900_000)
	answers := map[string]string{
		"D1 leading zeros":      write(t, dir, "ans/o.yaml", "budget: 010000\ntimeline_months: 012\n"),
		"U4 2^63":               write(t, dir, "ans/big.yaml", "budget: 9223372036854775808\n"),
		"U14 near-whole":        write(t, dir, "ans/frac.yaml", "budget: 4999.9999999999999999\n"),
		"U3 NUL":                write(t, dir, "ans/nul.yaml", "education: assoc\x00iate\n"),
		"U3 UTF-16":             write(t, dir, "ans/u16.yaml", "e\x00d\x00u\x00:\x00 \x00x\x00\n\x00"),
		"U15 unknown keys":      write(t, dir, "ans/keys.yaml", unknownKeys()),
		"49,000 keys":           write(t, dir, "ans/keys49k.yaml", manyKeys(49_000)),
		"H2 a 900 KB value":     write(t, dir, "ans/huge.yaml", "education: "+huge+"\n"),
		"H2 a 900 KB key":       write(t, dir, "ans/hugekey.yaml", "? "+huge+"\n: 1\n"),
		"alias bomb":            write(t, dir, "ans/bomb.yaml", aliasBomb()),
		"deep nesting":          write(t, dir, "ans/deep.yaml", "education: "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n"),
		"U6 two documents":      write(t, dir, "ans/two.yaml", "education: associate\n---\nbudget: 5\n"),
		"U4 a complex key":      write(t, dir, "ans/ck.yaml", "? [a, b]\n: 1\n"),
		"S4 escape codes":       write(t, dir, "ans/esc.yaml", "education: \"\\e]0;X\\a\"\n"),
		"H1 over 1 MiB":         bigLine(t, dir, "ans/big2.yaml", "education: associate\n#", 'x', 2<<20, "\n"),
		"H1 a FIFO":             mkfifo(t, filepath.Join(dir, "ans"), "fifo.yaml"),
		"H1 a folder":           filepath.Join(dir, "ans"),
		"a 1 MiB one-line list": write(t, dir, "ans/list.yaml", "certifications_held: ["+strings.TrimSuffix(strings.Repeat("a,", 500_000), ",")+"]\n"),
	}
	if os.Geteuid() == 0 {
		answers["H1 /dev/zero's device"] = mknod(t, dir, "zero", 5)
	} else {
		t.Log("not root: no device node (mknod needs root)")
	}
	for name, f := range answers {
		folder := filepath.Join(dir, "batch-"+strings.ReplaceAll(name, " ", "_"))
		os.Mkdir(folder, 0o700)
		if st, err := os.Lstat(f); err == nil && st.Mode().IsRegular() {
			b, _ := os.ReadFile(f)
			write(t, folder, "student.yaml", string(b))
		} else {
			os.Symlink(f, filepath.Join(folder, "student.yaml"))
		}
		for _, args := range [][]string{{"report", "--answers", f}, {"compare", f, a}, {"batch", folder}} {
			t.Run(name+"/"+args[0], func(t *testing.T) { withinBudget(t, runBin(t, runOpts{}, args...)) })
		}
		t.Run(name+"/--session", func(t *testing.T) {
			withinBudget(t, runBin(t, runOpts{stdin: strings.NewReader(strings.Repeat("\n", 60))}, "--accessible", "--session", f))
		})
	}

	csvs := map[string]string{
		"H2 a 100 MB value":      bigLine(t, dir, "g.csv", "id,education\ns1,", 'a', 100<<20, "\n"),
		"H2 a 50 MB header":      bigLine(t, dir, "h.csv", "", 'x', 50<<20, ""),
		"H2 a 20 MB quoted cell": bigLine(t, dir, "q.csv", "id,education\ns1,\"", '\n', 20<<20, "\"\n"),
		"D1 zero-padded":         write(t, dir, "pad.csv", "id,education,budget,timeline_months\nz,high_school,03000,012\n"),
		"S4 escape ids":          write(t, dir, "ids.csv", "id,education\n\"\x1b]0;X\a\x1b[2J\",phd\n"),
		"S4 formulas":            write(t, dir, "f.csv", "id,education\n=cmd|' /C calc'!A0,associate\n"),
		"U15 10,000 columns":     write(t, dir, "c5.csv", columns(10_000)),
		"many cells in a row":    write(t, dir, "cells.csv", "id,education\ns1"+strings.Repeat(",", 60_000)+"\n"),
		"H1 a FIFO CSV":          mkfifo(t, dir, "fifo.csv"),
	}
	if os.Geteuid() == 0 {
		csvs["H2 /dev/zero's device"] = filepath.Join(dir, "zero")
	}
	for name, f := range csvs {
		t.Run(name+"/batch", func(t *testing.T) { withinBudget(t, runBin(t, runOpts{}, "batch", f)) })
	}
}

// withinBudget checks that r ended within the budget, and if it refused
// its input, with a short message from medpath (not a Go crash).
func withinBudget(t *testing.T, r runResult) {
	t.Helper()
	slowest, largest = max(slowest, r.took), max(largest, r.rssMiB)
	quick(t, r)
	switch {
	case r.code < 0 || r.code > 2:
		t.Errorf("exit %d; want 0, 1 or 2: %v", r.code, r)
	case r.code != 0 && !strings.HasPrefix(r.stderr, "medpath"):
		t.Errorf("refused without a message from medpath: %v", r)
	case len(r.stderr) > 64<<10:
		t.Errorf("stderr is %d bytes", len(r.stderr))
	}
}

// slowest and largest are the budget test's slowest run and largest peak
// memory, logged at its end.
var (
	slowest time.Duration
	largest int64
)

// linkOut is an overlay folder with a link to a file outside it.
func linkOut(t *testing.T, dir string) string {
	secret := write(t, dir, "secret.txt", "root:SECRET\n")
	o := filepath.Join(dir, "linkout")
	os.Mkdir(o, 0o700)
	if err := os.Symlink(secret, filepath.Join(o, "x.yaml")); err != nil {
		t.Fatal(err)
	}
	return o
}

// fifoIn is a folder holding a FIFO named x.yaml.
func fifoIn(t *testing.T, dir, name string) string {
	o := filepath.Join(dir, name)
	os.Mkdir(o, 0o700)
	mkfifo(t, o, "x.yaml")
	return o
}

// columns is a CSV header of n unknown columns.
func columns(n int) string {
	cols := make([]string, n)
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d", i)
	}
	return strings.Join(cols, ",") + "\n"
}

// aliasBomb is a billion laughs: 14 levels of 9 aliases of the level below.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	for c := 'b'; c <= 'n'; c++ {
		ref := "*" + string(c-1)
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat(ref+", ", 9), ", "))
	}
	return b.String()
}

// manyKeys is a mapping of n short keys.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%05d: 1\n", i)
	}
	return b.String()
}
