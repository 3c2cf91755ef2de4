package session_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
	"medpath/internal/session"
)

// exportAnswers is a persona with every kind of answer.
var exportAnswers = advisor.Answers{
	"education":           "associate",
	"college_credits":     64,
	"lab_program":         "mlt",
	"certifications_held": []string{"pbt-ascp"},
	"work_while_studying": true,
	"timeline_months":     12,
	"lab_work":            5,
	"state":               "NY",
}

// exportDay is the day the tests export on.
var exportDay = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

func TestExportWritesReportAndAnswers(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	reportPath, answersPath, err := session.ExportAt(eng, exportAnswers, dir, "", exportDay)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if reportPath != filepath.Join(dir, "medpath-report-2026-11-30.md") || answersPath != filepath.Join(dir, "medpath-answers-2026-11-30.yaml") {
		t.Errorf("paths = %s, %s", reportPath, answersPath)
	}
	for _, p := range []string{reportPath, answersPath} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v; want 0600", p, fi.Mode().Perm())
		}
	}

	// The report is `medpath report --format markdown --date 2026-11-30`.
	var want bytes.Buffer
	if err := eng.WriteReportWith(&want, eng.Recommend(exportAnswers), advisor.FormatMarkdown, advisor.ReportOptions{Date: exportDay}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || !bytes.Contains(got, []byte("30 November 2026")) {
		t.Errorf("the report differs from `medpath report --format markdown --date 2026-11-30`:\n%.300s", got)
	}

	b, err := os.ReadFile(answersPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("# exported: 2026-11-30\n")) {
		t.Errorf("the answers file does not start with the date: %.100s", b)
	}
	back, err := eng.ParseAnswers(answersPath, b)
	if err != nil {
		t.Fatalf("the answers file does not load back: %v\n%s", err, b)
	}
	if !reflect.DeepEqual(back, exportAnswers) {
		t.Errorf("answers round trip:\n got %v\nwant %v", back, exportAnswers)
	}

	// no temporary files are left behind
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v; want only the two files", names)
	}
}

// TestD5ExportsNeverCollide: exports of different students whose labels
// make the same name ("Maria" and "maria", "Ana Lee" and "ana.lee", two
// labels of emoji only), and two exports of one student, all keep their own
// files; each file names its student and the date.
func TestD5ExportsNeverCollide(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	students := []struct {
		label   string
		answers advisor.Answers
		name    string // the report's file name
	}{
		{"Maria", advisor.Answers{"education": "bachelor"}, "medpath-report-maria-2026-11-30.md"},
		{"maria", advisor.Answers{"education": "associate"}, "medpath-report-maria-2026-11-30-2.md"},
		{"Ana Lee", advisor.Answers{"education": "high_school"}, "medpath-report-ana-lee-2026-11-30.md"},
		{"ana.lee", advisor.Answers{"education": "some_college"}, "medpath-report-ana-lee-2026-11-30-2.md"},
		{"🌟", advisor.Answers{"budget": 1000}, "medpath-report-2026-11-30.md"},
		{"🎓", advisor.Answers{"budget": 2000}, "medpath-report-2026-11-30-2.md"},
		{"", advisor.Answers{"budget": 3000}, "medpath-report-2026-11-30-3.md"},
		{"Maria", advisor.Answers{"education": "none"}, "medpath-report-maria-2026-11-30-3.md"},
	}
	for _, s := range students {
		r, a, err := session.ExportAt(eng, s.answers, dir, s.label, exportDay)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(r) != s.name || filepath.Base(a) != strings.Replace(strings.Replace(s.name, "report", "answers", 1), ".md", ".yaml", 1) {
			t.Errorf("%q: exported to %s and %s; want %s", s.label, filepath.Base(r), filepath.Base(a), s.name)
		}
	}
	// Every file still holds its own student's answers and names them.
	for _, s := range students {
		a := filepath.Join(dir, strings.Replace(strings.Replace(s.name, "report", "answers", 1), ".md", ".yaml", 1))
		b, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := eng.ParseAnswers(a, b)
		if err != nil || !reflect.DeepEqual(back, s.answers) {
			t.Errorf("%s holds %v (%v); want %v", a, back, err, s.answers)
		}
		if s.label != "" && !bytes.HasPrefix(b, []byte("# student: "+s.label+"\n# exported: 2026-11-30\n")) {
			t.Errorf("%s does not name the student and the date: %.80s", a, b)
		}
		md, _ := os.ReadFile(filepath.Join(dir, s.name))
		var want bytes.Buffer
		eng.WriteReportWith(&want, eng.Recommend(s.answers), advisor.FormatMarkdown, advisor.ReportOptions{Name: s.label, Date: exportDay})
		if !bytes.Equal(md, want.Bytes()) || !bytes.Contains(md, []byte("30 November 2026")) {
			t.Errorf("%s is not the handout for %q on 30 November 2026:\n%.200s", s.name, s.label, md)
		}
	}
	if n := entries(t, dir); len(n) != 2*len(students) {
		t.Errorf("the folder holds %d files; want %d", len(n), 2*len(students))
	}
}

