//go:build !unix

package session

import "os"

// openNoBlock opens name for reading.
func openNoBlock(name string) (*os.File, error) {
	return os.Open(name)
}
