package es

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
)

// fakeES is an in-memory Elasticsearch 8 that checks every request it gets
// (method, path, headers, JSON and NDJSON bodies) and answers like ES 8:
// X-Elastic-Product on every reply, error objects with type and reason,
// per-item bulk statuses, require_alias and dynamic: strict enforced.
type fakeES struct {
	t        testing.TB
	mu       sync.Mutex
	srv      *httptest.Server
	user     string // expected basic auth user ("" with apiKey "": no auth)
	pass     string
	apiKey   string
	noHeader bool // omit X-Elastic-Product (not Elasticsearch)
	down     bool // drop connections

	templates map[string]map[string]any            // name → body
	indices   map[string]map[string]map[string]any // index → id → source
	mappings  map[string]map[string]any            // index → mappings
	aliases   map[string]map[string]bool           // alias → index → is_write_index

	requests   []string         // "METHOD /path"
	tasks      []map[string]any // reindex task responses
	taskPolls  int
	reindexErr bool               // fail the next reindex task
	bulkFail   []int              // statuses to answer whole bulk requests with, in order
	itemFault  map[string][]int   // doc id → statuses to answer for it, in order, then success
	bulkBodies [][]map[string]any // NDJSON lines of each bulk request, decoded
}

func newFakeES(t testing.TB) *fakeES {
	t.Helper()
	f := &fakeES{t: t, templates: map[string]map[string]any{}, indices: map[string]map[string]map[string]any{},
		mappings: map[string]map[string]any{}, aliases: map[string]map[string]bool{}, itemFault: map[string][]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// setDown makes the server drop every connection without a reply (an
// outage), or serve again.
func (f *fakeES) setDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

func (f *fakeES) reply(w http.ResponseWriter, status int, body any) {
	if !f.noHeader {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if body != nil {
		_ = json.NewEncoder(w).Encode(body)
	}
}

func (f *fakeES) fail(w http.ResponseWriter, status int, typ, reason string) {
	f.reply(w, status, map[string]any{"error": map[string]any{"type": typ, "reason": reason,
		"root_cause": []any{map[string]any{"type": typ, "reason": reason}}}, "status": status})
}

func (f *fakeES) count(index string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.indices[index])
}

func (f *fakeES) doc(index, id string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.indices[index][id]
}

// writeIndex resolves an alias to its write index.
func (f *fakeES) writeIndex(alias string) (string, bool) {
	for idx, w := range f.aliases[alias] {
		if w || len(f.aliases[alias]) == 1 {
			return idx, true
		}
	}
	return "", false
}

// readIndices resolves a name (index or alias) to indices.
func (f *fakeES) readIndices(name string) []string {
	if _, ok := f.indices[name]; ok {
		return []string{name}
	}
	var out []string
	for idx := range f.aliases[name] {
		out = append(out, idx)
	}
	sort.Strings(out)
	return out
}

func (f *fakeES) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		f.requests = append(f.requests, "DOWN "+r.URL.Path)
		panic(http.ErrAbortHandler)
	}
	t := f.t
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Errorf("read body: %v", err)
	}
	// Authentication.
	switch {
	case f.apiKey != "":
		scheme, cred, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		if !strings.EqualFold(scheme, "ApiKey") || cred != f.apiKey {
			f.fail(w, 401, "security_exception", "missing authentication credentials")
			return
		}
	case f.user != "":
		u, p, ok := r.BasicAuth()
		if !ok || u != f.user || p != f.pass {
			f.fail(w, 401, "security_exception", "unable to authenticate user")
			return
		}
	}
	var js map[string]any
	if len(body) > 0 && r.URL.Path != "/_bulk" {
		if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
			t.Errorf("%s %s: content-type %q, want json", r.Method, r.URL.Path, ct)
		}
		if err := json.Unmarshal(body, &js); err != nil {
			t.Errorf("%s %s: body is not a JSON object: %v", r.Method, r.URL.Path, err)
			f.fail(w, 400, "parse_exception", err.Error())
			return
		}
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/":
		f.reply(w, 200, map[string]any{"name": "fake", "cluster_name": "kozan-test",
			"version": map[string]any{"number": "8.19.7", "build_flavor": "default"}, "tagline": "You Know, for Search"})
	case len(parts) == 2 && parts[0] == "_index_template":
		f.serveTemplate(w, r, parts[1], js)
	case len(parts) == 2 && parts[0] == "_alias" && r.Method == http.MethodGet:
		out := map[string]any{}
		for idx, isWrite := range f.aliases[parts[1]] {
			out[idx] = map[string]any{"aliases": map[string]any{parts[1]: map[string]any{"is_write_index": isWrite}}}
		}
		if len(out) == 0 {
			f.reply(w, 404, map[string]any{"error": "alias [" + parts[1] + "] missing", "status": 404})
			return
		}
		f.reply(w, 200, out)
	case r.URL.Path == "/_aliases" && r.Method == http.MethodPost:
		f.serveAliases(w, js)
	case r.URL.Path == "/_reindex" && r.Method == http.MethodPost:
		f.serveReindex(w, r, js)
	case r.URL.Path == "/_bulk" && r.Method == http.MethodPost:
		f.serveBulk(w, r, body)
	case len(parts) == 2 && parts[0] == "_tasks" && r.Method == http.MethodGet:
		f.serveTask(w, parts[1])
	case len(parts) == 2 && parts[1] == "_refresh" && r.Method == http.MethodPost:
		f.reply(w, 200, map[string]any{"_shards": map[string]any{"total": 2, "successful": 2, "failed": 0}})
	case len(parts) == 2 && parts[1] == "_search" && r.Method == http.MethodPost:
		f.serveSearch(w, parts[0], js)
	case len(parts) == 1 && r.Method == http.MethodHead:
		if _, ok := f.indices[parts[0]]; ok || len(f.aliases[parts[0]]) > 0 {
			f.reply(w, 200, nil)
			return
		}
		f.reply(w, 404, nil)
	case len(parts) == 1 && r.Method == http.MethodPut:
		f.serveCreateIndex(w, parts[0])
	default:
		t.Errorf("fake es: unexpected request %s %s", r.Method, r.URL.String())
		f.fail(w, 400, "illegal_argument_exception", "unexpected request")
	}
}