// TestD5ExportLabelIsPlain: a label with escape sequences and line breaks
// reaches the files as one plain line.
func TestD5ExportLabelIsPlain(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	r, a, err := session.ExportAt(eng, exportAnswers, dir, "Ana\u2029budget: 5\x1b]0;X\a", exportDay)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(a)
	back, err := eng.ParseAnswers(a, b)
	if err != nil || !reflect.DeepEqual(back, exportAnswers) {
		t.Errorf("the answers file gained or lost answers: %v %v\n%s", back, err, b)
	}
	md, _ := os.ReadFile(r)
	if bytes.ContainsAny(md, "\x1b\a\u2029") || bytes.ContainsAny(b, "\x1b\a\u2029") {
		t.Errorf("an escape or a separator reached the files")
	}
}

func TestExportCreatesFolder(t *testing.T) {
	eng := engine(t)
	dir := filepath.Join(t.TempDir(), "students", "2025")
	reportPath, _, err := session.Export(eng, exportAnswers, dir, "")
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if filepath.Dir(reportPath) != dir {
		t.Errorf("report written to %s; want in %s", reportPath, dir)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("new folder has mode %v; want 0700", fi.Mode().Perm())
	}
}

func TestExportCurrentFolder(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	t.Chdir(dir)
	reportPath, answersPath, err := session.Export(eng, exportAnswers, "", "")
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	for _, p := range []string{reportPath, answersPath} {
		if !filepath.IsAbs(p) {
			t.Errorf("path %q is not absolute", p)
		}
		if _, err := os.Stat(filepath.Base(p)); err != nil {
			t.Errorf("%s is not in the current folder: %v", filepath.Base(p), err)
		}
	}
}

func TestExportUnwritableFolder(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	earlier := filepath.Join(dir, "medpath-report.md")
	if err := os.WriteFile(earlier, []byte("an earlier report\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	// root (and some file systems) ignore the mode; then there is nothing to test
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Skip("the folder is writable despite mode 0500 (running as root?)")
	}

	reportPath, answersPath, err := session.Export(eng, exportAnswers, dir, "")
	if err == nil {
		t.Fatal("Export into a read-only folder succeeded")
	}
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q does not name the folder", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("error %q is not a permission error", err)
	}
	if reportPath != "" || answersPath != "" {
		t.Errorf("paths %q, %q returned with an error", reportPath, answersPath)
	}
	b, err := os.ReadFile(earlier)
	if err != nil || string(b) != "an earlier report\n" {
		t.Errorf("the earlier report was changed: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "medpath-answers.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an answers file appeared: %v", err)
	}
}

func TestExportFolderIsAFile(t *testing.T) {
	eng := engine(t)
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("keep me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := session.Export(eng, exportAnswers, file, ""); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("err = %v; want an error naming %s", err, file)
	}
	if b, _ := os.ReadFile(file); string(b) != "keep me\n" {
		t.Errorf("the file was changed: %q", b)
	}
}
