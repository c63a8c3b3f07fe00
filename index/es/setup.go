package es

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Index kinds: each has a template, versioned indices and an alias.
const (
	KindArticles = "articles"
	KindDeals    = "deals"
)

// templatePriority is above the built-in templates (which use 100 and less).
const templatePriority = 200

// SetupReport says what Setup did for each index kind.
type SetupReport struct {
	Indices []IndexSetup `json:"indices"`
}

// IndexSetup is what Setup did for one alias.
type IndexSetup struct {
	Alias           string   `json:"alias"`            // e.g. kozan-deals
	Index           string   `json:"index"`            // the write index behind it, e.g. kozan-deals-v1
	Version         int      `json:"version"`          // mapping version (the vN suffix)
	Hash            string   `json:"hash"`             // MappingHash of settings and mappings
	TemplateUpdated bool     `json:"template_updated"` // the composable template was created or replaced
	IndexCreated    bool     `json:"index_created"`    // the versioned index was created
	AliasMoved      bool     `json:"alias_moved"`      // the alias was created or moved (one atomic _aliases call)
	Previous        []string `json:"previous,omitempty"`
	Reindexed       int64    `json:"reindexed"` // documents copied from Previous into Index
}

// String summarises the report on one line, e.g.
// "kozan-articles -> kozan-articles-v1 (unchanged); kozan-deals -> kozan-deals-v2 (template updated, index created, alias moved from kozan-deals-v1, 120 reindexed)".
func (r SetupReport) String() string {
	var parts []string
	for _, s := range r.Indices {
		var what []string
		if s.TemplateUpdated {
			what = append(what, "template updated")
		}
		if s.IndexCreated {
			what = append(what, "index created")
		}
		if s.AliasMoved {
			if len(s.Previous) > 0 {
				what = append(what, "alias moved from "+strings.Join(s.Previous, ","))
			} else {
				what = append(what, "alias created")
			}
		}
		if s.Reindexed > 0 {
			what = append(what, strconv.FormatInt(s.Reindexed, 10)+" reindexed")
		}
		if len(what) == 0 {
			what = append(what, "unchanged")
		}
		parts = append(parts, s.Alias+" -> "+s.Index+" ("+strings.Join(what, ", ")+")")
	}
	return strings.Join(parts, "; ")
}

// Changed reports whether Setup changed anything.
func (r SetupReport) Changed() bool {
	for _, s := range r.Indices {
		if s.TemplateUpdated || s.IndexCreated || s.AliasMoved {
			return true
		}
	}
	return false
}

// Setup creates or updates the composable index templates
// <prefix>-articles and <prefix>-deals, the versioned indices
// (<prefix>-deals-v1, -v2…) and the aliases in front of them.
//
// It is idempotent: the template's _meta stores the mapping hash and
// version, and when the hash is unchanged nothing is written. When the
// mapping changed, Setup puts the template with the next version, creates
// the new index, moves the alias to it in one atomic _aliases call
// (remove from the old indices + add with is_write_index), and then copies
// the old documents into the new index with _reindex (op_type create, so a
// document written after the move is never overwritten by its older copy).
// The template's _meta.migrate_from names the indices still to copy until
// the copy succeeds, so a setup interrupted there is finished by the next.
// Old indices are kept, not deleted: drop them once the new one looks right.
func (c *Client) Setup(ctx context.Context) (SetupReport, error) {
	var rep SetupReport
	if err := c.Ping(ctx); err != nil {
		return rep, err
	}
	articles, deals := Mappings()
	for _, k := range []struct {
		kind    string
		mapping map[string]any
	}{{KindArticles, articles}, {KindDeals, deals}} {
		s, err := c.setupOne(ctx, k.kind, Settings(), k.mapping)
		rep.Indices = append(rep.Indices, s)
		if err != nil {
			return rep, fmt.Errorf("setup %s: %w", c.Alias(k.kind), err)
		}
		c.log.Info("elasticsearch index ready", "alias", s.Alias, "index", s.Index, "version", s.Version,
			"template_updated", s.TemplateUpdated, "index_created", s.IndexCreated, "alias_moved", s.AliasMoved,
			"reindexed", s.Reindexed)
	}
	return rep, nil
}

