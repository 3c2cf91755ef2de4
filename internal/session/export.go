package session

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"medpath/advisor"
)

// exportNames returns the names of the files [Export] writes for the n-th
// export (n = 1, 2, ...) of a student with label on day now:
// medpath-report-<label>-<date>.md and medpath-answers-<label>-<date>.yaml,
// with -2, -3, ... after the date from the second on, so a counselor can
// export several students, or one student several times, into one folder.
// A label with no letters or digits leaves only the date.
func exportNames(label string, now time.Time, n int) (report, answers string) {
	stem := now.Format("2006-01-02")
	if slug := slugify(label); slug != "" {
		stem = slug + "-" + stem
	}
	if n > 1 {
		stem += fmt.Sprintf("-%d", n)
	}
	return "medpath-report-" + stem + ".md", "medpath-answers-" + stem + ".yaml"
}

// maxExports bounds the -N suffixes tried in one folder on one day.
const maxExports = 1000

// Export writes the Markdown handout (`medpath report --format markdown`
// with the label as the student's name and the date in its header) and the
// answers file (its first comment lines naming the student and the date)
// into dir ("" means the current folder), and returns their paths.
//
// The names carry the label and the date, and an export never replaces a
// file: when either name is taken (the same student exported twice, or two
// students whose labels make the same name: "Maria" and "maria", two
// labels of emoji only), the next free -2, -3, ... is used for both. Each
// file is written whole or not at all, mode 0600.
//
// The folder is created (mode 0700) if it does not exist. The returned paths
// are absolute when the folder's absolute path can be found, so a screen can
// tell the student exactly where the files went. The answers file loads
// back with `medpath --answers FILE`. If dir cannot be written, the error
// names the folder and the plain reason, and nothing already there is lost.
func Export(eng *advisor.Engine, a advisor.Answers, dir, label string) (reportPath, answersPath string, err error) {
	return ExportAt(eng, a, dir, label, time.Now())
}

// ExportAt is [Export] on the day of now.
func ExportAt(eng *advisor.Engine, a advisor.Answers, dir, label string, now time.Time) (reportPath, answersPath string, err error) {
	if dir == "" {
		dir = "."
	}
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	label = oneLineLabel(label)

	// Render both files before touching the disk, so a rendering problem
	// leaves the folder exactly as it was.
	var report bytes.Buffer
	opts := advisor.ReportOptions{Name: label, Date: now}
	if err := eng.WriteReportWith(&report, eng.Recommend(a), advisor.FormatMarkdown, opts); err != nil {
		return "", "", fmt.Errorf("export: %w", err)
	}
	reportBytes := report.Bytes()
	answers := append(studentComment(label, now), eng.MarshalAnswers(a)...)

	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", folderError(dir, err)
	}
	for n := 1; n <= maxExports; n++ {
		reportName, answersName := exportNames(label, now, n)
		reportPath = filepath.Join(dir, reportName)
		answersPath = filepath.Join(dir, answersName)
		if _, err := os.Lstat(answersPath); err == nil {
			continue // taken: both names move on together
		}
		err := WriteNew(reportPath, reportBytes)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", "", folderError(dir, err)
		}
		err = WriteNew(answersPath, answers)
		if errors.Is(err, fs.ErrExist) { // taken since the check: give the pair up
			os.Remove(reportPath)
			continue
		}
		if err != nil {
			os.Remove(reportPath)
			return "", "", folderError(dir, err)
		}
		return reportPath, answersPath, nil
	}
	return "", "", fmt.Errorf("cannot save to folder %s: %d exports of %q today already", dir, maxExports, label)
}

// studentComment is the answers file's first lines: whose answers they are
// and when they were exported (the label is one line, so the comment holds).
func studentComment(label string, now time.Time) []byte {
	var b bytes.Buffer
	if label != "" {
		fmt.Fprintf(&b, "# student: %s\n", label)
	}
	fmt.Fprintf(&b, "# exported: %s\n", now.Format("2006-01-02"))
	return b.Bytes()
}

// folderError names the folder and the plain reason ("permission denied")
// rather than the temporary file's name, while keeping the whole chain for
// errors.Is (fs.ErrPermission, fs.ErrExist, ...).
func folderError(dir string, err error) error {
	return &exportError{dir: dir, reason: plainReason(err), err: err}
}

type exportError struct {
	dir    string
	reason error
	err    error
}

func (e *exportError) Error() string {
	return fmt.Sprintf("cannot save to folder %s: %v", e.dir, e.reason)
}

func (e *exportError) Unwrap() error { return e.err }
