//go:build unix

package session

import (
	"os"
	"syscall"
)

// openNoBlock opens name for reading without waiting for a FIFO's writer.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