func (f *fakeES) serveTemplate(w http.ResponseWriter, r *http.Request, name string, js map[string]any) {
	switch r.Method {
	case http.MethodGet:
		tpl, ok := f.templates[name]
		if !ok {
			f.fail(w, 404, "resource_not_found_exception", "index template matching ["+name+"] not found")
			return
		}
		f.reply(w, 200, map[string]any{"index_templates": []any{map[string]any{"name": name, "index_template": tpl}}})
	case http.MethodPut:
		// Check the template the way ES would reject a bad one, and what kozan promises.
		pats, _ := js["index_patterns"].([]any)
		tpl, _ := js["template"].(map[string]any)
		mappings, _ := tpl["mappings"].(map[string]any)
		settings, _ := tpl["settings"].(map[string]any)
		meta, _ := js["_meta"].(map[string]any)
		switch {
		case len(pats) != 1 || pats[0] != name+"-v*":
			f.t.Errorf("template %s: index_patterns %v, want [%s-v*]", name, pats, name)
		case mappings["dynamic"] != "strict":
			f.t.Errorf("template %s: dynamic %v, want strict", name, mappings["dynamic"])
		case settings["analysis"] == nil:
			f.t.Errorf("template %s: no analysis settings", name)
		case meta["mapping_hash"] == nil || meta["version"] == nil:
			f.t.Errorf("template %s: _meta %v lacks mapping_hash/version", name, meta)
		}
		f.templates[name] = js
		f.reply(w, 200, map[string]any{"acknowledged": true})
	default:
		f.t.Errorf("template: unexpected method %s", r.Method)
		f.fail(w, 405, "method_not_allowed", r.Method)
	}
}

