package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"
)

// version is set with -ldflags "-X main.version=…"; by default the module
// version from the build info is used.
var version = ""

// buildInfo is what the binary knows about its own build.
type buildInfo struct {
	Version  string // -ldflags version, else the module version ("(devel)" for a local build)
	Revision string // VCS revision, "" when the build was not stamped (go run, go test)
	Time     string // VCS commit time
	Modified bool   // built from a tree with uncommitted changes
	Go       string
}

var readBuild = sync.OnceValue(func() buildInfo {
	b := buildInfo{Version: version}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if b.Version == "" {
			b.Version = "(unknown)"
		}
		return b
	}
	b.Go = bi.GoVersion
	if b.Version == "" {
		b.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
})

// versionString is "v1.2.3 (rev 0123456789ab, 2026-11-20T08:00:00Z, modified)".
func versionString() string {
	b := readBuild()
	s := b.Version
	if b.Revision != "" {
		s += " (rev " + short12(b.Revision)
		if b.Time != "" {
			s += ", " + b.Time
		}
		if b.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}

// ruleSetVersion names the extraction rules this binary runs. The rules
// are code and data compiled into kozan, so the build identifies them: the
// VCS revision when the build was stamped (with "+modified" for a tree
// with uncommitted changes, then also the binary's hash), else a hash of
// the binary itself. It is never "unchanged" when the rules changed; it may
// change when only other code did, and then a `kozan reextract` finds
// nothing to change. Stored articles record the rule set they were
// extracted with.
var ruleSetVersion = sync.OnceValue(func() string {
	b := readBuild()
	if b.Revision != "" && !b.Modified {
		return "rev-" + short12(b.Revision)
	}
	h := exeHash()
	if b.Revision != "" {
		return "rev-" + short12(b.Revision) + "+modified-" + h
	}
	return "build-" + h
})

// exeHash is the first 12 hex digits of the running binary's SHA-256.
func exeHash() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func short12(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kozan's version, VCS revision and extraction rule set",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b := readBuild()
			_, err := fmt.Fprintf(a.stdout, "kozan %s\nrule set %s\n%s\n", versionString(), ruleSetVersion(), b.Go)
			return err
		},
	}
}
