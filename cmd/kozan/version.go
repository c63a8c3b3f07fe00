package main

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"

	"github.com/kozan-dev/kozan/extract"
	"github.com/kozan-dev/kozan/pipeline"
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
		s += " (rev " + pipeline.ShortID(b.Revision)
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

// ruleSet names the extraction rules this kozan runs with its config:
// extract.RuleSet (the Go engine's version and a digest of the rule files,
// the company list and the user's own). It is "unknown" when the config or
// a rule file cannot be read (the command that needs them says why).
func (a *app) ruleSet() string {
	if a.rules != "" {
		return a.rules
	}
	c, err := a.config()
	if err != nil {
		return "unknown"
	}
	r, err := extract.RuleSet(extract.Config{Rules: c.Rules, Companies: c.Companies})
	if err != nil {
		return "unknown"
	}
	a.rules = r
	return r
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kozan's version, VCS revision and extraction rule set",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b := readBuild()
			_, err := fmt.Fprintf(a.stdout, "kozan %s\nrule set %s\n%s\n", versionString(), a.ruleSet(), b.Go)
			return err
		},
	}
}