func (f *fakeES) serveCreateIndex(w http.ResponseWriter, index string) {
	if _, ok := f.indices[index]; ok || len(f.aliases[index]) > 0 {
		f.fail(w, 400, "resource_already_exists_exception", "index ["+index+"] already exists")
		return
	}
	var mapping map[string]any
	for name, tpl := range f.templates {
		for _, p := range tpl["index_patterns"].([]any) {
			if strings.HasPrefix(index, strings.TrimSuffix(p.(string), "*")) {
				mapping = tpl["template"].(map[string]any)["mappings"].(map[string]any)
				_ = name
			}
		}
	}
	f.indices[index] = map[string]map[string]any{}
	f.mappings[index] = mapping
	f.reply(w, 200, map[string]any{"acknowledged": true, "shards_acknowledged": true, "index": index})
}

func (f *fakeES) serveAliases(w http.ResponseWriter, js map[string]any) {
	actions, _ := js["actions"].([]any)
	next := map[string]map[string]bool{}
	for a, m := range f.aliases {
		next[a] = map[string]bool{}
		for k, v := range m {
			next[a][k] = v
		}
	}
	for _, a := range actions {
		for op, v := range a.(map[string]any) {
			def := v.(map[string]any)
			idx, _ := def["index"].(string)
			alias, _ := def["alias"].(string)
			if _, ok := f.indices[idx]; !ok {
				f.fail(w, 404, "index_not_found_exception", "no such index ["+idx+"]")
				return
			}
			switch op {
			case "add":
				if next[alias] == nil {
					next[alias] = map[string]bool{}
				}
				isWrite, _ := def["is_write_index"].(bool)
				next[alias][idx] = isWrite
			case "remove":
				if !next[alias][idx] && len(next[alias]) == 0 {
					f.fail(w, 404, "aliases_not_found_exception", "aliases ["+alias+"] missing")
					return
				}
				delete(next[alias], idx)
			default:
				f.t.Errorf("_aliases: unexpected action %s", op)
			}
		}
	}
	f.aliases = next
	f.reply(w, 200, map[string]any{"acknowledged": true, "errors": false})
}

func (f *fakeES) serveReindex(w http.ResponseWriter, r *http.Request, js map[string]any) {
	if r.URL.Query().Get("wait_for_completion") != "false" {
		f.t.Errorf("_reindex without wait_for_completion=false")
	}
	src := js["source"].(map[string]any)["index"].(string)
	dest := js["dest"].(map[string]any)
	destIdx := dest["index"].(string)
	if dest["op_type"] != "create" {
		f.t.Errorf("_reindex op_type %v, want create", dest["op_type"])
	}
	if _, ok := f.indices[destIdx]; !ok {
		f.fail(w, 404, "index_not_found_exception", "no such index ["+destIdx+"]")
		return
	}
	if f.reindexErr {
		f.reindexErr = false
		f.tasks = append(f.tasks, map[string]any{"failed": true})
		f.taskPolls = 0
		f.reply(w, 200, map[string]any{"task": fmt.Sprintf("fakenode:%d", len(f.tasks))})
		return
	}
	total, created := 0, 0
	for _, s := range strings.Split(src, ",") {
		for id, doc := range f.indices[s] {
			total++
			if _, ok := f.indices[destIdx][id]; ok {
				continue
			}
			f.indices[destIdx][id] = doc
			created++
		}
	}
	// The copy is done at once; the task reports "running" on the first poll.
	f.tasks = append(f.tasks, map[string]any{"took": 3, "total": total, "created": created, "updated": 0,
		"version_conflicts": total - created, "failures": []any{}})
	f.taskPolls = 0
	f.reply(w, 200, map[string]any{"task": fmt.Sprintf("fakenode:%d", len(f.tasks))})
}

func (f *fakeES) serveTask(w http.ResponseWriter, id string) {
	var n int
	if _, err := fmt.Sscanf(id, "fakenode:%d", &n); err != nil || n < 1 || n > len(f.tasks) {
		f.fail(w, 404, "resource_not_found_exception", "task ["+id+"] isn't running and hasn't stored its results")
		return
	}
	f.taskPolls++
	if f.taskPolls == 1 {
		f.reply(w, 200, map[string]any{"completed": false, "task": map[string]any{"action": "indices:data/write/reindex"}})
		return
	}
	if f.tasks[n-1]["failed"] == true {
		f.reply(w, 200, map[string]any{"completed": true, "task": map[string]any{"action": "indices:data/write/reindex"},
			"error": map[string]any{"type": "node_closed_exception", "reason": "node closed during reindex"}})
		return
	}
	f.reply(w, 200, map[string]any{"completed": true, "task": map[string]any{"action": "indices:data/write/reindex"}, "response": f.tasks[n-1]})
}

