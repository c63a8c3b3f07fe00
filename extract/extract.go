package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/extract/article"
	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// Config tunes the Extractor. The zero value works.
type Config struct {
	FXUSD     map[string]float64 // currency → USD per unit, for Amount.USD
	Companies string             // an extra gazetteer file (config `companies`), added to the built-in one
	Now       func() time.Time   // for relative dates; default time.Now
	// NoIndexTokens leaves Article.TitleTokens and TextTokens empty, for
	// callers that index nothing (kozan extract, kozan eval): the deal
	// rules then tokenize only the sentences they need.
	NoIndexTokens bool
}

// Extractor extracts articles and deals. Build it once: it holds the kagome
// dictionary. It is safe for concurrent use.
type Extractor struct {
	tok     *jtok.Tokenizer
	deals   *deal.Extractor
	now     func() time.Time
	noIndex bool
}

// New builds an Extractor.
func New(cfg Config) (*Extractor, error) {
	tok, err := jtok.New()
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	g, err := org.Builtin()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	if cfg.Companies != "" {
		if err := g.LoadFile(cfg.Companies); err != nil {
			return nil, fmt.Errorf("companies %s: %w", cfg.Companies, err)
		}
	}
	d, err := deal.New(deal.Config{Tokenizer: tok, Money: money.New(money.Config{FXUSD: cfg.FXUSD}), Gazetteer: g})
	if err != nil {
		return nil, fmt.Errorf("deal rules: %w", err)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Extractor{tok: tok, deals: d, now: now, noIndex: cfg.NoIndexTokens}, nil
}

// Extract implements pipeline.Extractor: the page's article and its deals.
// A page that holds no article returns an error wrapping *pipeline.SkipError.
func (x *Extractor) Extract(ctx context.Context, p pipeline.Page) (pipeline.Document, error) {
	if err := ctx.Err(); err != nil {
		return pipeline.Document{}, err
	}
	a, err := article.Extract(p, article.Options{Now: x.now})
	if err != nil {
		return pipeline.Document{}, err
	}
	a.Source = p.Source
	if !p.FetchedAt.IsZero() {
		t := p.FetchedAt.UTC()
		a.FetchedAt = &t
	}
	a.Aliases = p.Aliases
	return x.document(p.URL, a), nil
}

// Text extracts deals from a plain text (no HTML): the whole input is the
// article text. lang is "ja", "en", or "" / "auto" to detect it.
func (x *Extractor) Text(source, title, body, lang string) pipeline.Document {
	a := pipeline.Article{Title: title, Text: body}
	if lang == "" || lang == "auto" {
		lang = article.DetectLang(body, "")
	}
	a.Lang = lang
	return x.document(source, a)
}

// document normalises the article and runs the deal rules on it.
func (x *Extractor) document(source string, a pipeline.Article) pipeline.Document {
	a.Title = strings.TrimSpace(text.Normalize(a.Title))
	a.Text = text.Normalize(a.Text)
	sum := sha256.Sum256([]byte(a.Text))
	a.ContentHash = hex.EncodeToString(sum[:])
	if a.URL != "" {
		a.ID = pipeline.ArticleID(a.URL)
	}
	var res deal.Result
	if x.noIndex {
		// Without an index, kagome reads only the sentences the rules need.
		res = x.deals.Extract(a.Title, a.Text)
	} else {
		// One tokenization serves the search index and the deal rules.
		a.TitleTokens = x.tok.Join(a.Title)
		toks := x.tok.Tokens(a.Text)
		a.TextTokens = jtok.JoinTokens(toks, len(a.Text))
		res = x.deals.ExtractTokens(a.Title, a.Text, toks)
	}
	doc := pipeline.Document{Source: source, Article: a, Deals: res.Deals, Amounts: res.Amounts}
	if doc.Deals == nil {
		doc.Deals = []pipeline.Deal{}
	}
	if doc.Amounts == nil {
		doc.Amounts = []pipeline.Amount{}
	}
	return doc
}

// Tokens returns the search tokens of s, joined by spaces, exactly as the
// full-text indexes hold them: use it for queries.
func (x *Extractor) Tokens(s string) string {
	return x.tok.Join(text.Normalize(s))
}
