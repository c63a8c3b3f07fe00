package es

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Names of the custom analysis components in the index settings.
const (
	TokensAnalyzer  = "kozan_tokens" // whitespace tokenizer + cjk_width + lowercase, for *_tokens fields
	LowerNormalizer = "kozan_lower"  // lowercase keyword normalizer, for company.norm/counterparty.norm
)

// Settings returns the index settings shared by both templates: one shard,
// replicas 0-1 (green on a single node), and the analysis chain for the
// *_tokens fields.
func Settings() map[string]any {
	return map[string]any{
		"number_of_shards":     1,
		"auto_expand_replicas": "0-1",
		"analysis": map[string]any{
			"analyzer": map[string]any{
				TokensAnalyzer: map[string]any{
					"type":      "custom",
					"tokenizer": "whitespace",
					"filter":    []any{"cjk_width", "lowercase"},
				},
			},
			"normalizer": map[string]any{
				LowerNormalizer: map[string]any{"type": "custom", "filter": []any{"lowercase"}},
			},
		},
	}
}

func keyword() map[string]any { return map[string]any{"type": "keyword"} }
func date() map[string]any    { return map[string]any{"type": "date"} }

// tokens is a field holding kagome tokens joined by spaces.
func tokens() map[string]any { return map[string]any{"type": "text", "analyzer": TokensAnalyzer} }

// rawText is text analysed by the standard analyzer, with a cjk sub-field
// (standard tokenizer + cjk_width + lowercase + cjk_bigram: the built-in cjk analyzer).
func rawText(withKeyword bool) map[string]any {
	f := map[string]any{"cjk": map[string]any{"type": "text", "analyzer": "cjk"}}
	if withKeyword {
		f["keyword"] = map[string]any{"type": "keyword", "ignore_above": 512}
	}
	return map[string]any{"type": "text", "fields": f}
}

// name is a company or counterparty: a keyword for aggregations (the
// company list's name when the client has Options.Canonical, as shown in
// Kibana; *_written keeps the article's spelling), a norm sub-field with the lowercase normalizer
// for case-insensitive filters, and a cjk text sub-field for search.
func name() map[string]any {
	return map[string]any{"type": "keyword", "fields": map[string]any{
		"norm": map[string]any{"type": "keyword", "normalizer": LowerNormalizer},
		"cjk":  map[string]any{"type": "text", "analyzer": "cjk"},
	}}
}

func urlObject() map[string]any {
	return map[string]any{"properties": map[string]any{
		"full":   map[string]any{"type": "keyword", "ignore_above": 4096},
		"domain": keyword(),
	}}
}

func eventObject() map[string]any {
	return map[string]any{"properties": map[string]any{"ingested": date()}}
}

// Mappings returns the mappings of the articles and deals indices. Both are
// dynamic: strict, so a document with a field not listed here is rejected.
func Mappings() (articles, deals map[string]any) {
	articles = map[string]any{
		"dynamic": "strict",
		"properties": map[string]any{
			"id":           keyword(),
			"url":          urlObject(),
			"aliases":      keyword(),
			"title":        rawText(true),
			"title_tokens": tokens(),
			"text":         rawText(false),
			"text_tokens":  tokens(),
			"lang":         keyword(),
			"source":       keyword(),
			"site_name":    keyword(),
			"author":       keyword(),
			"content_hash": keyword(),
			"published_at": date(),
			"fetched_at":   date(),
			"@timestamp":   date(),
			"event":        eventObject(),
		},
	}
	deals = map[string]any{
		"dynamic": "strict",
		"properties": map[string]any{
			"id":                   keyword(),
			"article_id":           keyword(),
			"company":              name(),
			"counterparty":         name(),
			"company_written":      name(),
			"counterparty_written": name(),
			"kind":                 keyword(),
			"amount": map[string]any{"properties": map[string]any{
				"value":     map[string]any{"type": "double"},
				"max":       map[string]any{"type": "double"},
				"currency":  keyword(),
				"qualifier": keyword(),
				"text":      keyword(),
				"approx":    map[string]any{"type": "boolean"},
				"usd":       map[string]any{"type": "double"},
			}},
			"amount_usd":      map[string]any{"type": "scaled_float", "scaling_factor": 100},
			"term_years":      map[string]any{"type": "float"},
			"capacity_mw":     map[string]any{"type": "float"},
			"evidence":        rawText(false),
			"evidence_tokens": tokens(),
			"evidence_span":   map[string]any{"type": "integer", "index": false},
			"confidence":      map[string]any{"type": "float"},
			"rule":            keyword(),
			"url":             urlObject(),
			"urls":            keyword(),
			"title":           rawText(true),
			"source":          keyword(),
			"lang":            keyword(),
			"published_at":    date(),
			"extracted_at":    date(),
			"@timestamp":      date(),
			"event":           eventObject(),
			"superseded":      map[string]any{"type": "boolean"},
			"review": map[string]any{"properties": map[string]any{
				"status":      keyword(),
				"note":        map[string]any{"type": "text"},
				"reviewer":    keyword(),
				"reviewed_at": date(),
			}},
		},
	}
	return articles, deals
}

// MappingHash is a short hash of settings and mappings of one index kind; a
// template whose _meta carries the same hash needs no update.
func MappingHash(settings, mappings map[string]any) string {
	// json.Marshal sorts map keys, so the encoding is canonical.
	b, err := json.Marshal(map[string]any{"settings": settings, "mappings": mappings})
	if err != nil {
		panic("es: mapping not encodable: " + err.Error()) // static data: a programming error
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// Fields lists every field path a mapping defines, including object paths'
// leaves and multi-fields ("title.cjk"), for tests and the Kibana checks.
func Fields(mapping map[string]any) map[string]string {
	out := map[string]string{}
	var walk func(prefix string, props map[string]any)
	walk = func(prefix string, props map[string]any) {
		for name, v := range props {
			def, _ := v.(map[string]any)
			path := prefix + name
			if sub, ok := def["properties"].(map[string]any); ok {
				out[path] = "object"
				walk(path+".", sub)
				continue
			}
			typ, _ := def["type"].(string)
			out[path] = typ
			if fields, ok := def["fields"].(map[string]any); ok {
				for fn, fv := range fields {
					fd, _ := fv.(map[string]any)
					ft, _ := fd["type"].(string)
					out[path+"."+fn] = ft
				}
			}
		}
	}
	props, _ := mapping["properties"].(map[string]any)
	walk("", props)
	return out
}
