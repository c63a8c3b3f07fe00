package es

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

type savedObject struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Attributes map[string]any `json:"attributes"`
	References []struct {
		Name string `json:"name"`
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"references"`
}

func parseSavedObjects(t *testing.T, nd []byte) []savedObject {
	t.Helper()
	var out []savedObject
	sc := bufio.NewScanner(bytes.NewReader(nd))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		var o savedObject
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		if err := dec.Decode(&o); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if o.ID == "" || o.Type == "" || o.Attributes == nil {
			t.Fatalf("line %d: id, type and attributes are required: %s", n, sc.Text())
		}
		out = append(out, o)
	}
	return out
}

// kueryFields finds field names in a KQL query ("review.status:pending and not superseded:true").
var kueryField = regexp.MustCompile(`([A-Za-z_@][\w.@]*)\s*:`)

func TestSavedObjects(t *testing.T) {
	objs := parseSavedObjects(t, savedObjects)
	articles, deals := Mappings()
	fields := map[string]map[string]string{"kozan-articles": Fields(articles), "kozan-deals": Fields(deals)}
	byKey := map[string]savedObject{}
	titles := map[string]bool{}
	for _, o := range objs {
		k := o.Type + "/" + o.ID
		if _, dup := byKey[k]; dup {
			t.Errorf("duplicate object %s", k)
		}
		byKey[k] = o
		if !strings.HasPrefix(o.ID, "kozan-") {
			t.Errorf("%s: want a readable fixed id starting with kozan-", k)
		}
		title, _ := o.Attributes["title"].(string)
		titles[o.Type+":"+title] = true
	}
	for _, want := range []string{"index-pattern:kozan-articles", "index-pattern:kozan-deals", "search:kozan: deals pending review",
		"dashboard:kozan: mining deals", "lens:kozan: deals over time", "lens:kozan: USD by company",
		"lens:kozan: top counterparties", "lens:kozan: deals by kind", "search:kozan: latest deals"} {
		if !titles[want] {
			t.Errorf("missing object %s", want)
		}
	}

	// dataViewOf returns the data view a reference-holding object reads.
	dataViewOf := func(o savedObject) string {
		for _, r := range o.References {
			if r.Type == "index-pattern" {
				return byKey["index-pattern/"+r.ID].Attributes["title"].(string)
			}
		}
		return ""
	}
	checkField := func(o savedObject, dv, f string) {
		if f == "___records___" {
			return
		}
		if _, ok := fields[dv][f]; !ok {
			t.Errorf("%s/%s uses field %q that %s does not map", o.Type, o.ID, f, dv)
		}
	}
	for _, o := range objs {
		refNames := map[string]bool{}
		for _, r := range o.References {
			refNames[r.Name] = true
			if _, ok := byKey[r.Type+"/"+r.ID]; !ok {
				t.Errorf("%s/%s: reference %s -> %s/%s resolves to nothing in the file", o.Type, o.ID, r.Name, r.Type, r.ID)
			}
		}
		dv := dataViewOf(o)
		switch o.Type {
		case "index-pattern":
			title := o.Attributes["title"].(string)
			if o.Attributes["timeFieldName"] != "@timestamp" {
				t.Errorf("data view %s: time field %v", title, o.Attributes["timeFieldName"])
			}
			var fmtMap map[string]any
			if err := json.Unmarshal([]byte(o.Attributes["fieldFormatMap"].(string)), &fmtMap); err != nil {
				t.Errorf("data view %s: fieldFormatMap: %v", title, err)
			}
			for f := range fmtMap {
				checkField(o, title, f)
			}
		case "search":
			for _, c := range o.Attributes["columns"].([]any) {
				checkField(o, dv, c.(string))
			}
			for _, s := range o.Attributes["sort"].([]any) {
				checkField(o, dv, s.([]any)[0].(string))
			}
			var ss struct {
				Query struct {
					Query string `json:"query"`
				} `json:"query"`
				IndexRefName string `json:"indexRefName"`
			}
			meta := o.Attributes["kibanaSavedObjectMeta"].(map[string]any)
			if err := json.Unmarshal([]byte(meta["searchSourceJSON"].(string)), &ss); err != nil {
				t.Fatalf("%s: searchSourceJSON: %v", o.ID, err)
			}
			if !refNames[ss.IndexRefName] {
				t.Errorf("%s: indexRefName %q has no reference", o.ID, ss.IndexRefName)
			}
			for _, m := range kueryField.FindAllStringSubmatch(ss.Query.Query, -1) {
				checkField(o, dv, m[1])
			}
		case "lens":
			state := o.Attributes["state"].(map[string]any)
			q := state["query"].(map[string]any)["query"].(string)
			for _, m := range kueryField.FindAllStringSubmatch(q, -1) {
				checkField(o, dv, m[1])
			}
			layers := state["datasourceStates"].(map[string]any)["formBased"].(map[string]any)["layers"].(map[string]any)
			cols := map[string]bool{}
			for id, l := range layers {
				if !refNames["indexpattern-datasource-layer-"+id] {
					t.Errorf("%s: layer %s has no data view reference", o.ID, id)
				}
				lm := l.(map[string]any)
				for cid, c := range lm["columns"].(map[string]any) {
					cols[cid] = true
					checkField(o, dv, c.(map[string]any)["sourceField"].(string))
					if ob, ok := c.(map[string]any)["params"].(map[string]any)["orderBy"].(map[string]any); ok && ob["columnId"] != nil && lm["columns"].(map[string]any)[ob["columnId"].(string)] == nil {
						t.Errorf("%s: column %s orders by a missing column", o.ID, cid)
					}
				}
				for _, cid := range lm["columnOrder"].([]any) {
					if !cols[cid.(string)] {
						t.Errorf("%s: columnOrder names missing column %v", o.ID, cid)
					}
				}
			}
			// Every accessor the visualization names is a column.
			b, _ := json.Marshal(state["visualization"])
			for _, m := range regexp.MustCompile(`"(?:xAccessor|splitAccessor|accessors|primaryGroups|metrics)":(\[[^\]]*\]|"[^"]*")`).FindAllStringSubmatch(string(b), -1) {
				for _, id := range regexp.MustCompile(`"([^"]+)"`).FindAllStringSubmatch(m[1], -1) {
					if !cols[id[1]] {
						t.Errorf("%s: visualization names column %s that no layer defines", o.ID, id[1])
					}
				}
			}
		case "dashboard":
			var panels []struct {
				Type         string `json:"type"`
				PanelIndex   string `json:"panelIndex"`
				PanelRefName string `json:"panelRefName"`
			}
			if err := json.Unmarshal([]byte(o.Attributes["panelsJSON"].(string)), &panels); err != nil {
				t.Fatalf("dashboard panelsJSON: %v", err)
			}
			if len(panels) < 5 {
				t.Errorf("dashboard has %d panels, want at least 5", len(panels))
			}
			for _, p := range panels {
				if !refNames[p.PanelIndex+":"+p.PanelRefName] {
					t.Errorf("dashboard panel %s: no reference %s:%s", p.PanelIndex, p.PanelIndex, p.PanelRefName)
				}
			}
		}
	}
}

