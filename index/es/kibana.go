package es

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
)

// savedObjects is the Kibana saved objects file; deploy/kibana/kozan.ndjson
// is an identical copy (a test checks it).
//
//go:embed kibana/kozan.ndjson
var savedObjects []byte

// SavedObjects returns the Kibana saved objects NDJSON with the data view
// titles (index patterns) set to this client's aliases.
func (c *Client) SavedObjects() ([]byte, error) { return SavedObjectsFor(c.prefix) }

// SavedObjectsFor returns the embedded saved objects with the data view
// titles rewritten for the index prefix (the IDs stay fixed).
func SavedObjectsFor(prefix string) ([]byte, error) {
	if prefix == "" || prefix == "kozan" {
		return bytes.Clone(savedObjects), nil
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(savedObjects))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			return nil, fmt.Errorf("saved objects: %w", err)
		}
		if obj["type"] == "index-pattern" {
			if attrs, ok := obj["attributes"].(map[string]any); ok {
				if t, ok := attrs["title"].(string); ok {
					attrs["title"] = prefix + strings.TrimPrefix(t, "kozan")
				}
			}
		}
		b, err := json.Marshal(obj)
		if err != nil {
			return nil, fmt.Errorf("saved objects: %w", err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("saved objects: %w", err)
	}
	return out.Bytes(), nil
}

// ImportReport is Kibana's answer to a saved objects import.
type ImportReport struct {
	Success      bool `json:"success"`
	SuccessCount int  `json:"successCount"`
	Errors       []struct {
		ID    string `json:"id"`
		Type  string `json:"type"`
		Error struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"error"`
	} `json:"errors"`
}

// ImportKibana imports the saved objects (data views, saved searches,
// visualizations, dashboard) into Kibana at kibanaURL with overwrite=true,
// using the same credentials and TLS trust as Elasticsearch.
func (c *Client) ImportKibana(ctx context.Context, kibanaURL string) error {
	if kibanaURL == "" {
		return fmt.Errorf("kibana: no url")
	}
	nd, err := c.SavedObjects()
	if err != nil {
		return err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "kozan.ndjson")
	if err != nil {
		return fmt.Errorf("kibana: %w", err)
	}
	if _, err := fw.Write(nd); err != nil {
		return fmt.Errorf("kibana: %w", err)
	}
	if err := mw.Close(); err != nil {
		return fmt.Errorf("kibana: %w", err)
	}
	u := strings.TrimRight(kibanaURL, "/") + "/api/saved_objects/_import?overwrite=true"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &body)
	if err != nil {
		return fmt.Errorf("kibana: %w", err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("kbn-xsrf", "kozan")
	c.auth(req)
	res, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("kibana import: %w", err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("kibana import: read reply: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("kibana import: %s: %s", res.Status, truncate(string(raw), 300))
	}
	var rep ImportReport
	if err := json.Unmarshal(raw, &rep); err != nil {
		return fmt.Errorf("kibana import: decode reply: %w", err)
	}
	if !rep.Success || len(rep.Errors) > 0 {
		var msgs []string
		for _, e := range rep.Errors {
			msgs = append(msgs, fmt.Sprintf("%s %s: %s %s", e.Type, e.ID, e.Error.Type, e.Error.Message))
		}
		return fmt.Errorf("kibana import: %d imported, %d failed: %s", rep.SuccessCount, len(rep.Errors), strings.Join(msgs, "; "))
	}
	c.log.Info("kibana saved objects imported", "objects", rep.SuccessCount)
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