type templateMeta struct {
	ManagedBy   string `json:"managed_by"`
	MappingHash string `json:"mapping_hash"`
	Version     int    `json:"version"`
	// MigrateFrom lists the older indices whose documents still have to be
	// copied into this version's index; it is cleared once the copy is done,
	// so an interrupted reindex is resumed by the next setup.
	MigrateFrom []string `json:"migrate_from,omitempty"`
}

func (c *Client) putTemplate(ctx context.Context, alias string, settings, mapping map[string]any, meta templateMeta) error {
	meta.ManagedBy = "kozan"
	body := map[string]any{
		"index_patterns": []string{alias + "-v*"},
		"priority":       templatePriority,
		"version":        meta.Version,
		"template":       map[string]any{"settings": settings, "mappings": mapping},
		"_meta":          meta,
	}
	_, err := c.do(ctx, http.MethodPut, "/_index_template/"+alias, body, nil)
	return err
}

func (c *Client) setupOne(ctx context.Context, kind string, settings, mapping map[string]any) (IndexSetup, error) {
	alias := c.Alias(kind)
	s := IndexSetup{Alias: alias, Hash: MappingHash(settings, mapping)}

	// 1. The template and its stored version.
	var got struct {
		IndexTemplates []struct {
			Name          string `json:"name"`
			IndexTemplate struct {
				Meta templateMeta `json:"_meta"`
			} `json:"index_template"`
		} `json:"index_templates"`
	}
	var cur *templateMeta
	if _, err := c.do(ctx, http.MethodGet, "/_index_template/"+alias, nil, &got); err != nil && !isStatus(err, http.StatusNotFound) {
		return s, err
	} else if err == nil && len(got.IndexTemplates) > 0 {
		cur = &got.IndexTemplates[0].IndexTemplate.Meta
	}

	// 2. Where the alias points now.
	holders, err := c.aliasHolders(ctx, alias)
	if err != nil {
		return s, err
	}

	meta := templateMeta{MappingHash: s.Hash}
	if cur != nil && cur.MappingHash == s.Hash && cur.Version > 0 {
		meta = *cur
	} else {
		v := 0
		if cur != nil {
			v = cur.Version
		}
		for idx := range holders {
			v = max(v, indexVersion(alias, idx))
		}
		meta.Version = v + 1
		next := alias + "-v" + strconv.Itoa(meta.Version)
		for idx := range holders {
			if idx != next {
				meta.MigrateFrom = append(meta.MigrateFrom, idx)
			}
		}
		sort.Strings(meta.MigrateFrom)
		if err := c.putTemplate(ctx, alias, settings, mapping, meta); err != nil {
			return s, err
		}
		s.TemplateUpdated = true
	}
	s.Version = meta.Version
	s.Index = alias + "-v" + strconv.Itoa(s.Version)

	// 3. The versioned index (the template gives it settings and mappings).
	if _, err := c.do(ctx, http.MethodHead, "/"+s.Index, nil, nil); isStatus(err, http.StatusNotFound) {
		var se *statusError
		switch _, err := c.do(ctx, http.MethodPut, "/"+s.Index, map[string]any{}, nil); {
		case err == nil:
			s.IndexCreated = true
		case errors.As(err, &se) && se.Type == "resource_already_exists_exception":
			// A concurrent setup made it: fine.
		default:
			return s, err
		}
	} else if err != nil {
		return s, err
	}

	// 4. The alias: only the current index, as write index.
	var others []string
	writeOK := false
	for idx, isWrite := range holders {
		if idx == s.Index {
			writeOK = isWrite
			continue
		}
		others = append(others, idx)
	}
	sort.Strings(others)
	if !writeOK || len(others) > 0 {
		if len(holders) == 0 {
			// No alias yet: make sure no concrete index has taken its name.
			if _, err := c.do(ctx, http.MethodHead, "/"+alias, nil, nil); err == nil {
				return s, fmt.Errorf("an index named %s exists where the alias should be: reindex it into %s and delete it", alias, s.Index)
			} else if !isStatus(err, http.StatusNotFound) {
				return s, err
			}
		}
		var actions []any
		for _, idx := range others {
			actions = append(actions, map[string]any{"remove": map[string]any{"index": idx, "alias": alias}})
		}
		actions = append(actions, map[string]any{"add": map[string]any{"index": s.Index, "alias": alias, "is_write_index": true}})
		if _, err := c.do(ctx, http.MethodPost, "/_aliases", map[string]any{"actions": actions}, nil); err != nil {
			return s, err
		}
		s.AliasMoved = true
	}

	// 5. Copy what the old indices held (op_type create: documents already in
	// the new index win, and a resumed copy is harmless), then clear the marker.
	if len(meta.MigrateFrom) > 0 {
		s.Previous = meta.MigrateFrom
		n, err := c.reindex(ctx, meta.MigrateFrom, s.Index)
		s.Reindexed = n
		if err != nil {
			return s, fmt.Errorf("reindex %s into %s (the next setup resumes it): %w", strings.Join(meta.MigrateFrom, ","), s.Index, err)
		}
		meta.MigrateFrom = nil
		if err := c.putTemplate(ctx, alias, settings, mapping, meta); err != nil {
			return s, fmt.Errorf("reindex done, clearing the marker: %w", err)
		}
		s.TemplateUpdated = true
	}
	return s, nil
}

