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

func TestExportWritesReportAndAnswers(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	reportPath, answersPath, err := session.Export(eng, exportAnswers, dir, "")
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if reportPath != filepath.Join(dir, "medpath-report.md") || answersPath != filepath.Join(dir, "medpath-answers.yaml") {
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

	var want bytes.Buffer
	if err := eng.WriteReport(&want, eng.Recommend(exportAnswers), advisor.FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the report differs from `medpath report --format markdown`")
	}

	b, err := os.ReadFile(answersPath)
	if err != nil {
		t.Fatal(err)
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

func TestExportReplacesEarlierExport(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	if _, _, err := session.Export(eng, advisor.Answers{"education": "bachelor"}, dir, ""); err != nil {
		t.Fatal(err)
	}
	_, answersPath, err := session.Export(eng, exportAnswers, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(answersPath)
	if back, err := eng.ParseAnswers(answersPath, b); err != nil || !reflect.DeepEqual(back, exportAnswers) {
		t.Errorf("second export did not replace the first: %v, %v", back, err)
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

func TestExportNamesCarryTheLabel(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	r1, a1, err := session.Export(eng, exportAnswers, dir, "Maria José")
	if err != nil {
		t.Fatal(err)
	}
	r2, _, err := session.Export(eng, exportAnswers, dir, "Ben")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(r1) != "medpath-report-maria-josé.md" || filepath.Base(a1) != "medpath-answers-maria-josé.yaml" {
		t.Errorf("names %s %s", r1, a1)
	}
	if r1 == r2 {
		t.Error("two students' exports into one folder must not replace each other")
	}
}
