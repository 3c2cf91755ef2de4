package advisor_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"medpath/advisor"
)

// loadDir loads the fixture with the folder dir as an overlay, opened as the
// CLI should open it, and fails the test if that takes more than 5 s (a FIFO
// opened for reading blocks until a writer comes).
func loadDir(t *testing.T, dir string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		fsys, err := advisor.DirFS(dir)
		if err != nil {
			done <- err
			return
		}
		_, err = advisor.Load(mapFS(fixture), advisor.Layer{Dir: "o", FS: fsys})
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("loading the folder hangs")
		return nil
	}
}

const goodOverlay = "sources:\n  - {id: local, publisher: P, title: T, url: u, as_of: 2026, status: official}\n"

// TestS5SymlinkOutOfTheFolderIsRefused: a link in an overlay folder that
// leads out of it is refused by name, and what it points to is never read
// into a message; a link to a file inside the folder is followed.
func TestS5SymlinkOutOfTheFolderIsRefused(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "shadow")
	if err := os.WriteFile(secret, []byte("root:$6$secret-hash:19000:0:99999:7:::\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(secret, filepath.Join(dir, "x.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../"+filepath.Base(outside)+"/shadow", filepath.Join(dir, "y.yaml")); err != nil {
		t.Fatal(err)
	}
	err := loadDir(t, dir)
	if err == nil {
		t.Fatal("a link out of the folder should be refused")
	}
	for _, want := range []string{
		"o/x.yaml: a link that cannot be followed inside the folder (it leads out of the folder); copy the file itself into the folder",
		"o/y.yaml: a link that cannot be followed inside the folder",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "secret-hash") || strings.Contains(err.Error(), "root:") {
		t.Errorf("the target's contents leak into the message:\n%v", err)
	}

	// a link to a file in the same folder is fine
	inside := t.TempDir()
	if err := os.WriteFile(filepath.Join(inside, "real.yaml.txt"), []byte(goodOverlay), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml.txt", filepath.Join(inside, "x.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := loadDir(t, inside); err != nil {
		t.Errorf("a link inside the folder should load: %v", err)
	}
}

// TestU7YmlFilesAndSubfolders: .yml and .YAML files are read like .yaml;
// a subfolder is reported, not skipped; hidden entries and other files are
// left alone.
func TestU7YmlFilesAndSubfolders(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.yml", goodOverlay)
	write("b.YAML", "rules:\n  - {id: r, when: budgett > 1, score: {mlt: 1}, because: b}\n")
	write("README.md", "# notes\n")
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o700); err != nil {
		t.Fatal(err)
	}
	err := loadDir(t, dir)
	if err == nil || !strings.Contains(err.Error(), `o/b.YAML:2:19: rule r when: unknown variable "budgett"`) {
		t.Fatalf("b.YAML should be read: %v", err)
	}
	write("b.YAML", "rules:\n  - {id: r, when: budget > 1, score: {mlt: 1}, because: b}\n")
	if err := loadDir(t, dir); err != nil {
		t.Fatalf("a folder of .yml and .YAML files should load: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o700); err != nil {
		t.Fatal(err)
	}
	err = loadDir(t, dir)
	if want := "o/old: a subfolder is not read; put its data files directly in o, or give it as another --data folder"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want %q, got %v", want, err)
	}
}

// TestDirFSRefusesEscapes: the file system DirFS returns cannot be led out of
// the folder by a path or a link.
func TestDirFSRefusesEscapes(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "abs")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", filepath.Base(outside), "secret"), filepath.Join(dir, "rel")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	fsys, err := advisor.DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"abs", "rel", "sub/secret", "../" + filepath.Base(outside) + "/secret"} {
		if f, err := fsys.Open(name); err == nil {
			f.Close()
			t.Errorf("%s: opened a file outside the folder", name)
		}
	}
	if c, ok := fsys.(interface{ Close() error }); !ok || c.Close() != nil {
		t.Error("DirFS's result should close")
	}
}
