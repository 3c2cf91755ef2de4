package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkPackages fails if medpath, its advisor or its TUI could open a
// network connection: no package they depend on may be a networking package.
// (net/url and net/netip only parse text and are allowed.)
func TestNoNetworkPackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".", "./advisor", "./tui").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "net" || strings.HasPrefix(pkg, "net/http") || pkg == "crypto/tls" ||
			pkg == "net/rpc" || pkg == "net/smtp" || pkg == "net/mail" || strings.HasPrefix(pkg, "golang.org/x/net") {
			t.Errorf("medpath depends on the networking package %s", pkg)
		}
	}
}

// TestAdvisorHasNoTerminalPackages keeps the domain free of the front end.
func TestAdvisorHasNoTerminalPackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./advisor").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "charm.land/") || strings.HasPrefix(pkg, "github.com/charmbracelet/") || pkg == "medpath/tui" {
			t.Errorf("advisor depends on the terminal package %s", pkg)
		}
	}
}