func TestSavedObjectsDeployCopy(t *testing.T) {
	b, err := os.ReadFile("../../deploy/kibana/kozan.ndjson")
	if err != nil {
		t.Fatalf("deploy copy: %v", err)
	}
	if !bytes.Equal(b, savedObjects) {
		t.Fatal("deploy/kibana/kozan.ndjson differs from index/es/kibana/kozan.ndjson: copy it over")
	}
}

func TestSavedObjectsPrefix(t *testing.T) {
	nd, err := SavedObjectsFor("news")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range parseSavedObjects(t, nd) {
		if o.Type == "index-pattern" {
			got[o.ID] = o.Attributes["title"].(string)
		}
	}
	want := map[string]string{"kozan-articles": "news-articles", "kozan-deals": "news-deals"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("data view %s: title %q, want %q", k, got[k], v)
		}
	}
}

func TestImportKibana(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		reply   string
		wantErr string
	}{
		{"ok", 200, `{"success":true,"successCount":10,"successResults":[]}`, ""},
		{"object errors", 200, `{"success":false,"successCount":9,"errors":[{"id":"kozan-dashboard","type":"dashboard","error":{"type":"unknown","message":"bad panel"}}]}`, "bad panel"},
		{"http error", 400, `{"statusCode":400,"error":"Bad Request","message":"Invalid file extension .txt"}`, "Invalid file extension"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodPost || r.URL.Path != "/kb/api/saved_objects/_import" || r.URL.Query().Get("overwrite") != "true" {
					t.Errorf("request %s %s", r.Method, r.URL)
				}
				if r.Header.Get("kbn-xsrf") == "" {
					t.Error("no kbn-xsrf header")
				}
				if u, p, ok := r.BasicAuth(); !ok || u != "kibana-user" || p != "kb-pass-9" {
					t.Errorf("basic auth %q %q %v", u, p, ok)
				}
				file, hdr, err := r.FormFile("file")
				if err != nil {
					t.Fatalf("form file: %v", err)
				}
				b, _ := io.ReadAll(file)
				if hdr.Filename != "kozan.ndjson" || !bytes.Equal(b, savedObjects) {
					t.Errorf("uploaded %s (%d bytes), want kozan.ndjson with the embedded objects", hdr.Filename, len(b))
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.reply)
			}))
			defer srv.Close()
			c, err := New(Config{Addresses: []string{"http://127.0.0.1:9"}, Timeout: 5 * time.Second},
				Options{Getenv: fakeEnv(map[string]string{EnvUsername: "kibana-user", EnvPassword: "kb-pass-9"})})
			if err != nil {
				t.Fatal(err)
			}
			err = c.ImportKibana(context.Background(), srv.URL+"/kb/")
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("got %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("got %v, want an error with %q", err, tc.wantErr)
			}
		})
	}
}
