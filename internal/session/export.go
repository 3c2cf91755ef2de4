package session

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"medpath/advisor"
)

// exportNames returns the names of the files [Export] writes: with a
// session label, medpath-report-<label>.md and medpath-answers-<label>.yaml,
// so a counselor can export several students into one folder.
func exportNames(label string) (report, answers string) {
	if slug := slugify(label); slug != "" {
		return "medpath-report-" + slug + ".md", "medpath-answers-" + slug + ".yaml"
	}
	return "medpath-report.md", "medpath-answers.yaml"
}

// Export writes the Markdown report (the same bytes as `medpath report
// --format markdown`) and the answers file into dir ("" means the current
// folder), each with [WriteFile], and returns their paths. label (the
// session's label, or "") goes into the file names.
//
// The folder is created (mode 0700) if it does not exist. The returned paths
// are absolute when the folder's absolute path can be found, so a screen can
// tell the student exactly where the files went. Files of the same names from
// an earlier export are replaced whole; the answers file loads back with
// `medpath --answers FILE`. If dir cannot be written, the error names the
// folder and the plain reason, and nothing already there is lost.
func Export(eng *advisor.Engine, a advisor.Answers, dir, label string) (reportPath, answersPath string, err error) {
	if dir == "" {
		dir = "."
	}
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}

	// Render both files before touching the disk, so a rendering problem
	// leaves the folder exactly as it was.
	var report bytes.Buffer
	if err := eng.WriteReport(&report, eng.Recommend(a), advisor.FormatMarkdown); err != nil {
		return "", "", fmt.Errorf("export: %w", err)
	}
	answers := eng.MarshalAnswers(a)

	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", folderError(dir, err)
	}
	reportName, answersName := exportNames(label)
	reportPath = filepath.Join(dir, reportName)
	answersPath = filepath.Join(dir, answersName)
	if err := WriteFile(reportPath, report.Bytes()); err != nil {
		return "", "", folderError(dir, err)
	}
	if err := WriteFile(answersPath, answers); err != nil {
		return "", "", folderError(dir, err)
	}
	return reportPath, answersPath, nil
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