// aliasHolders returns the indices the alias points to, with their
// is_write_index flag.
func (c *Client) aliasHolders(ctx context.Context, alias string) (map[string]bool, error) {
	var got map[string]struct {
		Aliases map[string]struct {
			IsWriteIndex *bool `json:"is_write_index"`
		} `json:"aliases"`
	}
	if _, err := c.do(ctx, http.MethodGet, "/_alias/"+alias, nil, &got); isStatus(err, http.StatusNotFound) {
		return map[string]bool{}, nil
	} else if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for idx, a := range got {
		if def, ok := a.Aliases[alias]; ok {
			// A single-index alias without the flag is its write index.
			out[idx] = (def.IsWriteIndex != nil && *def.IsWriteIndex) || (def.IsWriteIndex == nil && len(got) == 1)
		}
	}
	return out, nil
}

// reindexStatus is the part of a _reindex reply (or its task's response) kozan reads.
type reindexStatus struct {
	Total    int64 `json:"total"`
	Created  int64 `json:"created"`
	Failures []struct {
		ID    string `json:"id"`
		Cause struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		} `json:"cause"`
	} `json:"failures"`
}

// reindex copies from into dest as a background task (op_type create,
// conflicts proceed) and polls the task until it completes, so a long copy
// is not cut by the per-request timeout. It returns the documents created.
func (c *Client) reindex(ctx context.Context, from []string, dest string) (int64, error) {
	body := map[string]any{
		"conflicts": "proceed",
		"source":    map[string]any{"index": strings.Join(from, ",")},
		"dest":      map[string]any{"index": dest, "op_type": "create"},
	}
	var started struct {
		Task string `json:"task"`
	}
	q := url.Values{"wait_for_completion": {"false"}, "refresh": {"true"}}
	if _, err := c.do(ctx, http.MethodPost, "/_reindex?"+q.Encode(), body, &started); err != nil {
		return 0, err
	}
	if started.Task == "" {
		return 0, fmt.Errorf("_reindex returned no task")
	}
	for attempt := 1; ; attempt++ {
		var task struct {
			Completed bool          `json:"completed"`
			Response  reindexStatus `json:"response"`
			Error     *struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			} `json:"error"`
		}
		if _, err := c.do(ctx, http.MethodGet, "/_tasks/"+url.PathEscape(started.Task), nil, &task); err != nil {
			return 0, fmt.Errorf("task %s: %w", started.Task, err)
		}
		if task.Completed {
			r := task.Response
			if task.Error != nil {
				return r.Created, fmt.Errorf("task %s: %s: %s", started.Task, task.Error.Type, task.Error.Reason)
			}
			if len(r.Failures) > 0 {
				f := r.Failures[0]
				return r.Created, fmt.Errorf("%d documents failed, first %s: %s: %s", len(r.Failures), f.ID, f.Cause.Type, f.Cause.Reason)
			}
			return r.Created, nil
		}
		t := time.NewTimer(min(c.backoff(attempt), 5*time.Second))
		select {
		case <-ctx.Done():
			t.Stop()
			return 0, fmt.Errorf("task %s still running: %w", started.Task, ctx.Err())
		case <-t.C:
		}
	}
}

// indexVersion returns N of "<alias>-vN", or 0.
func indexVersion(alias, index string) int {
	rest, ok := strings.CutPrefix(index, alias+"-v")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
