package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
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
	Rules     []string           // extra deal-rule files (config `rules`), added to the built-in ones
	Now       func() time.Time   // for relative dates; default time.Now
	// NoIndexTokens leaves Article.TitleTokens and TextTokens empty, for
	// callers that index nothing (kozan extract, kozan eval): the deal
	// rules then tokenize only the sentences they need.
	NoIndexTokens bool
}

// EngineVersion names the deal rules written in Go (extract/deal's
// relation, party and resolution code). Bump it with every change of what
// that code extracts; the rule files' changes are seen by RuleSet itself.
const EngineVersion = "e2026.12.07"

// RuleSet names the extraction rules cfg makes: EngineVersion and a digest
// of the rule files, the company list and the user's files (config `rules`,
// `companies`). Stored articles record it, and `kozan reextract` re-reads
// the pages extracted under another. It loads no dictionary: it is cheap.
func RuleSet(cfg Config) (string, error) {
	rules, err := deal.LoadRules(cfg.Rules...)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write(rules.Digest[:])
	g := org.BuiltinDigest()
	h.Write(g[:])
	if cfg.Companies != "" {
		b, err := os.ReadFile(cfg.Companies)
		if err != nil {
			return "", fmt.Errorf("companies: %w", err)
		}
		h.Write(b)
	}
	return EngineVersion + "-" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// Extractor extracts articles and deals. Build it once: it holds the kagome
// dictionary. It is safe for concurrent use.
type Extractor struct {
	gaz     *org.Gazetteer
	tok     *jtok.Tokenizer
	deals   *deal.Extractor
	now     func() time.Time
	class   *article.Classifier
	noIndex bool
}

// Companies is the company list of an Extractor whose Config.Companies is
// path: the built-in list, plus the file's companies when path is not "".
func Companies(path string) (*org.Gazetteer, error) {
	g, err := org.Builtin()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	if path != "" {
		if err := g.LoadFile(path); err != nil {
			return nil, fmt.Errorf("companies: %w", err) // LoadFile names the file
		}
	}
	return g, nil
}

// New builds an Extractor.
func New(cfg Config) (*Extractor, error) {
	tok, err := jtok.New()
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	g, err := Companies(cfg.Companies)
	if err != nil {
		return nil, err
	}
	rules, err := deal.LoadRules(cfg.Rules...)
	if err != nil {
		return nil, err
	}
	d, err := deal.New(deal.Config{Tokenizer: tok, Money: money.New(money.Config{FXUSD: cfg.FXUSD}), Gazetteer: g, Rules: rules})
	if err != nil {
		return nil, fmt.Errorf("deal rules: %w", err)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Extractor{gaz: g, tok: tok, deals: d, now: now, class: article.NewClassifier(), noIndex: cfg.NoIndexTokens}, nil
}

// Canonical is the company list's name of a party a deal names as its
// article writes it ("Cipher Mining" → "Cipher Digital"), or name when the
// list does not know it.
func (x *Extractor) Canonical(name string) string {
	c, _ := x.gaz.Canonical(name)
	return c
}

// Extract implements pipeline.Extractor: the page's article and its deals.
// A page that holds no article returns an error wrapping *pipeline.SkipError.
func (x *Extractor) Extract(ctx context.Context, p pipeline.Page) (pipeline.Document, error) {
	doc, _, err := x.ExplainPage(ctx, p)
	return doc, err
}

// ExplainPage is Extract with the deal rules' account of the page (see
// deal.WriteExplanation): what each rule set aside, matched and dropped.
func (x *Extractor) ExplainPage(ctx context.Context, p pipeline.Page) (pipeline.Document, deal.Result, error) {
	if err := ctx.Err(); err != nil {
		return pipeline.Document{}, deal.Result{}, err
	}
	a, err := article.Extract(p, article.Options{Now: x.now, Classifier: x.class})
	if err != nil {
		return pipeline.Document{}, deal.Result{}, err
	}
	a.Source = p.Source
	if !p.FetchedAt.IsZero() {
		t := p.FetchedAt.UTC()
		a.FetchedAt = &t
	}
	a.Aliases = p.Aliases
	doc, res := x.document(p.URL, a)
	return doc, res, nil
}

// Classify tells whether a fetched page is an article, a listing or
// another page, and which signal decided it. The crawler calls it (through
// its own Classifier interface) to follow listings; the URL shapes it
// learns are shared with Extract.
func (x *Extractor) Classify(p pipeline.Page) pipeline.Classification {
	return x.class.Classify(p)
}

// Text extracts deals from a plain text (no HTML): the whole input is the
// article text. lang is "ja", "en", or "" / "auto" to detect it.
func (x *Extractor) Text(source, title, body, lang string) pipeline.Document {
	doc, _ := x.TextExplained(source, title, body, lang)
	return doc
}

// TextExplained is Text with the deal rules' account of the text (see
// deal.WriteExplanation).
func (x *Extractor) TextExplained(source, title, body, lang string) (pipeline.Document, deal.Result) {
	a := pipeline.Article{Title: title, Text: body}
	if lang == "" || lang == "auto" {
		lang = article.DetectLang(body, "")
	}
	a.Lang = lang
	return x.document(source, a)
}

// document normalises the article and runs the deal rules on it.
func (x *Extractor) document(source string, a pipeline.Article) (pipeline.Document, deal.Result) {
	a.Title = strings.TrimSpace(text.Normalize(a.Title))
	a.Text = text.Normalize(a.Text)
	sum := sha256.Sum256([]byte(a.Text))
	a.ContentHash = hex.EncodeToString(sum[:])
	// The fingerprint reads the whole text on its own: on a long text it
	// is computed beside the deal rules.
	var fp sync.WaitGroup
	if len(a.Text) >= 64<<10 {
		fp.Go(func() { a.Fingerprint = text.Simhash(a.Text) })
	} else {
		a.Fingerprint = text.Simhash(a.Text)
	}
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
	fp.Wait()
	if res.Err != nil {
		// The article stays (stored, searchable); only its deals are lost.
		slog.Error("extract: deal rules failed", "source", source, "url", a.URL, "err", res.Err)
	}
	doc := pipeline.Document{Source: source, Article: a, Deals: res.Deals, Amounts: res.Amounts}
	if doc.Deals == nil {
		doc.Deals = []pipeline.Deal{}
	}
	if doc.Amounts == nil {
		doc.Amounts = []pipeline.Amount{}
	}
	return doc, res
}

// Tokens returns the search tokens of s, joined by spaces, exactly as the
// full-text indexes hold them: use it for queries.
func (x *Extractor) Tokens(s string) string {
	return x.tok.Join(text.Normalize(s))
}
