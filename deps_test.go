package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// goList runs `go list` with args and returns the lines it prints.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	return strings.Fields(string(out))
}

// terminal reports whether pkg draws on or talks to a terminal, or parses a
// command line: what the domain and the persistence layer must not touch.
func terminal(pkg string) bool {
	return strings.HasPrefix(pkg, "charm.land/") || strings.HasPrefix(pkg, "github.com/charmbracelet/") ||
		strings.HasPrefix(pkg, "github.com/spf13/") || pkg == "flag"
}

// TestImportRules enforces the layout's import rules (DESIGN.md, README's
// "How it works"), on the packages' whole dependency trees, tests excluded:
//
//	main              -> internal/cli only
//	internal/cli      -> everything below
//	tui               -> advisor, internal/session
//	internal/session  -> advisor; no terminal package
//	advisor           -> nothing of ours; no terminal package
//	advisor/internal/genbuiltin (go generate's tool) -> advisor, data
//	data              -> embed only
//
// .ci/run runs it as a step of its own.
func TestImportRules(t *testing.T) {
	rules := []struct {
		pkg      string
		ours     []string // the medpath packages it may depend on
		terminal bool     // whether it may depend on a terminal package
	}{
		{"medpath", []string{"medpath/internal/cli", "medpath/internal/session", "medpath/advisor", "medpath/tui", "medpath/data"}, true},
		{"medpath/internal/cli", []string{"medpath/internal/session", "medpath/advisor", "medpath/tui", "medpath/data"}, true},
		{"medpath/tui", []string{"medpath/advisor", "medpath/internal/session"}, true},
		{"medpath/internal/session", []string{"medpath/advisor"}, false},
		{"medpath/advisor", nil, false},
		{"medpath/advisor/internal/genbuiltin", []string{"medpath/advisor", "medpath/data"}, false},
	}
	for _, r := range rules {
		for _, dep := range goList(t, "-deps", r.pkg) {
			switch {
			case dep == r.pkg:
			case strings.HasPrefix(dep, "medpath"):
				if !slices.Contains(r.ours, dep) {
					t.Errorf("%s depends on %s; it may depend on %v of ours", r.pkg, dep, r.ours)
				}
			case terminal(dep) && !r.terminal:
				t.Errorf("%s depends on the terminal package %s", r.pkg, dep)
			}
		}
	}
	// main.go is an entry: it imports the command line and os, nothing else.
	if imports := goList(t, "-f", `{{join .Imports " "}}`, "medpath"); !slices.Equal(imports, []string{"medpath/internal/cli", "os"}) {
		t.Errorf("main imports %v; want only medpath/internal/cli and os", imports)
	}
	// data holds files, not logic.
	if imports := goList(t, "-f", `{{join .Imports " "}}`, "medpath/data"); !slices.Equal(imports, []string{"embed"}) {
		t.Errorf("data imports %v; want only embed", imports)
	}
}

// TestNoNetworkPackages fails if medpath could open a network connection:
// no package it is built from may be a networking package, and the linked
// binary may hold no code that dials, listens or opens a socket. (net/url
// and net/netip only parse text and are allowed; so is net itself, which
// pflag, cobra's flag parser, imports to parse IP address flags: the binary
// check shows that only that parsing is linked in.)
func TestNoNetworkPackages(t *testing.T) {
	for _, pkg := range goList(t, "-deps", "./...") {
		if pkg == "net" {
			continue // checked in the binary below
		}
		if strings.HasPrefix(pkg, "net/http") || pkg == "crypto/tls" || pkg == "net/rpc" || pkg == "net/smtp" ||
			pkg == "net/mail" || strings.HasPrefix(pkg, "golang.org/x/net") {
			t.Errorf("medpath depends on the networking package %s", pkg)
		}
	}
	if imports := goList(t, "-deps", "-f", `{{if ne .ImportPath "net"}}{{range .Imports}}{{if eq . "net"}}{{$.ImportPath}} {{end}}{{end}}{{end}}`, "."); !slices.Equal(imports, []string{"github.com/spf13/pflag"}) {
		t.Errorf("packages importing net: %v; want only github.com/spf13/pflag", imports)
	}

	bin := filepath.Join(t.TempDir(), "medpath")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	network := regexp.MustCompile(`^(net\.(Dial|Listen|\(\*Dialer\)|\(\*ListenConfig\)|\(\*netFD\)|\(\*conn\)|\(\*Resolver\))|syscall\.(Socket|Connect|Bind|Listen)$)`)
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && network.MatchString(f[len(f)-1]) {
			t.Errorf("the medpath binary holds network code: %s", f[len(f)-1])
		}
	}
}
