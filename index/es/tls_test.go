package es

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/pem"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTLSTrust(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"version":{"number":"8.19.7"}}`))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshake failures are expected
	srv.StartTLS()
	defer srv.Close()
	cert := srv.Certificate()
	caFile := filepath.Join(t.TempDir(), "ca.crt")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.Raw)
	notPEM := filepath.Join(t.TempDir(), "junk.crt")
	os.WriteFile(notPEM, []byte("not a certificate"), 0o600)

	cases := []struct {
		name    string
		cfg     Config
		wantErr string // "" = Ping succeeds
		newErr  bool
	}{
		{"ca file", Config{CAFile: caFile}, "", false},
		{"fingerprint", Config{Fingerprint: strings.ToUpper(hex.EncodeToString(sum[:]))}, "", false},
		{"wrong fingerprint", Config{Fingerprint: strings.Repeat("ab", 32)}, "fingerprint mismatch", false},
		{"no trust", Config{}, "certificate", false},
		{"ca file without PEM", Config{CAFile: notPEM}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Addresses = []string{srv.URL}
			tc.cfg.Timeout = 5 * time.Second
			c, err := New(tc.cfg, Options{Getenv: fakeEnv(nil), MaxRetries: 1, Backoff: quickBackoff})
			if tc.newErr {
				if err == nil {
					t.Fatal("New: got nil error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			err = c.Ping(context.Background())
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Ping: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("Ping: got %v, want an error with %q", err, tc.wantErr)
			}
		})
	}
}
