//go:build unix

package advisor_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"medpath/advisor"
)

// TestH3SpecialFilesAreRefused: a FIFO, a socket, a device node or a link to
// one of them where a data file is expected is refused at once, by name.
func TestH3SpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodOverlay), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if err := os.Symlink("fifo.yaml", filepath.Join(dir, "link-to-fifo.yaml")); err != nil {
		t.Fatal(err)
	}
	wants := []string{
		"o/fifo.yaml: a named pipe (FIFO), not a regular file; a data file must be a regular file",
		"o/link-to-fifo.yaml: a named pipe (FIFO), not a regular file",
	}
	// a socket: the name is relative, as a socket path is limited to 108 bytes
	t.Chdir(dir)
	if l, err := net.Listen("unix", "sock.yaml"); err == nil {
		defer l.Close()
		wants = append(wants, "o/sock.yaml: a socket, not a regular file")
	} else {
		t.Logf("no socket test: %v", err)
	}
	// a device node, made in the temporary folder (root only)
	if err := syscall.Mknod(filepath.Join(dir, "null.yaml"), syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
		wants = append(wants, "o/null.yaml: a character device, not a regular file")
	} else {
		t.Logf("no device node test (needs root): %v", err)
	}
	start := time.Now()
	err := loadDir(t, dir)
	if err == nil {
		t.Fatal("special files should be refused")
	}
	for _, want := range wants {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in:\n%v", want, err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing took %v", d)
	}

	// os.DirFS (no non-blocking open) must not hang either: the type is
	// checked before the file is opened
	done := make(chan error, 1)
	go func() {
		_, err := advisor.Load(mapFS(fixture), advisor.Layer{Dir: "o", FS: os.DirFS(dir)})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), wants[0]) {
			t.Errorf("os.DirFS: want %q, got %v", wants[0], err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("os.DirFS: loading a folder with a FIFO hangs")
	}
}
