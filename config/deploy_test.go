package config

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// readDeployFile reads a file of the repository's deploy/ folder.
func readDeployFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../deploy/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDeployKozanYAML: the deployments' kozan.yaml, alone and merged over
// deploy/sources.yaml as the deployments merge them, is a valid config.
func TestDeployKozanYAML(t *testing.T) {
	base := readDeployFile(t, "kozan.yaml")
	c, err := Parse(base)
	if err != nil {
		t.Fatalf("deploy/kozan.yaml: %v", err)
	}
	if c.Elasticsearch == nil || len(c.Elasticsearch.Addresses) == 0 || c.Elasticsearch.CAFile == "" || c.Kibana.URL == "" {
		t.Errorf("deploy/kozan.yaml: want elasticsearch (with ca_file) and kibana set, got %+v %+v", c.Elasticsearch, c.Kibana)
	}
	src, err := os.ReadFile("../deploy/sources.yaml")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("deploy/sources.yaml not there yet: cannot check the merged config")
	} else if err != nil {
		t.Fatal(err)
	}
	// The merge the deployments do: the base without its store line, then the overlay.
	var merged []byte
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("store:")) {
			merged = append(merged, l...)
		}
	}
	merged = append(append(merged, '\n'), base...)
	c, err = Parse(merged)
	if err != nil {
		t.Fatalf("deploy/kozan.yaml + deploy/sources.yaml: %v", err)
	}
	if len(c.Sources) == 0 || c.Store != "/data/kozan.db" || c.Elasticsearch == nil {
		t.Errorf("merged config: %d sources, store %q, elasticsearch %v; want sources, /data/kozan.db, set", len(c.Sources), c.Store, c.Elasticsearch)
	}
}