func (f *fakeES) serveBulk(w http.ResponseWriter, r *http.Request, body []byte) {
	t := f.t
	if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "ndjson") && !strings.Contains(ct, "application/json") {
		t.Errorf("bulk content-type %q, want x-ndjson or json", ct)
	}
	if r.URL.Query().Get("require_alias") != "true" {
		t.Errorf("bulk without require_alias=true: %s", r.URL.RawQuery)
	}
	if len(body) == 0 || body[len(body)-1] != '\n' {
		t.Errorf("bulk body does not end with a newline")
	}
	var lines []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Errorf("bulk line is not JSON: %v: %q", err, sc.Text())
			f.fail(w, 400, "x_content_parse_exception", err.Error())
			return
		}
		lines = append(lines, m)
	}
	f.bulkBodies = append(f.bulkBodies, lines)
	if len(f.bulkFail) > 0 {
		st := f.bulkFail[0]
		f.bulkFail = f.bulkFail[1:]
		f.fail(w, st, "es_rejected_execution_exception", "rejected execution of coordinating operation")
		return
	}
	var items []any
	hasErr := false
	for i := 0; i < len(lines); i++ {
		var action string
		var meta map[string]any
		for k, v := range lines[i] {
			action, meta = k, v.(map[string]any)
		}
		var src map[string]any
		if action != "delete" {
			i++
			if i >= len(lines) {
				t.Errorf("bulk %s without a source line", action)
				break
			}
			src = lines[i]
		}
		res := f.bulkItem(action, meta, src)
		if st := res["status"].(int); st > 201 {
			hasErr = true
		}
		items = append(items, map[string]any{action: res})
	}
	f.reply(w, 200, map[string]any{"took": 2, "errors": hasErr, "items": items})
}

func (f *fakeES) bulkItem(action string, meta, src map[string]any) map[string]any {
	id, _ := meta["_id"].(string)
	name, _ := meta["_index"].(string)
	res := map[string]any{"_index": name, "_id": id}
	bad := func(st int, typ, reason string) map[string]any {
		res["status"] = st
		res["error"] = map[string]any{"type": typ, "reason": reason}
		return res
	}
	if id == "" {
		f.t.Errorf("bulk %s without _id", action)
	}
	if meta["require_alias"] != true {
		f.t.Errorf("bulk %s %s: item without require_alias", action, id)
	}
	if q := f.itemFault[id]; len(q) > 0 {
		st := q[0]
		f.itemFault[id] = q[1:]
		if st == 400 {
			return bad(st, "document_parsing_exception", "[1:2] failed to parse field [amount_usd] of type [scaled_float]")
		}
		return bad(st, "es_rejected_execution_exception", "rejected execution of primary operation")
	}
	idx, ok := f.writeIndex(name)
	if !ok {
		return bad(404, "index_not_found_exception", "no such index ["+name+"] and [require_alias] request flag is [true] and ["+name+"] is not an alias")
	}
	res["_index"] = idx
	docs := f.indices[idx]
	cur, exists := docs[id]
	switch action {
	case "index":
		if err := strictCheck(f.mappings[idx], src); err != nil {
			return bad(400, "strict_dynamic_mapping_exception", err.Error())
		}
		docs[id] = src
		res["result"], res["status"] = map[bool]string{true: "updated", false: "created"}[exists], map[bool]int{true: 200, false: 201}[exists]
	case "update":
		doc, _ := src["doc"].(map[string]any)
		if doc == nil {
			f.t.Errorf("update %s without doc", id)
		}
		if err := strictCheck(f.mappings[idx], doc); err != nil {
			return bad(400, "strict_dynamic_mapping_exception", err.Error())
		}
		switch {
		case exists:
			docs[id] = merge(cur, doc)
			res["result"], res["status"] = "updated", 200
		case src["doc_as_upsert"] == true:
			docs[id] = doc
			res["result"], res["status"] = "created", 201
		case src["upsert"] != nil:
			up := src["upsert"].(map[string]any)
			if err := strictCheck(f.mappings[idx], up); err != nil {
				return bad(400, "strict_dynamic_mapping_exception", err.Error())
			}
			docs[id] = up
			res["result"], res["status"] = "created", 201
		default:
			return bad(404, "document_missing_exception", "["+id+"]: document missing")
		}
	case "delete":
		if !exists {
			res["result"], res["status"] = "not_found", 404
			return res
		}
		delete(docs, id)
		res["result"], res["status"] = "deleted", 200
	default:
		f.t.Errorf("unexpected bulk action %q", action)
		return bad(400, "illegal_argument_exception", "action")
	}
	return res
}

// strictCheck rejects fields the mapping does not define (dynamic: strict).
func strictCheck(mapping, doc map[string]any) error {
	if mapping == nil {
		return fmt.Errorf("index has no mapping")
	}
	var walk func(props map[string]any, d map[string]any, prefix string) error
	walk = func(props map[string]any, d map[string]any, prefix string) error {
		for k, v := range d {
			def, ok := props[k].(map[string]any)
			if !ok {
				return fmt.Errorf("mapping set to strict, dynamic introduction of [%s] within [%s] is not allowed", k, strings.TrimSuffix(prefix, "."))
			}
			if sub, ok := def["properties"].(map[string]any); ok {
				if m, ok := v.(map[string]any); ok {
					if err := walk(sub, m, prefix+k+"."); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return walk(mapping["properties"].(map[string]any), doc, "_doc.")
}

// merge applies a partial update the way ES does: objects merge, the rest is replaced.
func merge(cur, doc map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range cur {
		out[k] = v
	}
	for k, v := range doc {
		if m, ok := v.(map[string]any); ok {
			if c, ok := out[k].(map[string]any); ok {
				out[k] = merge(c, m)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// serveSearch checks the query shape and matches naively: every token of
// the first should clause in title_tokens or text_tokens, or the raw query
// inside title or text.
func (f *fakeES) serveSearch(w http.ResponseWriter, name string, js map[string]any) {
	q := js["query"].(map[string]any)["bool"].(map[string]any)
	should := q["should"].([]any)
	if len(should) != 2 {
		f.t.Errorf("search: %d should clauses, want 2", len(should))
	}
	mmTok := should[0].(map[string]any)["multi_match"].(map[string]any)
	mmRaw := should[1].(map[string]any)["multi_match"].(map[string]any)
	if _, ok := js["highlight"]; ok {
		f.t.Errorf("search: asks for highlights, which Search does not read")
	}
	toks := strings.Fields(strings.ToLower(mmTok["query"].(string)))
	raw := strings.ToLower(mmRaw["query"].(string))
	size := int(js["size"].(float64))
	type hit struct {
		id    string
		score float64
		src   map[string]any
	}
	var hits []hit
	for _, idx := range f.readIndices(name) {
		for id, d := range f.indices[idx] {
			tt, _ := d["text_tokens"].(string)
			ti, _ := d["title_tokens"].(string)
			text, _ := d["text"].(string)
			title, _ := d["title"].(string)
			words := map[string]bool{}
			for _, x := range strings.Fields(strings.ToLower(tt + " " + ti)) {
				words[x] = true
			}
			all := len(toks) > 0
			for _, x := range toks {
				all = all && words[x]
			}
			rawHit := raw != "" && strings.Contains(strings.ToLower(text+" "+title), raw)
			if !all && !rawHit {
				continue
			}
			h := hit{id: id, src: d}
			if all {
				h.score += float64(len(toks))
			}
			if rawHit {
				h.score++
			}
			hits = append(hits, h)
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	if len(hits) > size {
		hits = hits[:size]
	}
	out := []any{}
	for _, h := range hits {
		out = append(out, map[string]any{"_index": name, "_id": h.id, "_score": h.score, "_source": h.src})
	}
	f.reply(w, 200, map[string]any{"took": 1, "timed_out": false, "hits": map[string]any{"max_score": 1.0, "hits": out}})
}
